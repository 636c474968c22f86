import { Prisma, type Card as CardRow } from "../generated/prisma/client";
import type { Db } from "../db/client";
import { cardToRow, recordToLogRow, rowToCard } from "./card-mapper";
import { formatInterval, newCard, preview, retrievability, review, RATINGS, type CardState, type Rating } from "./scheduler";
import { dayKey, startOfDay, startOfNextDay } from "../time";
import { DAY_MS, daysUntilInterview, getSettings, rowToSettings, schedulerSettings, type LearnerSettings } from "./settings";

// Storage and queue logic around the pure scheduler. Every function takes `now` and the deck's
// question ids, so tests drive it with a fixed clock and no content bundle.

export { getSettings, saveSettings } from "./settings";
export { startOfDay, startOfNextDay } from "../time";
export type { LearnerSettings } from "./settings";

export const LEARN_AHEAD_MS = 20 * 60 * 1000;

export class QuizError extends Error {
  constructor(
    readonly status: 400 | 404 | 409,
    message: string,
  ) {
    super(message);
  }
}

export interface QueueCounts {
  learning: number;
  review: number;
  new: number;
}

export interface NextCard {
  questionId: string;
  state: CardState["state"];
  /** Due date and short label for each grade, computed at `now`. */
  previews: Record<Rating, { due: string; label: string }>;
  /** The question's text changed after the learner last reviewed it. */
  changed: boolean;
  flagged: boolean;
}

export interface QueueOptions {
  /** Questions an upcoming interview covers (null: no interview or everything). */
  interviewScope?: Set<string> | null;
  /** Practice (cram): weakest first, no limits, nothing in the schedule changes. */
  practice?: boolean;
  /** Practice only: questions already practised in this session. */
  exclude?: string[];
  /** Show this question next if it is in the deck and not suspended (used right after an undo). */
  prefer?: string;
  /** The learner's IANA time zone: their day, not the server's, bounds the new-card allowance. */
  tz?: string;
}

const isLearning = (s: number) => s === 1 || s === 3;

/**
 * The next card to show: learning cards that are due, then review cards that are due (and cards whose
 * question changed since last studied), then new cards while today's allowance lasts, then learning
 * cards due within 20 minutes. Suspended and buried cards are skipped.
 */
