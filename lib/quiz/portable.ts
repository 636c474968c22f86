// A learner's data, out and back in. Export → import into an empty learner reproduces the same state;
// importing the same file again changes nothing; a file that fails validation changes nothing.
import { setImmediate as yieldToEventLoop } from "node:timers/promises";
import { z } from "zod";
import { AppError } from "../app-error";
import type { Db } from "../db/client";
import { lockLearner } from "../db/locks";
import { Prisma } from "../generated/prisma/client";
import { parsePrevCard } from "./card-mapper";
import { easyDaysSchema, LEECH_ACTIONS, QUESTION_ID, REVIEW_ORDERS, settingsNumbers, STEPS_MAX_LENGTH } from "./rules";
import { dateKeyToColumn, getSettings, type LearnerSettings } from "./settings";

export const EXPORT_FORMAT = "de-interview-prep/progress";

const date = z.iso.datetime({ offset: true }).transform((s) => new Date(s));
const optDate = date.nullable();
const qid = z.string().regex(QUESTION_ID);
// Ids are compared case-insensitively (UUIDs from different clients differ only in case): stored lowercase.
const entryId = z.string().min(1).max(64).transform((s) => s.toLowerCase());
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
  // Files from before leeches have no such field: none of their cards was one.
  leech: z.boolean().default(false),
  createdAt: date,
  updatedAt: date,
});

const reviewSchema = z.strictObject({
  id: entryId,
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
  // Undo restores this card, so it must be one. Checked here; stored as written (undo parses it again
  // and drops unknown fields), so an export round-trips byte for byte.
  prevCard: z
    .string()
    .max(4000)
    .nullable()
    .transform((text, ctx) => {
      if (text === null) return null;
      if (parsePrevCard(text)) return text;
      ctx.addIssue({ code: "custom", message: "prevCard is not a card as this app stores it" });
      return z.NEVER;
    }),
  // Siblings the answer buried (lib/quiz/siblings.ts); absent in files written before siblings existed.
  // Undo parses it again, so a bad value only means nothing is unburied.
  buriedSiblings: z.string().max(4000).nullable().optional(),
  createdAt: date,
});

export const exportSchema = z.strictObject({
  format: z.literal(EXPORT_FORMAT),
  version: z.literal(1),
  exportedAt: date,
  settings: z.strictObject({
    ...settingsNumbers,
    learningSteps: z.string().max(STEPS_MAX_LENGTH),
    relearningSteps: z.string().max(STEPS_MAX_LENGTH),
    reviewOrder: z.enum(REVIEW_ORDERS),
    // Added with the Anki 24.11 scheduling options; an older file lacks them and leaves them as they are.
    rolloverHour: settingsNumbers.rolloverHour.optional(),
    leechThreshold: settingsNumbers.leechThreshold.optional(),
    leechAction: z.enum(LEECH_ACTIONS).optional(),
    loadBalance: z.boolean().optional(),
    easyDays: easyDaysSchema.optional(),
    // A calendar date; older files wrote an instant, whose date as written is kept.
    interviewDate: z
      .string()
      .regex(/^\d{4}-\d{2}-\d{2}($|T)/, "interviewDate must start with a date like 2026-12-02")
      .transform((s) => s.slice(0, 10))
      .nullable(),
    interviewCompany: z.string().max(60).nullable(),
    interviewTopics: z.array(z.string().max(60)).max(100),
    weights: z.array(z.number()).max(32).nullable(),
  }),
  cards: z.array(cardSchema).max(100_000),
  reviews: z.array(reviewSchema).max(1_000_000),
  practice: z.array(z.strictObject({ id: entryId, questionId: qid, rating, reviewedAt: date })).max(1_000_000),
});

