import { Prisma } from "../generated/prisma/client";
import type { Db } from "../db/client";
import { cardToRow, recordToLogRow, rowToCard } from "./card-mapper";
import { formatInterval, newCard, preview, review, RATINGS, type CardState, type Rating } from "./scheduler";

// Storage and queue logic around the pure scheduler. Every function takes `now` and the deck's
// question ids, so tests drive it with a fixed clock and no content bundle.

export const LEARN_AHEAD_MS = 20 * 60 * 1000;

export class QuizError extends Error {
  constructor(
    readonly status: 400 | 404 | 409,
    message: string,
  ) {
    super(message);
  }
}

export interface Settings {
  desiredRetention: number;
  newPerDay: number;
}

export const DEFAULT_LEARNER_SETTINGS: Settings = { desiredRetention: 0.9, newPerDay: 20 };

export async function getSettings(db: Db, learnerId: string): Promise<Settings> {
  const row = await db.learner.findUnique({ where: { id: learnerId } });
  return row ? { desiredRetention: row.desiredRetention, newPerDay: row.newPerDay } : { ...DEFAULT_LEARNER_SETTINGS };
}

export async function saveSettings(db: Db, learnerId: string, settings: Settings): Promise<Settings> {
  const row = await db.learner.upsert({ where: { id: learnerId }, create: { id: learnerId, ...settings }, update: settings });
  return { desiredRetention: row.desiredRetention, newPerDay: row.newPerDay };
}

/** Local midnight of `now` on the server; the new-card limit resets then. */
export function startOfDay(now: Date): Date {
  const d = new Date(now);
  d.setHours(0, 0, 0, 0);
  return d;
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
}

/**
 * The next card to show: learning cards that are due, then review cards that are due (oldest first),
 * then new cards while today's new-card allowance lasts, then learning cards due within 20 minutes.
 */
export async function nextCard(
  db: Db,
  learnerId: string,
  deckIds: string[],
  now: Date,
): Promise<{ card: NextCard | null; counts: QueueCounts }> {
  const settings = await getSettings(db, learnerId);
  const inDeck = new Set(deckIds);
  const active = new Set((await db.question.findMany({ where: { archivedAt: null }, select: { id: true } })).map((q) => q.id));
  const [cards, newToday, hashes] = await Promise.all([
    db.card.findMany({ where: { learnerId }, orderBy: { due: "asc" } }),
    db.reviewLog.count({ where: { learnerId, state: 0, reviewedAt: { gte: startOfDay(now) } } }),
    db.question.findMany({ where: { id: { in: deckIds } }, select: { id: true, contentHash: true } }),
  ]);
  const hashOf = new Map(hashes.map((h) => [h.id, h.contentHash]));
  const deckCards = cards.filter((c) => inDeck.has(c.questionId) && active.has(c.questionId));
  const seen = new Set(cards.map((c) => c.questionId));
  const isLearning = (s: number) => s === 1 || s === 3;

  const dueLearning = deckCards.filter((c) => isLearning(c.state) && c.due <= now);
  const dueReview = deckCards.filter((c) => c.state === 2 && c.due <= now);
  const allowance = Math.max(0, settings.newPerDay - newToday);
  const fresh = deckIds.filter((id) => !seen.has(id) && active.has(id));
  const counts: QueueCounts = { learning: dueLearning.length, review: dueReview.length, new: Math.min(allowance, fresh.length) };

  let pick: { questionId: string; card: CardState; changed: boolean } | undefined;
  const fromRow = (row: (typeof deckCards)[number]) => ({
    questionId: row.questionId,
    card: rowToCard(row),
    changed: row.seenHash !== null && hashOf.get(row.questionId) !== undefined && row.seenHash !== hashOf.get(row.questionId),
  });
  if (dueLearning.length) pick = fromRow(dueLearning[0]);
  else if (dueReview.length) pick = fromRow(dueReview[0]);
  else if (counts.new > 0) pick = { questionId: fresh[0], card: newCard(now), changed: false };
  else {
    const ahead = deckCards.find((c) => isLearning(c.state) && c.due.getTime() - now.getTime() <= LEARN_AHEAD_MS);
    if (ahead) pick = fromRow(ahead);
  }
  if (!pick) return { card: null, counts };

  const due = preview(pick.card, now, settings);
  const previews = Object.fromEntries(
    RATINGS.map((r) => [r, { due: due[r].toISOString(), label: formatInterval(due[r].getTime() - now.getTime()) }]),
  ) as NextCard["previews"];
  return { card: { questionId: pick.questionId, state: pick.card.state, previews, changed: pick.changed }, counts };
}

export interface ReviewInput {
  reviewId: string;
  questionId: string;
  rating: Rating;
  durationMs?: number;
}

export interface ReviewResult {
  duplicate: boolean;
  card: CardState;
}

/**
 * Applies one grade. The card update and the log row are one transaction; the log's primary key is the
 * client-generated review id, so a retried request returns the stored result instead of grading twice.
 */
export async function submitReview(db: Db, learnerId: string, input: ReviewInput, now: Date): Promise<ReviewResult> {
  const replay = await findReplay(db, learnerId, input);
  if (replay) return replay;
  try {
    return await db.$transaction(async (tx) => {
      const question = await tx.question.findUnique({ where: { id: input.questionId } });
      if (!question || question.archivedAt) throw new QuizError(404, `No question with id "${input.questionId}" is in the quiz.`);
      const learner = await tx.learner.upsert({ where: { id: learnerId }, create: { id: learnerId }, update: {} });
      const key = { learnerId_questionId: { learnerId, questionId: input.questionId } };
      const row = await tx.card.findUnique({ where: key });
      const before = row ? rowToCard(row) : newCard(now);
      const { card, log } = review(before, input.rating, now, { desiredRetention: learner.desiredRetention });
      await tx.card.upsert({
        where: key,
        create: { learnerId, questionId: input.questionId, ...cardToRow(card), seenHash: question.contentHash },
        update: { ...cardToRow(card), seenHash: question.contentHash },
      });
      await tx.reviewLog.create({
        data: { id: input.reviewId, learnerId, questionId: input.questionId, durationMs: input.durationMs, ...recordToLogRow(log) },
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
  const existing = await db.reviewLog.findUnique({ where: { id: input.reviewId } });
  if (!existing) return null;
  if (existing.learnerId !== learnerId || existing.questionId !== input.questionId) {
    throw new QuizError(409, "This review id was already used for a different review. Generate a new id for each answer.");
  }
  const row = await db.card.findUniqueOrThrow({ where: { learnerId_questionId: { learnerId, questionId: input.questionId } } });
  return { duplicate: true, card: rowToCard(row) };
}