export async function nextCard(
  db: Db,
  learnerId: string,
  deckIds: string[],
  now: Date,
  opts: QueueOptions = {},
): Promise<{ card: NextCard | null; counts: QueueCounts }> {
  const settings = await getSettings(db, learnerId);
  const inDeck = new Set(deckIds);
  const [questions, cards, newToday] = await Promise.all([
    db.question.findMany({ where: { archivedAt: null }, select: { id: true, contentHash: true } }),
    db.card.findMany({ where: { learnerId }, orderBy: { due: "asc" } }),
    db.reviewLog.count({ where: { learnerId, state: 0, reviewedAt: { gte: startOfDay(now, opts.tz) } } }),
  ]);
  const hashOf = new Map(questions.map((q) => [q.id, q.contentHash]));
  const available = (c: CardRow) => inDeck.has(c.questionId) && hashOf.has(c.questionId) && !c.suspended && !(c.buriedUntil && c.buriedUntil > now);
  const changed = (c: CardRow) => c.state !== 0 && c.seenHash !== null && c.seenHash !== hashOf.get(c.questionId);
  const byId = new Map(cards.map((c) => [c.questionId, c]));
  const started = cards.filter((c) => c.state !== 0 && available(c));
  const fresh = deckIds.filter((id) => {
    const c = byId.get(id);
    return hashOf.has(id) && (!c || (c.state === 0 && available(c)));
  });
  const scope = opts.interviewScope ?? null;
  const sched = (questionId: string) => schedulerSettings(settings, now, !scope || scope.has(questionId));

  let pick: { questionId: string; card: CardState; changed: boolean; flagged: boolean } | undefined;
  const fromRow = (row: CardRow) => ({ questionId: row.questionId, card: rowToCard(row), changed: changed(row), flagged: row.flagged });
  const fromFresh = (id: string) => ({ questionId: id, card: byId.has(id) ? rowToCard(byId.get(id)!) : newCard(now), changed: false, flagged: byId.get(id)?.flagged ?? false });

  let counts: QueueCounts;
  const preferred = opts.prefer && inDeck.has(opts.prefer) && hashOf.has(opts.prefer) && !byId.get(opts.prefer)?.suspended ? opts.prefer : undefined;
  if (opts.practice) {
    const skip = new Set(opts.exclude ?? []);
    const weakest = started
      .filter((c) => !skip.has(c.questionId))
      .map((c) => ({ c, r: retrievability(rowToCard(c), now, sched(c.questionId)) }))
      .sort((a, b) => a.r - b.r);
    const unseen = fresh.filter((id) => !skip.has(id));
    counts = { learning: 0, review: weakest.length, new: unseen.length };
    if (weakest.length) pick = fromRow(weakest[0].c);
    else if (unseen.length) pick = fromFresh(unseen[0]);
  } else {
    const dueLearning = started.filter((c) => isLearning(c.state) && c.due <= now);
    let dueReview = started.filter((c) => c.state === 2 && (c.due <= now || changed(c)));
    dueReview = orderReviews(dueReview, settings, now, sched, dayKey(now, opts.tz));
    const allowance = Math.max(0, newAllowance(settings, fresh, scope, now) - newToday);
    counts = { learning: dueLearning.length, review: dueReview.length, new: Math.min(allowance, fresh.length) };
    // Changed questions jump the queue: the learner should see the new answer in this session.
    const changedFirst = [...dueLearning, ...dueReview].find(changed);
    const preferredRow = preferred ? byId.get(preferred) : undefined;
    if (preferred) pick = preferredRow && preferredRow.state !== 0 ? fromRow(preferredRow) : fromFresh(preferred);
    else if (changedFirst) pick = fromRow(changedFirst);
    else if (dueLearning.length) pick = fromRow(dueLearning[0]);
    else if (dueReview.length) pick = fromRow(dueReview[0]);
    else if (counts.new > 0) pick = fromFresh(scope ? (fresh.find((id) => scope.has(id)) ?? fresh[0]) : fresh[0]);
    else {
      const ahead = started.find((c) => isLearning(c.state) && c.due.getTime() - now.getTime() <= LEARN_AHEAD_MS);
      if (ahead) pick = fromRow(ahead);
    }
  }
  if (!pick) return { card: null, counts };

  const due = preview(pick.card, now, sched(pick.questionId));
  const previews = Object.fromEntries(
    RATINGS.map((r) => {
      const d = clampToInterview(due[r], settings, now, !scope || scope.has(pick.questionId));
      return [r, { due: d.toISOString(), label: formatInterval(d.getTime() - now.getTime()) }];
    }),
  ) as NextCard["previews"];
  return { card: { questionId: pick.questionId, state: pick.card.state, previews, changed: pick.changed, flagged: pick.flagged }, counts };
}

/** With an interview ahead, enough new cards a day that every unseen card in scope is introduced in time. */
function newAllowance(settings: LearnerSettings, fresh: string[], scope: Set<string> | null, now: Date): number {
  const days = daysUntilInterview(settings, now);
  if (days === null) return settings.newPerDay;
  const unseenInScope = scope ? fresh.filter((id) => scope.has(id)).length : fresh.length;
  // Leave the last day for review: introduce everything by the day before.
  return Math.max(settings.newPerDay, Math.ceil(unseenInScope / Math.max(1, Math.floor(days) - 1)));
}

function orderReviews(cards: CardRow[], settings: LearnerSettings, now: Date, sched: (id: string) => ReturnType<typeof schedulerSettings>, today: string): CardRow[] {
  if (settings.reviewOrder === "weakest") {
    return cards
      .map((c) => ({ c, r: retrievability(rowToCard(c), now, sched(c.questionId)) }))
      .sort((a, b) => a.r - b.r)
      .map((x) => x.c);
  }
  if (settings.reviewOrder === "random") {
    // Stable within a day so a reload does not reshuffle what the learner just saw.
    return [...cards].sort((a, b) => hash(`${today}${a.questionId}`) - hash(`${today}${b.questionId}`));
  }
  return cards;
}