/** Largest import body the route accepts; a year of heavy daily study is well under it. */
export const MAX_IMPORT_BYTES = 20 * 1024 * 1024;
/** Rows written per statement; the importer yields to other requests between chunks. */
const CHUNK = 500;
/** Clock skew tolerated on dates in a file; later ones are refused (the scheduler cannot use them). */
const SKEW_MS = 5 * 60_000;

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
    settings: exportedSettings(settings),
    cards: cards.map(({ learnerId: _, ...c }) => ({ ...c, due: c.due.toISOString(), lastReview: iso(c.lastReview), buriedUntil: iso(c.buriedUntil), createdAt: c.createdAt.toISOString(), updatedAt: c.updatedAt.toISOString() })),
    reviews: reviews.map(({ learnerId: _, ...r }) => ({ ...r, due: r.due.toISOString(), reviewedAt: r.reviewedAt.toISOString(), createdAt: r.createdAt.toISOString() })),
    practice: practice.map(({ learnerId: _, ...p }) => ({ ...p, reviewedAt: p.reviewedAt.toISOString() })),
  };
}

function exportedSettings({ interviewAt: _, ...s }: LearnerSettings) {
  return s;
}

export interface ImportReport {
  reviewsAdded: number;
  reviewsAlreadyPresent: number;
  cardsWritten: number;
  cardsKeptNewer: number;
  practiceAdded: number;
  skippedUnknownQuestions: string[];
}

export class ImportError extends AppError {
  constructor(message: string, status = 400) {
    super(status, message);
  }
}

function chunks<T>(xs: T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < xs.length; i += CHUNK) out.push(xs.slice(i, i + CHUNK));
  return out;
}

/** First entry per id wins: a file that repeats an id (hand-edited, concatenated) is not an error. */
function uniqueBy<T>(xs: T[], key: (x: T) => string): T[] {
  const seen = new Set<string>();
  return xs.filter((x) => !seen.has(key(x)) && (seen.add(key(x)), true));
}

function futureDates(file: z.output<typeof exportSchema>, now: Date): string[] {
  const limit = now.getTime() + SKEW_MS;
  const late = (d: Date | null) => d !== null && d.getTime() > limit;
  const out: string[] = [];
  file.cards.forEach((c, i) => late(c.lastReview) && out.push(`cards.${i}.lastReview (${c.questionId})`));
  file.reviews.forEach((r, i) => late(r.reviewedAt) && out.push(`reviews.${i}.reviewedAt`));
  file.practice.forEach((p, i) => late(p.reviewedAt) && out.push(`practice.${i}.reviewedAt`));
  return out;
}

/**
 * Validates the whole file first (a bad file changes nothing), then merges it in one transaction, in
 * chunks of a few hundred rows with a yield between them so other requests are served meanwhile.
 */
