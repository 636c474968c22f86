import { z } from "zod";
import type { Db } from "../db/client";
import type { Learner } from "../generated/prisma/client";
import { parseSteps, type SchedulerSettings } from "./scheduler";

export const REVIEW_ORDERS = ["due", "random", "weakest"] as const;
export type ReviewOrder = (typeof REVIEW_ORDERS)[number];

export interface LearnerSettings {
  desiredRetention: number;
  newPerDay: number;
  learningSteps: string;
  relearningSteps: string;
  maximumIntervalDays: number;
  reviewOrder: ReviewOrder;
  dailyGoal: number;
  interviewDate: Date | null;
  interviewCompany: string | null;
  interviewTopics: string[];
  weights: number[] | null;
}

export const DEFAULT_LEARNER_SETTINGS: LearnerSettings = {
  desiredRetention: 0.9,
  newPerDay: 20,
  learningSteps: "1m 10m",
  relearningSteps: "10m",
  maximumIntervalDays: 36500,
  reviewOrder: "due",
  dailyGoal: 0,
  interviewDate: null,
  interviewCompany: null,
  interviewTopics: [],
  weights: null,
};

const steps = z
  .string()
  .max(60)
  .refine((s) => parseSteps(s) !== null, "Write steps like `1m 10m` (numbers with m, h or d, separated by spaces)");

/** What a learner may change from the settings form (every field a string from FormData). */
export const settingsInput = z.object({
  desiredRetention: z.coerce.number().min(0.7, "Use at least 0.70").max(0.99, "Use at most 0.99"),
  newPerDay: z.coerce.number().int("Use a whole number").min(0, "Use 0 or more").max(500, "Use at most 500"),
  learningSteps: steps,
  relearningSteps: steps,
  maximumIntervalDays: z.coerce.number().int("Use a whole number of days").min(1, "Use at least 1 day").max(36500, "Use at most 36500 days"),
  reviewOrder: z.enum(REVIEW_ORDERS, { message: "Pick one of the listed orders" }),
  dailyGoal: z.coerce.number().int("Use a whole number").min(0, "Use 0 to turn the goal off").max(1000, "Use at most 1000"),
});

export const interviewInput = z.object({
  interviewDate: z
    .string()
    .regex(/^(\d{4}-\d{2}-\d{2})?$/, "Use a date like 2026-12-02")
    .transform((s) => (s ? new Date(`${s}T09:00:00`) : null)),
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

export function rowToSettings(row: Learner | null): LearnerSettings {
  if (!row) return { ...DEFAULT_LEARNER_SETTINGS };
  let weights: number[] | null = null;
  try {
    weights = row.fsrsWeights ? (JSON.parse(row.fsrsWeights) as number[]) : null;
  } catch {}
  return {
    desiredRetention: row.desiredRetention,
    newPerDay: row.newPerDay,
    learningSteps: row.learningSteps,
    relearningSteps: row.relearningSteps,
    maximumIntervalDays: row.maximumIntervalDays,
    reviewOrder: (REVIEW_ORDERS as readonly string[]).includes(row.reviewOrder) ? (row.reviewOrder as ReviewOrder) : "due",
    dailyGoal: row.dailyGoal,
    interviewDate: row.interviewDate,
    interviewCompany: row.interviewCompany,
    interviewTopics: row.interviewTopics ? row.interviewTopics.split(",").filter(Boolean) : [],
    weights,
  };
}

export async function getSettings(db: Db, learnerId: string): Promise<LearnerSettings> {
  return rowToSettings(await db.learner.findUnique({ where: { id: learnerId } }));
}

export async function saveSettings(db: Db, learnerId: string, input: Partial<z.infer<typeof settingsInput>>): Promise<LearnerSettings> {
  const row = await db.learner.upsert({ where: { id: learnerId }, create: { id: learnerId, ...input }, update: input });
  return rowToSettings(row);
}

export async function saveInterview(db: Db, learnerId: string, input: z.infer<typeof interviewInput>): Promise<LearnerSettings> {
  const data = { interviewDate: input.interviewDate, interviewCompany: input.interviewCompany, interviewTopics: input.interviewTopics.join(",") || null };
  return rowToSettings(await db.learner.upsert({ where: { id: learnerId }, create: { id: learnerId, ...data }, update: data }));
}

export const DAY_MS = 86_400_000;
export const INTERVIEW_RETENTION = 0.95;

/** Whole days from `now` until the interview, or null when no interview is coming. */
export function daysUntilInterview(settings: LearnerSettings, now: Date): number | null {
  if (!settings.interviewDate || settings.interviewDate <= now) return null;
  return (settings.interviewDate.getTime() - now.getTime()) / DAY_MS;
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