function hash(s: string): number {
  let h = 2166136261;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 16777619);
  return h >>> 0;
}

/** Before an interview, nothing in its scope may fall due after the day before it. */
function clampToInterview(due: Date, settings: LearnerSettings, now: Date, inScope: boolean): Date {
  if (!inScope || daysUntilInterview(settings, now) === null) return due;
  const latest = new Date(Math.max(now.getTime(), settings.interviewDate!.getTime() - DAY_MS));
  return due > latest ? latest : due;
}

export interface ReviewInput {
  reviewId: string;
  questionId: string;
  rating: Rating;
  durationMs?: number;
  practice?: boolean;
}

export interface ReviewResult {
  duplicate: boolean;
  card: CardState | null;
}

/**
 * Applies one grade. The card update and the log row are one transaction; the log's key is the
 * client-generated review id, so a retried request returns the stored result instead of grading twice.
 * Practice answers go to their own table and never touch the card.
 */
export async function submitReview(db: Db, learnerId: string, input: ReviewInput, now: Date, opts: { interviewScope?: Set<string> | null } = {}): Promise<ReviewResult> {
  if (input.practice) return submitPractice(db, learnerId, input, now);
  const replay = await findReplay(db, learnerId, input);
  if (replay) return replay;
  try {
    return await db.$transaction(async (tx) => {
      const question = await tx.question.findUnique({ where: { id: input.questionId } });
      if (!question || question.archivedAt) throw new QuizError(404, `No question with id "${input.questionId}" is in the quiz.`);
      const learner = await tx.learner.upsert({ where: { id: learnerId }, create: { id: learnerId }, update: {} });
      const settings = rowToSettings(learner);
      const key = { learnerId_questionId: { learnerId, questionId: input.questionId } };
      const row = await tx.card.findUnique({ where: key });
      const before = row ? rowToCard(row) : newCard(now);
      const scope = opts.interviewScope ?? null;
      const inScope = !scope || scope.has(input.questionId);
      const { card, log } = review(before, input.rating, now, schedulerSettings(settings, now, inScope));
      card.due = clampToInterview(card.due, settings, now, inScope);
      const flags = { seenHash: question.contentHash, buriedUntil: null };
      await tx.card.upsert({
        where: key,
        create: { learnerId, questionId: input.questionId, ...cardToRow(card), ...flags },
        update: { ...cardToRow(card), ...flags },
      });
      await tx.reviewLog.create({
        data: {
          id: input.reviewId,
          learnerId,
          questionId: input.questionId,
          durationMs: input.durationMs,
          prevCard: row ? JSON.stringify(row) : null,
          ...recordToLogRow(log),
        },
      });
      return { duplicate: false, card };
    });
  } catch (err) {
    // Two copies of the same request raced: the loser hit the primary key. Answer like a replay.
    if (err instanceof Prisma.PrismaClientKnownRequestError && err.code === "P2002") {
      const again = await findReplay(db, learnerId, input);
      if (again) return again;
    }
    throw err;
  }
}

async function findReplay(db: Db, learnerId: string, input: ReviewInput): Promise<ReviewResult | null> {
  const key = { learnerId_id: { learnerId, id: input.reviewId } };
  const [existing, undone] = await Promise.all([db.reviewLog.findUnique({ where: key }), db.undoneReview.findUnique({ where: key })]);
  if (!existing && !undone) return null;
  if (existing && existing.questionId !== input.questionId) {
    throw new QuizError(409, "This review id was already used for a different question. Generate a new id for each answer.");
  }
  const row = await db.card.findUnique({ where: { learnerId_questionId: { learnerId, questionId: input.questionId } } });
  return { duplicate: true, card: row ? rowToCard(row) : null };
}