export async function importProgress(db: Db, learnerId: string, raw: unknown, now = new Date()): Promise<ImportReport> {
  const parsed = exportSchema.safeParse(raw);
  if (!parsed.success) {
    const first = parsed.error.issues.slice(0, 5).map((i) => `${i.path.join(".") || "file"}: ${i.message}`);
    throw new ImportError(`This is not a valid progress export, so nothing was imported. ${first.join("; ")}`);
  }
  const file = parsed.data;
  const future = futureDates(file, now);
  if (future.length) {
    throw new ImportError(`This file has dates in the future (is a clock wrong?), so nothing was imported: ${future.slice(0, 5).join(", ")}${future.length > 5 ? ` and ${future.length - 5} more` : ""}.`);
  }
  const known = new Set((await db.question.findMany({ select: { id: true } })).map((q) => q.id));
  const unknown = new Set<string>();
  const keep = <T extends { questionId: string }>(xs: T[]) => xs.filter((x) => (known.has(x.questionId) ? true : (unknown.add(x.questionId), false)));
  const report: ImportReport = { reviewsAdded: 0, reviewsAlreadyPresent: 0, cardsWritten: 0, cardsKeptNewer: 0, practiceAdded: 0, skippedUnknownQuestions: [] };
  const reviews = uniqueBy(keep(file.reviews), (r) => r.id);
  const cards = uniqueBy(keep(file.cards), (c) => c.questionId);
  const practice = uniqueBy(keep(file.practice), (p) => p.id);

  await db.$transaction(
    async (tx) => {
      const s = file.settings;
      const settings = {
        desiredRetention: s.desiredRetention,
        newPerDay: s.newPerDay,
        learningSteps: s.learningSteps,
        relearningSteps: s.relearningSteps,
        maximumIntervalDays: s.maximumIntervalDays,
        reviewOrder: s.reviewOrder,
        dailyGoal: s.dailyGoal,
        rolloverHour: s.rolloverHour,
        leechThreshold: s.leechThreshold,
        leechAction: s.leechAction,
        loadBalance: s.loadBalance,
        easyDays: s.easyDays,
        interviewDate: dateKeyToColumn(s.interviewDate),
        interviewCompany: s.interviewCompany,
        interviewTopics: s.interviewTopics.join(",") || null,
        fsrsWeights: s.weights ?? Prisma.DbNull,
      };
      await tx.learner.upsert({ where: { id: learnerId }, create: { id: learnerId, ...settings }, update: settings });
      // Reviews and undos of this learner on other instances wait until the merge commits (lib/db/locks.ts).
      await lockLearner(db, tx, learnerId);

      // Merge rule: a review id already stored is kept as stored (re-importing a file is a no-op).
      const haveReviews = new Set((await tx.reviewLog.findMany({ where: { learnerId }, select: { id: true } })).map((r) => r.id));
      const newReviews = reviews.filter((r) => !haveReviews.has(r.id));
      report.reviewsAlreadyPresent = reviews.length - newReviews.length;
      for (const chunk of chunks(newReviews)) {
        report.reviewsAdded += (await tx.reviewLog.createMany({ data: chunk.map((r) => ({ ...r, learnerId })) })).count;
        await yieldToEventLoop();
      }

      // Merge rule: the more recently reviewed card wins, so importing an old backup never rewinds progress.
      const haveCards = new Map((await tx.card.findMany({ where: { learnerId }, select: { questionId: true, lastReview: true } })).map((c) => [c.questionId, c]));
      const fresh = cards.filter((c) => !haveCards.has(c.questionId));
      const replace = cards.filter((c) => {
        const mine = haveCards.get(c.questionId);
        if (!mine) return false;
        if ((mine.lastReview?.getTime() ?? 0) > (c.lastReview?.getTime() ?? 0)) {
          report.cardsKeptNewer++;
          return false;
        }
        return true;
      });
      for (const chunk of chunks(fresh)) {
        report.cardsWritten += (await tx.card.createMany({ data: chunk.map((c) => ({ ...c, learnerId })) })).count;
        await yieldToEventLoop();
      }
      for (const chunk of chunks(replace)) {
        for (const c of chunk) await tx.card.update({ where: { learnerId_questionId: { learnerId, questionId: c.questionId } }, data: c });
        report.cardsWritten += chunk.length;
        await yieldToEventLoop();
      }

      // A card seen under another version of its question (an export from another instance, or from older
      // content) is "changed since seen"; the queue looks for such cards only among questions marked
      // changed (lib/quiz/card-reads.ts queueReads), as ingest marks an edit.
      await tx.$executeRaw`
        UPDATE "Question" SET "changedAt" = ${now} WHERE "changedAt" IS NULL AND "id" IN (
          SELECT c."questionId" FROM "Card" c JOIN "Question" q ON q."id" = c."questionId"
          WHERE c."learnerId" = ${learnerId} AND c."seenHash" IS NOT NULL AND c."seenHash" <> q."contentHash")`;

      const havePractice = new Set((await tx.practiceReview.findMany({ where: { learnerId }, select: { id: true } })).map((p) => p.id));
      for (const chunk of chunks(practice.filter((p) => !havePractice.has(p.id)))) {
        report.practiceAdded += (await tx.practiceReview.createMany({ data: chunk.map((p) => ({ ...p, learnerId })) })).count;
        await yieldToEventLoop();
      }
    },
    { timeout: 120_000, maxWait: 10_000 },
  );
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
