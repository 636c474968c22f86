// Personal FSRS parameters from a learner's own review log, fitted by the FSRS optimizer (fsrs-rs)
// through its Node binding. The binding ships for linux-x64 (glibc) only in this registry; elsewhere
// the feature reports itself unavailable instead of failing.
import { createRequire } from "node:module";
import type { Db } from "../db/client";
import { z } from "zod";
import { AppError } from "../app-error";
import { Prisma } from "../generated/prisma/client";

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
export function chosenWeights(logLossBefore: number, logLossAfter: number, weights: number[]): number[] | null {
  return logLossAfter <= logLossBefore ? weights : null;
}

// The fit's state is in the learner row (fitStatus, fitHeartbeatAt, fitReport), so any instance can
// report it and a restart does not forget it. While it runs, its process renews the heartbeat; a
// "running" fit whose heartbeat is older than the lease belongs to a process that died, and neither
// blocks a new fit nor shows as running.
export const FIT_LEASE_MS = 90_000;
const HEARTBEAT_MS = 20_000;

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
  const chosen = chosenWeights(before.logLoss, after.logLoss, weights);
  await db.learner.update({ where: { id: learnerId }, data: { fsrsWeights: chosen ?? Prisma.DbNull, fitReport: { ...report }, fitStatus: "done", fitHeartbeatAt: null } });
  return report;
}

/**
 * Starts a fit in the background and returns at once: the optimizer runs on a worker thread inside the
 * binding, and the result lands in the learner row for any instance to report. The claim is one
 * conditional UPDATE, so of two instances asked at once only one starts a fit; the other reports it.
 */
export async function startFit(db: Db, learnerId: string, now = new Date()): Promise<FitReport> {
  const b = loadBinding();
  if (!b) throw new AppError(501, "The FSRS optimizer binding is not available on this platform (it ships for Linux x64 here).");
  const reviews = await db.reviewLog.count({ where: { learnerId } });
  if (reviews < MIN_REVIEWS_TO_FIT) throw new AppError(409, `Fitting needs at least ${MIN_REVIEWS_TO_FIT} reviews; you have ${reviews}.`);
  const running: FitReport = { status: "running", reviews };
  const claimed = await db.learner.updateMany({
    where: { id: learnerId, OR: [{ fitStatus: null }, { fitStatus: { not: "running" } }, { fitHeartbeatAt: null }, { fitHeartbeatAt: { lt: new Date(now.getTime() - FIT_LEASE_MS) } }] },
    data: { fitStatus: "running", fitHeartbeatAt: now, fitReport: { ...running } },
  });
  if (claimed.count === 0) return (await fitStatus(db, learnerId, now)) ?? running;
  const heartbeat = setInterval(() => {
    void db.learner.updateMany({ where: { id: learnerId, fitStatus: "running" }, data: { fitHeartbeatAt: new Date() } }).catch((err: unknown) => console.error("fit heartbeat:", err));
  }, HEARTBEAT_MS);
  heartbeat.unref();
  void fit(db, learnerId, b)
    .catch((err: unknown) =>
      db.learner.update({ where: { id: learnerId }, data: { fitStatus: "failed", fitHeartbeatAt: null, fitReport: { status: "failed", reviews, error: err instanceof Error ? err.message : String(err) } } }),
    )
    .catch((err: unknown) => console.error("fit: could not record the result:", err))
    .finally(() => clearInterval(heartbeat));
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

export const STALE_FIT_MESSAGE = "The fit stopped before it finished (its server restarted). Start it again.";

/** The last fit's report, checked with a schema on read; a "running" fit past its lease reads as failed. */
export async function fitStatus(db: Db, learnerId: string, now = new Date()): Promise<FitReport | null> {
  const row = await db.learner.findUnique({ where: { id: learnerId }, select: { fitReport: true, fitStatus: true, fitHeartbeatAt: true } });
  const parsed = fitReportSchema.safeParse(row?.fitReport);
  if (!row || !parsed.success) return null;
  const status = row.fitStatus ?? parsed.data.status;
  if (status === "running" && (!row.fitHeartbeatAt || now.getTime() - row.fitHeartbeatAt.getTime() > FIT_LEASE_MS)) {
    return { status: "failed", reviews: parsed.data.reviews, error: STALE_FIT_MESSAGE };
  }
  return { ...parsed.data, status };
}

/** Starts a fit unless one is running (on any instance); the report either way. */
export async function requestFit(db: Db, learnerId: string, now = new Date()): Promise<FitReport> {
  const current = await fitStatus(db, learnerId, now);
  return current?.status === "running" ? current : startFit(db, learnerId, now);
}

/** For tests: run the fit to completion. */
export async function fitNow(db: Db, learnerId: string): Promise<FitReport> {
  const b = loadBinding();
  if (!b) throw new AppError(501, "binding unavailable");
  return fit(db, learnerId, b);
}
