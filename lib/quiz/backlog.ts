// Postpone and Advance, as the FSRS Helper add-on offers them: they move due dates only. They are not
// reviews, so no ReviewLog row is written and the memory state (stability, difficulty, last review) is
// untouched; the next real answer sees the true elapsed time and FSRS accounts for it.
import { z } from "zod";
import type { Db } from "../db/client";
import { learnerLockStatements } from "../db/locks";
import type { Card as CardRow } from "../generated/prisma/client";
import { startOfDay } from "../time";
import { rowToCard } from "./card-mapper";
import { State } from "./enums";
import { BACKLOG_LIMITS, DAY_MS } from "./rules";
import { retrievability } from "./scheduler";
import { clampToInterview, daysUntilInterview, schedulerSettings, type LearnerSettings } from "./settings";

const whole = (name: keyof typeof BACKLOG_LIMITS) =>
  z.coerce
    .number()
    .int("Use a whole number")
    .min(BACKLOG_LIMITS[name].min, `Use at least ${BACKLOG_LIMITS[name].min}`)
    .max(BACKLOG_LIMITS[name].max, `Use at most ${BACKLOG_LIMITS[name].max}`);

export const postponeInput = z.object({ days: whole("spreadDays") });
export const advanceInput = z.object({ count: whole("advanceCount") });

export interface BacklogResult {
  /** Cards whose due date moved. */
  moved: number;
  /** Cards answered or changed between the read and the write: left as they were. */
  skipped: number;
}

export interface BacklogOptions {
  settings: LearnerSettings;
  /** Questions an interview ahead covers (their due dates stay before it), or null. */
  scope: Set<string> | null;
  tz?: string;
}

// A few hundred single-row updates per transaction keeps each one short on both databases.
const CHUNK = 200;

/**
 * Writes new due dates, each conditional on the row being unchanged since it was read (its updatedAt), so
 * an answer given meanwhile wins. Every update names the learner and one question: never another
 * learner's card, and no statement grows with the number of cards.
 */
async function writeDue(db: Db, learnerId: string, moves: { row: CardRow; due: Date }[]): Promise<BacklogResult> {
  let moved = 0;
  for (let i = 0; i < moves.length; i += CHUNK) {
    const chunk = moves.slice(i, i + CHUNK);
    const results = await db.$transaction([
      ...learnerLockStatements(db, learnerId),
      ...chunk.map(({ row, due }) => db.card.updateMany({ where: { learnerId, questionId: row.questionId, updatedAt: row.updatedAt }, data: { due } })),
    ]);
    for (const r of results) if (typeof r === "object" && r !== null && "count" in r) moved += r.count;
  }
  return { moved, skipped: moves.length - moved };
}

/** Lowest probability of recall first; ties by due date, then id, so the order is stable. */
function byRecall(rows: CardRow[], now: Date, settings: LearnerSettings) {
  const sched = schedulerSettings(settings, now, false);
  return rows
    .map((row) => ({ row, r: retrievability(rowToCard(row), now, sched) }))
    .sort((a, b) => a.r - b.r || a.row.due.getTime() - b.row.due.getTime() || (a.row.questionId < b.row.questionId ? -1 : 1));
}

/**
 * Spreads the overdue review cards over today and the next `days` days, in equal shares: the lowest
 * recall stays due today, the highest (the safest to wait) goes last. Within a day the due times keep
 * that order, so "oldest due first" still shows the weakest card first.
 */
export async function postponeBacklog(db: Db, learnerId: string, days: number, now: Date, opts: BacklogOptions): Promise<BacklogResult> {
  const rows = await db.card.findMany({ where: { learnerId, state: State.Review, suspended: false, due: { lte: now } } });
  const ranked = byRecall(rows, now, opts.settings);
  const shares = days + 1;
  const today = startOfDay(now, opts.tz);
  const moves: { row: CardRow; due: Date }[] = [];
  ranked.forEach(({ row }, i) => {
    const day = Math.floor((i * shares) / ranked.length);
    if (day === 0) return;
    // Noon of the target day is inside it whatever daylight saving does; its start is that day's midnight.
    const midnight = startOfDay(new Date(today.getTime() + day * DAY_MS + DAY_MS / 2), opts.tz);
    const due = new Date(midnight.getTime() + moves.length * 1000);
    moves.push({ row, due: clampToInterview(due, opts.settings, now, opts.scope?.has(row.questionId) ?? false) });
  });
  return writeDue(db, learnerId, moves);
}

/**
 * Makes the `count` review cards not yet due that are weakest now due immediately, for a session ahead of
 * time. With an interview ahead, cards due after it come first: otherwise it would be their last chance.
 */
export async function advanceReviews(db: Db, learnerId: string, count: number, now: Date, opts: BacklogOptions): Promise<BacklogResult> {
  const rows = await db.card.findMany({ where: { learnerId, state: State.Review, suspended: false, due: { gt: now } } });
  const interviewAt = daysUntilInterview(opts.settings, now) !== null ? opts.settings.interviewAt : null;
  const ranked = byRecall(rows, now, opts.settings);
  const after = new Set(interviewAt ? ranked.filter(({ row }) => row.due > interviewAt) : []);
  const picked = [...after, ...ranked.filter((x) => !after.has(x))].slice(0, count);
  // A second apart, just before now: in due order the weakest of them comes first.
  return writeDue(
    db,
    learnerId,
    picked.map(({ row }, i) => ({ row, due: new Date(now.getTime() - (picked.length - i) * 1000) })),
  );
}
