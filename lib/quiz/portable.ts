// A learner's data, out and back in. Export → import into an empty learner reproduces the same state;
// importing the same file again changes nothing; a file that fails validation changes nothing.
import { z } from "zod";
import type { Db } from "../db/client";
import { getSettings, REVIEW_ORDERS } from "./settings";

export const EXPORT_FORMAT = "de-interview-prep/progress";

const date = z.iso.datetime({ offset: true }).transform((s) => new Date(s));
const optDate = date.nullable();
const qid = z.string().regex(/^[a-z0-9-]{1,120}$/);
const rating = z.number().int().min(1).max(4);
const state = z.number().int().min(0).max(3);

const cardSchema = z.strictObject({
  questionId: qid,
  due: date,
  stability: z.number().min(0),
  difficulty: z.number().min(0),
  elapsedDays: z.number().int().min(0),
  scheduledDays: z.number().int().min(0),
  learningSteps: z.number().int().min(0),
  reps: z.number().int().min(0),
  lapses: z.number().int().min(0),
  state,
  lastReview: optDate,
  seenHash: z.string().max(64).nullable(),
  buriedUntil: optDate,
  suspended: z.boolean(),
  flagged: z.boolean(),
  createdAt: date,
  updatedAt: date,
});

const reviewSchema = z.strictObject({
  id: z.string().min(1).max(64),
  questionId: qid,
  rating,
  state,
  due: date,
  stability: z.number().min(0),
  difficulty: z.number().min(0),
  elapsedDays: z.number().int().min(0),
  lastElapsedDays: z.number().int().min(0),
  scheduledDays: z.number().int().min(0),
  learningSteps: z.number().int().min(0),
  reviewedAt: date,
  durationMs: z.number().int().min(0).nullable(),
  prevCard: z.string().max(4000).nullable(),
  createdAt: date,
});

export const exportSchema = z.strictObject({
  format: z.literal(EXPORT_FORMAT),
  version: z.literal(1),
  exportedAt: date,
  settings: z.strictObject({
    desiredRetention: z.number().min(0.7).max(0.99),
    newPerDay: z.number().int().min(0).max(500),
    learningSteps: z.string().max(60),
    relearningSteps: z.string().max(60),
    maximumIntervalDays: z.number().int().min(1).max(36500),
    reviewOrder: z.enum(REVIEW_ORDERS),
    dailyGoal: z.number().int().min(0).max(1000),
    interviewDate: optDate,
    interviewCompany: z.string().max(60).nullable(),
    interviewTopics: z.array(z.string().max(60)).max(100),
    weights: z.array(z.number()).max(32).nullable(),
  }),
  cards: z.array(cardSchema).max(100_000),
  reviews: z.array(reviewSchema).max(1_000_000),
  practice: z.array(z.strictObject({ id: z.string().min(1).max(64), questionId: qid, rating, reviewedAt: date })).max(1_000_000),
});

export type ExportFile = z.input<typeof exportSchema>;

export async function exportProgress(db: Db, learnerId: string, now: Date): Promise<ExportFile> {
  const [settings, cards, reviews, practice] = await Promise.all([
    getSettings(db, learnerId),
    db.card.findMany({ where: { learnerId }, orderBy: { questionId: "asc" } }),
    db.reviewLog.findMany({ where: { learnerId }, orderBy: [{ reviewedAt: "asc" }, { id: "asc" }] }),
    db.practiceReview.findMany({ where: { learnerId }, orderBy: [{ reviewedAt: "asc" }, { id: "asc" }] }),
  ]);
  const iso = (d: Date | null) => (d ? d.toISOString() : null);
  return {
    format: EXPORT_FORMAT,
    version: 1,
    exportedAt: now.toISOString(),
    settings: { ...settings, interviewDate: iso(settings.interviewDate) },
    cards: cards.map(({ learnerId: _, ...c }) => ({ ...c, due: c.due.toISOString(), lastReview: iso(c.lastReview), buriedUntil: iso(c.buriedUntil), createdAt: c.createdAt.toISOString(), updatedAt: c.updatedAt.toISOString() })),
    reviews: reviews.map(({ learnerId: _, ...r }) => ({ ...r, due: r.due.toISOString(), reviewedAt: r.reviewedAt.toISOString(), createdAt: r.createdAt.toISOString() })),
    practice: practice.map(({ learnerId: _, ...p }) => ({ ...p, reviewedAt: p.reviewedAt.toISOString() })),
  };
}

