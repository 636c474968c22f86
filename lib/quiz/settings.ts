import { z } from "zod";
import type { Db } from "../db/client";
import type { Learner, Prisma } from "../generated/prisma/client";
import { dayKey, instantOnDay } from "../time";
import { parseSteps, type SchedulerSettings } from "./scheduler";
import { DATE_KEY, DAY_MS, EASY_DAY_CODES, EASY_DAYS, INTERVIEW_RETENTION, LEECH_ACTIONS, REVIEW_ORDERS, SETTINGS_DEFAULTS, settingsNumbers, STEPS_MAX_LENGTH, type LeechAction, type ReviewOrder } from "./rules";

export { REVIEW_ORDERS, type ReviewOrder } from "./rules";

export interface LearnerSettings {
  desiredRetention: number;
  newPerDay: number;
  learningSteps: string;
  relearningSteps: string;
  maximumIntervalDays: number;
  reviewOrder: ReviewOrder;
  dailyGoal: number;
  /** Hour (0–23) at which the learner's day starts, in their time zone. */
  rolloverHour: number;
  leechThreshold: number;
  leechAction: LeechAction;
  loadBalance: boolean;
  /** 7 letters, Monday first (lib/quiz/rules.ts EASY_DAY_LEVELS). */
  easyDays: string;
  /** The interview's calendar day as the learner picked it (YYYY-MM-DD), or null. */
  interviewDate: string | null;
  /** When the interview starts: 09:00 on that day in the learner's time zone (the server's without one). */
  interviewAt: Date | null;
  interviewCompany: string | null;
  interviewTopics: string[];
  weights: number[] | null;
}

export const DEFAULT_LEARNER_SETTINGS: LearnerSettings = {
  ...SETTINGS_DEFAULTS,
  interviewDate: null,
  interviewAt: null,
  interviewCompany: null,
  interviewTopics: [],
  weights: null,
};

const steps = z
  .string()
  .max(STEPS_MAX_LENGTH)
  .refine((s) => parseSteps(s) !== null, "Write steps like `1m 10m` (numbers with m, h or d, separated by spaces)");

/** What a learner may change from the settings form (every field a string from FormData). */
export const settingsInput = z.object({
  desiredRetention: z.coerce.number().pipe(settingsNumbers.desiredRetention),
  newPerDay: z.coerce.number().pipe(settingsNumbers.newPerDay),
  learningSteps: steps,
  relearningSteps: steps,
  maximumIntervalDays: z.coerce.number().pipe(settingsNumbers.maximumIntervalDays),
  reviewOrder: z.enum(REVIEW_ORDERS, { message: "Pick one of the listed orders" }),
  dailyGoal: z.coerce.number().pipe(settingsNumbers.dailyGoal),
  rolloverHour: z.coerce.number().pipe(settingsNumbers.rolloverHour),
  leechThreshold: z.coerce.number().pipe(settingsNumbers.leechThreshold),
  leechAction: z.enum(LEECH_ACTIONS, { message: "Pick suspend or tag" }),
  loadBalance: z.enum(["on", "off"], { message: "Pick on or off" }).transform((v) => v === "on"),
  // One select per weekday, Monday first, all named easyDays: FormData sends them as an array of 7.
  easyDays: z
    .array(z.enum(EASY_DAY_CODES, { message: "Pick normal, reduced or none for each day" }))
    .length(7, "Pick a level for each of the 7 days")
    .transform((days) => days.join("")),
});

export const interviewInput = z.object({
  // A calendar date, kept as written: converting it to an instant in the server's zone moved it a day.
  interviewDate: z
    .string()
    .regex(/^(\d{4}-\d{2}-\d{2})?$/, "Use a date like 2026-12-02")
    .refine((s) => !s || !Number.isNaN(Date.parse(`${s}T00:00:00Z`)), "Use a real calendar date")
    .transform((s) => s || null),
  interviewCompany: z
    .string()
    .regex(/^([a-z0-9-]{1,60})?$/, "Pick a company from the list")
    .transform((s) => s || null),
  interviewTopics: z
    .union([z.string(), z.array(z.string())])
    .optional()
    .transform((v) => (v === undefined ? [] : Array.isArray(v) ? v : v.split(",")).map((t) => t.trim()).filter(Boolean))
    .refine((ts) => ts.every((t) => /^[a-z0-9-]{1,60}$/.test(t)), "Pick topics from the list"),
});

const weightsSchema = z.array(z.number()).min(1).max(32);

/** A Json column, checked on read: anything that is not a weight vector means "no personal parameters". */
function parseWeights(value: Prisma.JsonValue | null): number[] | null {
  const parsed = weightsSchema.safeParse(value);
  return parsed.success ? parsed.data : null;
}

/** The stored column holds the day at 00:00 UTC; that UTC date is the calendar date. */
export const dateKeyToColumn = (key: string | null) => (key ? new Date(`${key}T00:00:00Z`) : null);
const columnToDateKey = (d: Date | null) => (d ? d.toISOString().slice(0, 10) : null);

