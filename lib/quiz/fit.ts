// Personal FSRS parameters from a learner's own review log, fitted by the FSRS optimizer (fsrs-rs)
// through its Node binding. The binding ships for linux-x64 (glibc) only in this registry; elsewhere
// the feature reports itself unavailable instead of failing.
import { createRequire } from "node:module";
import type { Db } from "../db/client";
import { z } from "zod";
import { AppError } from "../app-error";

export const MIN_REVIEWS_TO_FIT = 200;

interface Review {
  rating: number;
  deltaT: number;
}
interface Binding {
  FSRSBindingReview: new (rating: number, deltaT: number) => unknown;
  FSRSBindingItem: new (reviews: unknown[]) => { longTermReviewCnt(): number };
  FSRSBinding: new (w?: number[]) => { evaluate(items: unknown[]): { logLoss: number; rmseBins: number } };
  computeParameters(items: unknown[], opts: { enableShortTerm: boolean }): Promise<number[]>;
}

let binding: Binding | null | undefined;
export function loadBinding(): Binding | null {
  if (binding !== undefined) return binding;
  const name = "@open-spaced-repetition/binding-linux-x64-gnu";
  try {
    binding = createRequire(import.meta.url)(name) as Binding;
  } catch {
    binding = null;
  }
  return binding;
}

export interface FitReport {
  status: "running" | "done" | "failed";
  reviews: number;
  logLossBefore?: number;
  logLossAfter?: number;
  rmseBefore?: number;
  rmseAfter?: number;
  fittedAt?: string;
  error?: string;
}

/** Review histories per question as the optimizer wants them: whole days between reviews, first one 0. */
export function histories(logs: { questionId: string; rating: number; reviewedAt: Date }[]): Review[][] {
  const byCard = new Map<string, { rating: number; reviewedAt: Date }[]>();
  for (const l of logs) byCard.set(l.questionId, [...(byCard.get(l.questionId) ?? []), l]);
  const dayNo = (d: Date) => Math.floor((d.getTime() - d.getTimezoneOffset() * 60_000) / 86_400_000);
  return [...byCard.values()].map((rs) => {
    rs.sort((a, b) => a.reviewedAt.getTime() - b.reviewedAt.getTime());
    return rs.map((r, i) => ({ rating: r.rating, deltaT: i === 0 ? 0 : dayNo(r.reviewedAt) - dayNo(rs[i - 1].reviewedAt) }));
  });
}

/** Keep the defaults (null) when the fit does not predict this learner's history better. */
export function chosenWeights(logLossBefore: number, logLossAfter: number, weights: number[]): string | null {
  return logLossAfter <= logLossBefore ? JSON.stringify(weights) : null;
}

async function fit(db: Db, learnerId: string, b: Binding): Promise<FitReport> {
  const logs = await db.reviewLog.findMany({ where: { learnerId }, select: { questionId: true, rating: true, reviewedAt: true } });
  const items = histories(logs).flatMap((h) => h.slice(1).map((_, i) => new b.FSRSBindingItem(h.slice(0, i + 2).map((r) => new b.FSRSBindingReview(r.rating, r.deltaT)))));
  if (!items.some((it) => it.longTermReviewCnt() > 0)) throw new Error("No card has been reviewed on two different days yet.");
  let weights: number[];
  let before: { logLoss: number; rmseBins: number };
  let after: { logLoss: number; rmseBins: number };
  try {
    weights = await b.computeParameters(items, { enableShortTerm: true });
    before = new b.FSRSBinding().evaluate(items);
    after = new b.FSRSBinding(weights).evaluate(items);
  } catch (err) {
    if (/NotEnoughData/i.test(String(err))) throw new Error("The optimizer needs more cards reviewed across several days; keep studying and try again later.");
    throw err;
  }
  const report: FitReport = { status: "done", reviews: logs.length, logLossBefore: before.logLoss, logLossAfter: after.logLoss, rmseBefore: before.rmseBins, rmseAfter: after.rmseBins, fittedAt: new Date().toISOString() };
  await db.learner.update({ where: { id: learnerId }, data: { fsrsWeights: chosenWeights(before.logLoss, after.logLoss, weights), fitReport: JSON.stringify(report) } });
  return report;
}

/**
 * Starts a fit in the background and returns at once: the optimizer runs on a worker thread inside the
 * binding, and the result lands in the learner row for the page to pick up.
 */
export async function startFit(db: Db, learnerId: string): Promise<FitReport> {
  const b = loadBinding();
  if (!b) throw new AppError(501, "The FSRS optimizer binding is not available on this platform (it ships for Linux x64 here).");
  const reviews = await db.reviewLog.count({ where: { learnerId } });
  if (reviews < MIN_REVIEWS_TO_FIT) throw new AppError(409, `Fitting needs at least ${MIN_REVIEWS_TO_FIT} reviews; you have ${reviews}.`);
  const running: FitReport = { status: "running", reviews };
  await db.learner.update({ where: { id: learnerId }, data: { fitReport: JSON.stringify(running) } });
  void fit(db, learnerId, b).catch((err: unknown) =>
    db.learner.update({ where: { id: learnerId }, data: { fitReport: JSON.stringify({ status: "failed", reviews, error: err instanceof Error ? err.message : String(err) }) } }),
  );
  return running;
}

const fitReportSchema = z.object({
  status: z.enum(["running", "done", "failed"]),
  reviews: z.number(),
  logLossBefore: z.number().optional(),
  logLossAfter: z.number().optional(),
  rmseBefore: z.number().optional(),
  rmseAfter: z.number().optional(),
  fittedAt: z.string().optional(),
  error: z.string().optional(),
});

export async function fitStatus(db: Db, learnerId: string): Promise<FitReport | null> {
  const row = await db.learner.findUnique({ where: { id: learnerId }, select: { fitReport: true } });
  if (!row?.fitReport) return null;
  try {
    const parsed = fitReportSchema.safeParse(JSON.parse(row.fitReport));
    return parsed.success ? parsed.data : null;
  } catch (err) {
    if (err instanceof SyntaxError) return null;
    throw err;
  }
}

/** Starts a fit unless one is running; the report either way. */
export async function requestFit(db: Db, learnerId: string): Promise<FitReport> {
  const current = await fitStatus(db, learnerId);
  return current?.status === "running" ? current : startFit(db, learnerId);
}

/** For tests: run the fit to completion. */
export async function fitNow(db: Db, learnerId: string): Promise<FitReport> {
  const b = loadBinding();
  if (!b) throw new AppError(501, "binding unavailable");
  return fit(db, learnerId, b);
}