export interface ImportReport {
  reviewsAdded: number;
  reviewsAlreadyPresent: number;
  cardsWritten: number;
  cardsKeptNewer: number;
  practiceAdded: number;
  skippedUnknownQuestions: string[];
}

export class ImportError extends Error {}

/** Validates the whole file first, then merges it in one transaction. */
export async function importProgress(db: Db, learnerId: string, raw: unknown): Promise<ImportReport> {
  const parsed = exportSchema.safeParse(raw);
  if (!parsed.success) {
    const first = parsed.error.issues.slice(0, 5).map((i) => `${i.path.join(".") || "file"}: ${i.message}`);
    throw new ImportError(`This is not a valid progress export, so nothing was imported. ${first.join("; ")}`);
  }
  const file = parsed.data;
  const known = new Set((await db.question.findMany({ select: { id: true } })).map((q) => q.id));
  const unknown = new Set<string>();
  const keep = <T extends { questionId: string }>(xs: T[]) => xs.filter((x) => (known.has(x.questionId) ? true : (unknown.add(x.questionId), false)));
  const report: ImportReport = { reviewsAdded: 0, reviewsAlreadyPresent: 0, cardsWritten: 0, cardsKeptNewer: 0, practiceAdded: 0, skippedUnknownQuestions: [] };

  await db.$transaction(async (tx) => {
    const s = file.settings;
    const settings = {
      desiredRetention: s.desiredRetention,
      newPerDay: s.newPerDay,
      learningSteps: s.learningSteps,
      relearningSteps: s.relearningSteps,
      maximumIntervalDays: s.maximumIntervalDays,
      reviewOrder: s.reviewOrder,
      dailyGoal: s.dailyGoal,
      interviewDate: s.interviewDate,
      interviewCompany: s.interviewCompany,
      interviewTopics: s.interviewTopics.join(",") || null,
      fsrsWeights: s.weights ? JSON.stringify(s.weights) : null,
    };
    await tx.learner.upsert({ where: { id: learnerId }, create: { id: learnerId, ...settings }, update: settings });

    const haveReviews = new Set((await tx.reviewLog.findMany({ where: { learnerId }, select: { id: true } })).map((r) => r.id));
    for (const r of keep(file.reviews)) {
      if (haveReviews.has(r.id)) {
        report.reviewsAlreadyPresent++;
        continue;
      }
      await tx.reviewLog.create({ data: { ...r, learnerId } });
      haveReviews.add(r.id);
      report.reviewsAdded++;
    }

    const haveCards = new Map((await tx.card.findMany({ where: { learnerId } })).map((c) => [c.questionId, c]));
    for (const c of keep(file.cards)) {
      const mine = haveCards.get(c.questionId);
      // Merge rule: the more recently reviewed card wins, so importing an old backup never rewinds progress.
      if (mine && (mine.lastReview?.getTime() ?? 0) > (c.lastReview?.getTime() ?? 0)) {
        report.cardsKeptNewer++;
        continue;
      }
      await tx.card.upsert({ where: { learnerId_questionId: { learnerId, questionId: c.questionId } }, create: { ...c, learnerId }, update: c });
      report.cardsWritten++;
    }

    const havePractice = new Set((await tx.practiceReview.findMany({ where: { learnerId }, select: { id: true } })).map((p) => p.id));
    for (const p of keep(file.practice)) {
      if (havePractice.has(p.id)) continue;
      await tx.practiceReview.create({ data: { ...p, learnerId } });
      report.practiceAdded++;
    }
  });
  report.skippedUnknownQuestions = [...unknown].sort();
  return report;
}

/** The review log in the column layout FSRS optimizers read (times in ms, states 0–3). */
export async function reviewLogCsv(db: Db, learnerId: string): Promise<string> {
  const rows = await db.reviewLog.findMany({ where: { learnerId }, orderBy: [{ questionId: "asc" }, { reviewedAt: "asc" }] });
  const lines = ["card_id,review_time,review_rating,review_state,review_duration"];
  for (const r of rows) lines.push([r.questionId, r.reviewedAt.getTime(), r.rating, r.state, r.durationMs ?? 0].join(","));
  return `${lines.join("\n")}\n`;
}
