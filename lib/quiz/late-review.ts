// Answers that arrive out of time order: a device that studied offline syncs an answer older than the
// card's last review (another device, online or synced first). Anki's rule: keep every log row and
// recompute the card from its log in time order, so the schedule is what replaying all the answers gives.
import type { Card as CardRow, ReviewLog } from "../generated/prisma/client";
import type { Db } from "../db/client";
import { cardToRow, parsePrevCard, recordToLogRow } from "./card-mapper";
import { balancedReview } from "./load-balance";
import { leechUpdate } from "./leech";
import { newCard, review, type CardState, type Rating } from "./scheduler";
import { clampToInterview, schedulerSettings, type LearnerSettings } from "./settings";

type Tx = Omit<Db, "$connect" | "$disconnect" | "$on" | "$transaction" | "$extends">;

/** One answer as the replay needs it. */
export interface LogEntry {
  rating: Rating;
  reviewedAt: Date;
}

/**
 * One grade exactly as submitReview applies it online (review at the answer's time, then the interview
 * clamp), so a replay of the log and the answers applied one by one in time order agree.
 */
export function applyAnswer(before: CardState, entry: LogEntry, settings: LearnerSettings, inScope: boolean) {
  const { card, log } = review(before, entry.rating, entry.reviewedAt, schedulerSettings(settings, entry.reviewedAt, inScope));
  card.due = clampToInterview(card.due, settings, entry.reviewedAt, inScope);
  return { card, log };
}

/** Each entry's card before it and the card after the last one, starting from `start`. */
export function replayLog(start: CardState, entries: LogEntry[], settings: LearnerSettings, inScope: boolean) {
  const steps: { before: CardState; log: ReturnType<typeof applyAnswer>["log"] }[] = [];
  let card = start;
  for (const e of entries) {
    const next = applyAnswer(card, e, settings, inScope);
    steps.push({ before: card, log: next.log });
    card = next.card;
  }
  return { steps, card };
}

/**
 * The same replay with each answer scheduled as submitReview schedules it online: load balancing, when
 * the learner has it on, picks each due day from today's load (the card itself excluded), so answers sent
 * in time order and the same answers merged late give the same card when the other cards have not moved.
 */
async function replayBalanced(q: Tx, start: CardState, entries: LogEntry[], r: LateReview) {
  const steps: { before: CardState; log: ReturnType<typeof applyAnswer>["log"] }[] = [];
  const ctx = { learnerId: r.learnerId, questionId: r.questionId, tz: r.tz, ...r.settings };
  let card = start;
  for (const e of entries) {
    const next = await balancedReview(q, card, e.rating, e.reviewedAt, schedulerSettings(r.settings, e.reviewedAt, r.inScope), ctx);
    next.card.due = clampToInterview(next.card.due, r.settings, e.reviewedAt, r.inScope);
    steps.push({ before: card, log: next.log });
    card = next.card;
  }
  return { steps, card };
}

export interface LateReview {
  learnerId: string;
  reviewId: string;
  questionId: string;
  rating: Rating;
  durationMs?: number;
  reviewedAt: Date;
  /** The card row as read under the learner's lock. */
  row: CardRow;
  contentHash: string;
  settings: LearnerSettings;
  inScope: boolean;
  /** The learner's IANA time zone, for load balancing's day buckets. */
  tz?: string;
}

// Rows of equal time keep the order they were stored in; the id breaks a tie within one batch.
const byTime = (a: ReviewLog, b: ReviewLog) => a.reviewedAt.getTime() - b.reviewedAt.getTime() || a.createdAt.getTime() - b.createdAt.getTime() || a.id.localeCompare(b.id);

/**
 * Inserts a late answer into the card's log and recomputes the card and the "before" snapshot of every
 * later row (undo and the FSRS fit read those). Must run inside a transaction that holds the learner's
 * lock (lib/db/locks.ts): it reads the card's whole log, bounded by one card's reviews (indexed by
 * learner, question, time). A duplicate review id fails the insert, which submitReview treats as a replay.
 */
export async function insertLateReview(q: Tx, r: LateReview): Promise<CardState> {
  const where = { learnerId: r.learnerId, questionId: r.questionId };
  const stored = (await q.reviewLog.findMany({ where })).sort(byTime);
  // The card before its first logged answer: that row's snapshot (an import may start mid-history), else new.
  const first = stored[0]?.prevCard ? parsePrevCard(stored[0].prevCard) : null;
  const earliest = stored[0] && stored[0].reviewedAt <= r.reviewedAt ? stored[0].reviewedAt : r.reviewedAt;
  const start: CardState = first ? { ...first, state: first.state as CardState["state"] } : newCard(earliest);
  // After every stored row of the same time or earlier, as if it had been sent in time.
  const at = stored.findIndex((s) => s.reviewedAt > r.reviewedAt);
  const pos = at < 0 ? stored.length : at;
  const entries: LogEntry[] = stored.map((s) => ({ rating: s.rating as Rating, reviewedAt: s.reviewedAt }));
  entries.splice(pos, 0, { rating: r.rating, reviewedAt: r.reviewedAt });
  const { steps, card } = await replayBalanced(q, start, entries, r);

  // Flags (suspended, flagged, seen hash) in a snapshot stay as they were; only the schedule is replayed.
  const snapshot = (i: number, base: string | null): string | null => {
    if (i === 0) return stored[0]?.prevCard ?? null;
    const kept = base ? parsePrevCard(base) : null;
    return JSON.stringify({ ...(kept ?? r.row), ...cardToRow(steps[i].before) });
  };
  await q.reviewLog.create({
    data: { id: r.reviewId, ...where, durationMs: r.durationMs, prevCard: snapshot(pos, null), ...recordToLogRow(steps[pos].log) },
  });
  for (let i = pos + 1; i < entries.length; i++) {
    const s = stored[i - 1];
    await q.reviewLog.update({ where: { learnerId_id: { learnerId: r.learnerId, id: s.id } }, data: { ...recordToLogRow(steps[i].log), prevCard: snapshot(i, s.prevCard) } });
  }
  await q.card.update({
    where: { learnerId_questionId: where },
    // A replay can add a lapse (an offline Again merged in), so the leech rule sees the new count.
    data: { ...cardToRow(card), ...leechUpdate(r.row.lapses, card.lapses, r.settings), seenHash: r.contentHash, buriedUntil: null },
  });
  return card;
}
