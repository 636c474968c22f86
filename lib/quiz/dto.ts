// The quiz's wire format: request schemas (validated by the routes) and response shapes (read by the
// client through lib/quiz/client-api.ts). Client-safe: zod and types only.
import { z } from "zod";
import { deckString } from "./deck";
import type { Rating, State } from "./enums";
import type { ExerciseForPage } from "../exercises/index";
import type { PublicDataset } from "../exercises/types";
import { QUESTION_ID, questionIdSchema, reviewIdSchema } from "./rules";

export const nextQuery = z.object({
  deck: deckString.default("all"),
  practice: z.enum(["0", "1"]).default("0").transform((v) => v === "1"),
  exclude: z
    .string()
    .max(20_000)
    .default("")
    .transform((s) => s.split(",").filter(Boolean))
    .refine((ids) => ids.length <= 500 && ids.every((x) => QUESTION_ID.test(x)), "exclude must be comma-separated question ids"),
  prefer: z.string().regex(QUESTION_ID, "prefer must be a question id").optional(),
});
export type NextQuery = z.output<typeof nextQuery>;

export const reviewBody = z.object({
  reviewId: reviewIdSchema,
  questionId: questionIdSchema,
  rating: z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4)], { message: "rating must be 1 (Again), 2 (Hard), 3 (Good) or 4 (Easy)" }),
  durationMs: z.number().int().min(0).max(24 * 3600 * 1000).optional(),
  practice: z.boolean().optional(),
  /** When the learner answered, by the device's clock: an answer queued offline is sent later. The server
   * checks the window (lib/quiz/answer-time.ts); without it the answer is dated on arrival. */
  reviewedAt: z.iso.datetime({ offset: true, message: "reviewedAt must be an ISO 8601 date-time, e.g. 2026-01-31T09:30:00.000Z" }).optional(),
});
export type ReviewBody = z.input<typeof reviewBody>;

export const packQuery = z.object({ deck: deckString.default("all") });
export type PackQuery = z.output<typeof packQuery>;

/** Cards sent ahead, with their answers, so the quiz can go on offline (stored in IndexedDB). */
export interface PackResponse {
  deck: string;
  createdAt: string;
  cards: StudyCard[];
}

export const undoBody = z.object({ reviewId: z.uuid({ message: "reviewId must be the UUID of the answer to undo" }).transform((s) => s.toLowerCase()) });

export const CONTROL_ACTIONS = ["bury", "suspend", "unsuspend", "flag", "unflag"] as const;
export type ControlAction = (typeof CONTROL_ACTIONS)[number];
export const controlBody = z.object({
  questionId: questionIdSchema,
  action: z.enum(CONTROL_ACTIONS, { message: "action must be bury, suspend, unsuspend, flag or unflag" }),
});

/** What a learner sees of a question: the same for a study card and a mock-round slot. */
export interface QuestionView {
  questionId: string;
  questionHtml: string;
  answerHtml: string;
  keyPoints: string[];
  topic: string;
  difficulty: string;
  chapter: string;
  /** Set when the card is an exercise: the page shows the practice workbench instead of an answer. */
  exercise?: ExerciseCardView;
}

/** An exercise as a quiz card or mock slot: no solutions, the dataset's description, the engine's URL. */
export interface ExerciseCardView {
  exercise: ExerciseForPage;
  dataset: Omit<PublicDataset, "setupSql"> | null;
  data: { snapshotUrl: string | null; setupSql: string | null };
  engineUrl: string;
}

/** A scheduled card: the question plus where it stands for this learner. */
export interface StudyCard extends QuestionView {
  state: State;
  changed: boolean;
  flagged: boolean;
  /** Due date and short label for each grade, computed when the card was served. */
  previews: Record<Rating, { due: string; label: string }>;
}

export interface QueueCountsDto {
  learning: number;
  review: number;
  new: number;
}

/** Why a deck has nothing to show, in words that are true for that deck. */
export type EmptyReason = "no-flagged" | "empty-deck" | "nothing-due" | "practised-all";

export interface NextResponse {
  card: StudyCard | null;
  counts: QueueCountsDto;
  deckSize: number;
  empty: EmptyReason | null;
  /** The interview deck without a date covers everything; the page says so. */
  interviewDate: string | null;
}

export interface ReviewResponse {
  duplicate: boolean;
  due: string | null;
  state: State | null;
}

export interface UndoResponse {
  questionId: string;
}

export interface ControlResponse {
  questionId: string;
  buriedUntil: string | null;
  suspended: boolean;
  flagged: boolean;
}

export const MOCK_KINDS = ["case-study", "concept", "sql", "design"] as const;
export interface MockSlotDto {
  kind: (typeof MOCK_KINDS)[number];
  minutes: number;
  question: QuestionView;
}
export interface MockRoundResponse {
  seed: number;
  company: string | null;
  slots: MockSlotDto[];
}

/** GET /api/progress/summary: what the home page's "continue studying" line shows. */
export interface StudySummary {
  dueNow: number;
  newAvailableToday: number;
  studied: number;
  totalQuestions: number;
}
