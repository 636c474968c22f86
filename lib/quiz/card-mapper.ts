// The one place that maps Prisma rows to scheduler values and back.
import { z } from "zod";
import type { Card as CardRow } from "../generated/prisma/client";
import type { CardState, CardStateKind, ReviewRecord } from "./scheduler";

/** The columns that make up the scheduler's card: a whole row, or a select of just these. */
export type CardColumns = Pick<CardRow, "due" | "stability" | "difficulty" | "elapsedDays" | "scheduledDays" | "learningSteps" | "reps" | "lapses" | "state" | "lastReview">;

export function rowToCard(row: CardColumns): CardState {
  return {
    due: row.due,
    stability: row.stability,
    difficulty: row.difficulty,
    elapsedDays: row.elapsedDays,
    scheduledDays: row.scheduledDays,
    learningSteps: row.learningSteps,
    reps: row.reps,
    lapses: row.lapses,
    state: row.state as CardStateKind,
    lastReview: row.lastReview,
  };
}

export function cardToRow(card: CardState) {
  return {
    due: card.due,
    stability: card.stability,
    difficulty: card.difficulty,
    elapsedDays: card.elapsedDays,
    scheduledDays: card.scheduledDays,
    learningSteps: card.learningSteps,
    reps: card.reps,
    lapses: card.lapses,
    state: card.state,
    lastReview: card.lastReview,
  };
}

export function recordToLogRow(log: ReviewRecord) {
  return {
    rating: log.rating,
    state: log.state,
    due: log.due,
    stability: log.stability,
    difficulty: log.difficulty,
    elapsedDays: log.elapsedDays,
    lastElapsedDays: log.lastElapsedDays,
    scheduledDays: log.scheduledDays,
    learningSteps: log.learningSteps,
    reviewedAt: log.reviewedAt,
  };
}

const date = z.union([z.iso.datetime({ offset: true }), z.number()]).transform((v) => new Date(v));
const count = z.number().int().min(0);

/**
 * The card as it was before an answer, kept on the log row for undo. It is JSON in a text column and
 * may come from an imported file, so it is parsed, never cast: unknown fields are dropped.
 */
export const prevCardSchema = z.object({
  due: date,
  stability: z.number().min(0),
  difficulty: z.number().min(0),
  elapsedDays: count,
  scheduledDays: count,
  learningSteps: count,
  reps: count,
  lapses: count,
  state: z.number().int().min(0).max(3),
  lastReview: date.nullable(),
  seenHash: z.string().max(64).nullable().default(null),
  buriedUntil: date.nullable().default(null),
  suspended: z.boolean().default(false),
  flagged: z.boolean().default(false),
  // Absent in logs written before leeches existed: such a card was not one.
  leech: z.boolean().default(false),
  createdAt: date.optional(),
  updatedAt: date.optional(),
});

export type PrevCard = z.output<typeof prevCardSchema>;

/** The stored earlier card, or null when the text is not JSON or not a card. */
export function parsePrevCard(text: string): PrevCard | null {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (err) {
    if (err instanceof SyntaxError) return null;
    throw err;
  }
  const parsed = prevCardSchema.safeParse(raw);
  return parsed.success ? parsed.data : null;
}