/** The Learner columns the settings come from (lib/quiz/card-reads.ts readLearner selects exactly these). */
export const SETTINGS_COLUMNS = [
  "desiredRetention", "newPerDay", "learningSteps", "relearningSteps", "maximumIntervalDays", "reviewOrder", "dailyGoal",
  "rolloverHour", "leechThreshold", "leechAction", "loadBalance", "easyDays", "interviewDate", "interviewCompany",
  "interviewTopics", "fsrsWeights",
] as const satisfies readonly (keyof Learner)[];
export type SettingsRow = Pick<Learner, (typeof SETTINGS_COLUMNS)[number]>;

export function rowToSettings(row: SettingsRow | null, tz?: string): LearnerSettings {
  if (!row) return { ...DEFAULT_LEARNER_SETTINGS };
  const weights = parseWeights(row.fsrsWeights);
  const interviewDate = columnToDateKey(row.interviewDate);
  return {
    desiredRetention: row.desiredRetention,
    newPerDay: row.newPerDay,
    learningSteps: row.learningSteps,
    relearningSteps: row.relearningSteps,
    maximumIntervalDays: row.maximumIntervalDays,
    // An enum column: the database holds only these values.
    reviewOrder: row.reviewOrder,
    dailyGoal: row.dailyGoal,
    rolloverHour: row.rolloverHour,
    leechThreshold: row.leechThreshold,
    leechAction: row.leechAction,
    loadBalance: row.loadBalance,
    // A text column: anything malformed (hand-edited database) reads as no easy days.
    easyDays: EASY_DAYS.test(row.easyDays) ? row.easyDays : SETTINGS_DEFAULTS.easyDays,
    interviewDate,
    interviewAt: interviewDate ? instantOnDay(interviewDate, 9, tz) : null,
    interviewCompany: row.interviewCompany,
    interviewTopics: row.interviewTopics ? row.interviewTopics.split(",").filter(Boolean) : [],
    weights,
  };
}

export async function getSettings(db: Db, learnerId: string, tz?: string): Promise<LearnerSettings> {
  return rowToSettings(await db.learner.findUnique({ where: { id: learnerId } }), tz);
}

export async function saveSettings(db: Db, learnerId: string, input: Partial<z.infer<typeof settingsInput>>): Promise<LearnerSettings> {
  const row = await db.learner.upsert({ where: { id: learnerId }, create: { id: learnerId, ...input }, update: input });
  return rowToSettings(row);
}

/** `interviewDate` is a calendar date; a Date is taken as its day in the server's zone. */
export async function saveInterview(db: Db, learnerId: string, input: Omit<z.infer<typeof interviewInput>, "interviewDate"> & { interviewDate: string | Date | null }, tz?: string): Promise<LearnerSettings> {
  const key = input.interviewDate instanceof Date ? dayKey(input.interviewDate) : input.interviewDate;
  if (key !== null && !DATE_KEY.test(key)) throw new Error(`not a calendar date: ${key}`);
  const data = { interviewDate: dateKeyToColumn(key), interviewCompany: input.interviewCompany, interviewTopics: input.interviewTopics.join(",") || null };
  return rowToSettings(await db.learner.upsert({ where: { id: learnerId }, create: { id: learnerId, ...data }, update: data }), tz);
}

export { DAY_MS, INTERVIEW_RETENTION };

/** Whole days from `now` until the interview, or null when no interview is coming. */
export function daysUntilInterview(settings: LearnerSettings, now: Date): number | null {
  if (!settings.interviewAt || settings.interviewAt <= now) return null;
  return (settings.interviewAt.getTime() - now.getTime()) / DAY_MS;
}

/**
 * Scheduler settings for one card. Before an interview, cards in its scope get a higher retention
 * target and an interval cap that lands their next review before the date (the service also clamps).
 */
export function schedulerSettings(settings: LearnerSettings, now: Date, inInterviewScope: boolean): SchedulerSettings {
  const base: SchedulerSettings = {
    desiredRetention: settings.desiredRetention,
    maximumIntervalDays: settings.maximumIntervalDays,
    learningSteps: parseSteps(settings.learningSteps) ?? undefined,
    relearningSteps: parseSteps(settings.relearningSteps) ?? undefined,
    weights: settings.weights ?? undefined,
  };
  const days = daysUntilInterview(settings, now);
  if (days === null || !inInterviewScope) return base;
  return {
    ...base,
    desiredRetention: Math.max(base.desiredRetention, INTERVIEW_RETENTION),
    maximumIntervalDays: Math.max(1, Math.min(base.maximumIntervalDays ?? 36500, Math.floor(days) - 1)),
  };
}

/** Before an interview, nothing in its scope may fall due after the day before it. */
export function clampToInterview(due: Date, settings: LearnerSettings, now: Date, inScope: boolean): Date {
  const latest = interviewLatest(settings, now, inScope);
  return latest && due > latest ? latest : due;
}

/** The latest due date clampToInterview allows, or null when it allows any. */
export function interviewLatest(settings: LearnerSettings, now: Date, inScope: boolean): Date | null {
  if (!inScope || daysUntilInterview(settings, now) === null) return null;
  return new Date(Math.max(now.getTime(), settings.interviewAt!.getTime() - DAY_MS));
}