async function submitPractice(db: Db, learnerId: string, input: ReviewInput, now: Date): Promise<ReviewResult> {
  const question = await db.question.findUnique({ where: { id: input.questionId } });
  if (!question || question.archivedAt) throw new QuizError(404, `No question with id "${input.questionId}" is in the quiz.`);
  await db.learner.upsert({ where: { id: learnerId }, create: { id: learnerId }, update: {} });
  let duplicate = false;
  try {
    await db.practiceReview.create({ data: { learnerId, id: input.reviewId, questionId: input.questionId, rating: input.rating, reviewedAt: now } });
  } catch (err) {
    if (!(err instanceof Prisma.PrismaClientKnownRequestError && err.code === "P2002")) throw err;
    duplicate = true;
  }
  const row = await db.card.findUnique({ where: { learnerId_questionId: { learnerId, questionId: input.questionId } } });
  return { duplicate, card: row ? rowToCard(row) : null };
}

/**
 * Takes back the learner's most recent answer: the card returns to exactly what it was and the log row
 * goes away. The id is remembered so a late retry of that answer cannot bring it back.
 */
export async function undoReview(db: Db, learnerId: string, reviewId: string): Promise<{ questionId: string }> {
  return db.$transaction(async (tx) => {
    const log = await tx.reviewLog.findUnique({ where: { learnerId_id: { learnerId, id: reviewId } } });
    if (!log) throw new QuizError(404, "There is no such answer to undo (it may have been undone already).");
    const latest = await tx.reviewLog.findFirst({ where: { learnerId }, orderBy: [{ reviewedAt: "desc" }, { createdAt: "desc" }] });
    if (latest && latest.id !== log.id) throw new QuizError(409, "Only your most recent answer can be undone.");
    const key = { learnerId_questionId: { learnerId, questionId: log.questionId } };
    if (log.prevCard) {
      const prev = JSON.parse(log.prevCard, (k, v) => (["due", "lastReview", "buriedUntil", "createdAt", "updatedAt"].includes(k) && v ? new Date(v) : v)) as CardRow;
      const { learnerId: _l, questionId: _q, ...data } = prev;
      await tx.card.update({ where: key, data });
    } else {
      await tx.card.delete({ where: key });
    }
    await tx.reviewLog.delete({ where: { learnerId_id: { learnerId, id: reviewId } } });
    await tx.undoneReview.create({ data: { learnerId, id: reviewId } });
    return { questionId: log.questionId };
  });
}

/** Card row for study controls on a question the learner may not have studied yet. */
async function withCard(db: Db, learnerId: string, questionId: string, now: Date, data: Partial<Pick<CardRow, "buriedUntil" | "suspended" | "flagged">>) {
  const question = await db.question.findUnique({ where: { id: questionId } });
  if (!question || question.archivedAt) throw new QuizError(404, `No question with id "${questionId}" is in the quiz.`);
  await db.learner.upsert({ where: { id: learnerId }, create: { id: learnerId }, update: {} });
  const row = await db.card.upsert({
    where: { learnerId_questionId: { learnerId, questionId } },
    create: { learnerId, questionId, ...cardToRow(newCard(now)), ...data },
    update: data,
  });
  return { buriedUntil: row.buriedUntil, suspended: row.suspended, flagged: row.flagged };
}

export const buryCard = (db: Db, learnerId: string, questionId: string, now: Date, tz?: string) =>
  withCard(db, learnerId, questionId, now, { buriedUntil: startOfNextDay(now, tz) });
export const setSuspended = (db: Db, learnerId: string, questionId: string, suspended: boolean, now: Date) => withCard(db, learnerId, questionId, now, { suspended });
export const setFlagged = (db: Db, learnerId: string, questionId: string, flagged: boolean, now: Date) => withCard(db, learnerId, questionId, now, { flagged });

/** Mean probability of recall on the interview day over the scope; unseen cards count as 0. */
export async function projectedRecall(db: Db, learnerId: string, scope: string[], at: Date): Promise<{ recall: number; seen: number; total: number }> {
  const settings = await getSettings(db, learnerId);
  const cards = await db.card.findMany({ where: { learnerId, questionId: { in: scope }, state: { not: 0 } } });
  const sum = cards.reduce((acc, c) => acc + retrievability(rowToCard(c), at, schedulerSettings(settings, at, true)), 0);
  return { recall: scope.length ? sum / scope.length : 0, seen: cards.length, total: scope.length };
}
