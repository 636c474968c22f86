// Load balancing and Easy Days, as Anki 24.11 does them. ts-fsrs spreads a review's next due date at
// random over a "fuzz range" of days around the interval it computed; instead, when the learner has
// load balancing on, we look at how many of their cards already fall due on each day of that range and
// pick the least busy one. Easy Days weight a day's load (reduced: counts double, none: never picked
// while another day in the range is open). The pick is deterministic, so it can be tested.
import { Prisma } from "../generated/prisma/client";
import type { Db } from "../db/client";
import { dayKey, startOfDay, startOfNextDay, weekdayOfKey } from "../time";
import { STARTED } from "./card-reads";
import { State } from "./enums";
import { DAY_MS, EASY_DAY_LEVELS, LOAD_BALANCE_MAX_DAYS, LOAD_BALANCE_MIN_DAYS, SETTINGS_DEFAULTS } from "./rules";
import { fuzzRange, preview, RATINGS, review, type CardState, type Rating, type ReviewRecord, type SchedulerSettings } from "./scheduler";

/** One candidate interval (whole days from now), the cards already due that day and the day's weight. */
export interface DayLoad {
  days: number;
  count: number;
  weight: number;
}

/**
 * The interval with the lowest load (count / weight); ties go to the day closest to the interval the
 * scheduler computed, then to the shorter one (an earlier review never hurts recall). Days of weight 0
 * are skipped unless every candidate has weight 0, and then plain counts decide.
 */
export function pickDay(candidates: DayLoad[], interval: number): number {
  if (!candidates.length) return interval;
  const anyOpen = candidates.some((c) => c.weight > 0);
  const load = (c: DayLoad) => (!anyOpen ? c.count : c.weight > 0 ? c.count / c.weight : Infinity);
  const best = [...candidates].sort((a, b) => load(a) - load(b) || Math.abs(a.days - interval) - Math.abs(b.days - interval) || a.days - b.days)[0];
  return best.days;
}

const WEIGHT = new Map<string, number>(EASY_DAY_LEVELS.map((l) => [l.code, l.weight]));

/** The Easy Days weight of a learner day (YYYY-MM-DD key). */
export function easyDayWeight(easyDays: string, key: string): number {
  return WEIGHT.get(easyDays[weekdayOfKey(key)] ?? "n") ?? 1;
}

export interface BalanceContext {
  learnerId: string;
  /** The card being graded: its own current due date is not load. */
  questionId: string;
  tz?: string;
  rolloverHour?: number;
  easyDays?: string;
  loadBalance: boolean;
}

type Reader = Pick<Db, "$queryRaw">;

/** The fuzz range to balance over for this unfuzzed result, or null when ts-fsrs's own fuzz decides. */
function balancedRange(plain: CardState, sched: SchedulerSettings): { min: number; max: number } | null {
  const interval = plain.scheduledDays;
  // Learning steps and short intervals are not fuzzed; beyond the cap the range is weeks wide and the
  // day hardly matters, so ts-fsrs's fuzz picks as before (and the query stays a few days long).
  if (plain.state !== State.Review || interval < LOAD_BALANCE_MIN_DAYS || interval > LOAD_BALANCE_MAX_DAYS) return null;
  return fuzzRange(interval, plain.elapsedDays, sched.maximumIntervalDays ?? SETTINGS_DEFAULTS.maximumIntervalDays);
}

const onDay = (plain: CardState, now: Date, days: number): CardState => ({ ...plain, scheduledDays: days, due: new Date(now.getTime() + days * DAY_MS) });

/**
 * A review whose due day load balancing picks: the unfuzzed result, the candidate days and the query
 * that counts their load. `pickDay` over `dayLoads` picks it here; on PostgreSQL the one-statement
 * answer write picks it inside the statement instead (lib/quiz/review-write.ts, `pickSql`), which
 * saves the round trip of reading the counts first.
 */
export interface BalancePlan {
  card: CardState;
  log: ReviewRecord;
  now: Date;
  /** The interval the scheduler computed (ties go to the day closest to it). */
  interval: number;
  days: DayWindows;
}

/** A review's next due date without load balancing, or the plan to pick it by load. */
export function balancePlan(before: CardState, rating: Rating, now: Date, sched: SchedulerSettings, ctx: BalanceContext): { card: CardState; log: ReviewRecord } | BalancePlan {
  if (!ctx.loadBalance) return review(before, rating, now, sched);
  const plain = review(before, rating, now, { ...sched, fuzz: false });
  const range = balancedRange(plain.card, sched);
  if (!range) return review(before, rating, now, sched);
  return { ...plain, now, interval: plain.card.scheduledDays, days: dayWindows(now, range, ctx) };
}

export const isBalancePlan = (x: { card: CardState; log: ReviewRecord } | BalancePlan): x is BalancePlan => "days" in x;

/** The card on the day a plan's pick chose (whole days from now). */
export const cardOnDay = (plan: BalancePlan, days: number): CardState => onDay(plan.card, plan.now, days);

/** A plan's review on the day pickDay chooses from the counts read now. */
export async function pickBalanced(q: Reader, plan: BalancePlan): Promise<{ card: CardState; log: ReviewRecord }> {
  const days = pickDay(await loadsOf(q, plan.days), plan.interval);
  return { card: cardOnDay(plan, days), log: plan.log };
}

/** A review's next due date with load balancing when it applies, else ts-fsrs's own (fuzzed) result. */
export async function balancedReview(q: Reader, before: CardState, rating: Rating, now: Date, sched: SchedulerSettings, ctx: BalanceContext): Promise<{ card: CardState; log: ReviewRecord }> {
  const plan = balancePlan(before, rating, now, sched, ctx);
  return isBalancePlan(plan) ? pickBalanced(q, plan) : plan;
}

/**
 * The due date each grade would give now, as `balancedReview` would pick it, so the grade buttons show
 * the day the card will really get (one query covers the ranges of all four grades).
 */
export async function balancedPreview(q: Reader, card: CardState, now: Date, sched: SchedulerSettings, ctx: BalanceContext): Promise<Record<Rating, Date>> {
  const fuzzed = preview(card, now, sched);
  if (!ctx.loadBalance) return fuzzed;
  const plans = RATINGS.map((r) => {
    const plain = review(card, r, now, { ...sched, fuzz: false }).card;
    return { r, plain, range: balancedRange(plain, sched) };
  });
  const ranges = plans.flatMap((p) => (p.range ? [p.range] : []));
  if (!ranges.length) return fuzzed;
  const loads = await dayLoads(q, now, { min: Math.min(...ranges.map((x) => x.min)), max: Math.max(...ranges.map((x) => x.max)) }, ctx);
  const out = { ...fuzzed };
  for (const { r, plain, range } of plans) {
    if (range) out[r] = onDay(plain, now, pickDay(loads.filter((l) => l.days >= range.min && l.days <= range.max), plain.scheduledDays)).due;
  }
  return out;
}

/**
 * The candidate days of a range as learner days (their zone and rollover hour): each candidate's
 * bucket is the index of its day's window; two candidates can share one across a daylight-saving
 * change. With each candidate's Easy Days weight, and the learner and card the counts are for.
 */
export interface DayWindows {
  candidates: { days: number; key: string; bucket: number; weight: number }[];
  windows: { key: string; start: Date; end: Date }[];
  learnerId: string;
  questionId: string;
}

export function dayWindows(now: Date, range: { min: number; max: number }, ctx: Omit<BalanceContext, "loadBalance">): DayWindows {
  const roll = ctx.rolloverHour ?? SETTINGS_DEFAULTS.rolloverHour;
  const easyDays = ctx.easyDays ?? SETTINGS_DEFAULTS.easyDays;
  const candidates: DayWindows["candidates"] = [];
  const windows: DayWindows["windows"] = [];
  for (let d = range.min; d <= range.max; d++) {
    const at = new Date(now.getTime() + d * DAY_MS);
    const key = dayKey(at, ctx.tz, roll);
    if (windows.at(-1)?.key !== key) windows.push({ key, start: startOfDay(at, ctx.tz, roll), end: startOfNextDay(at, ctx.tz, roll) });
    candidates.push({ days: d, key, bucket: windows.length - 1, weight: easyDayWeight(easyDays, key) });
  }
  return { candidates, windows, learnerId: ctx.learnerId, questionId: ctx.questionId };
}

/**
 * The learner's cards due in each window, as (bucket, n) rows: one aggregate over the range's date
 * window, so at most a couple of dozen rows come back, whatever the number of cards. The card being
 * graded is left out (its own current due date is not load). A card's bucket is the first window whose
 * end is after its due date: a CASE over the windows, or `bucket`, an expression that computes the same
 * (the write statement's, whose text must not depend on the number of windows: review-write.ts pickSql).
 */
export function dayCountsSql(w: DayWindows, bucket?: Prisma.Sql): Prisma.Sql {
  const cases = () => Prisma.join(
    w.windows.map((x, i) => Prisma.sql`WHEN "due" < ${x.end} THEN ${Prisma.raw(String(i))}`),
    " ",
  );
  return Prisma.sql`
    SELECT ${bucket ?? Prisma.sql`CASE ${cases()} END`} AS "bucket", count(*) AS "n" FROM "Card"
    WHERE "learnerId" = ${w.learnerId} AND "questionId" <> ${w.questionId} AND "state" IN (${STARTED}) AND "suspended" = false
      AND "due" >= ${w.windows[0].start} AND "due" < ${w.windows.at(-1)!.end}
    GROUP BY 1`;
}

async function loadsOf(q: Reader, w: DayWindows): Promise<DayLoad[]> {
  const rows = await q.$queryRaw<{ bucket: number | bigint; n: number | bigint }[]>(dayCountsSql(w));
  const perBucket = new Map<number, number>();
  for (const r of rows) perBucket.set(Number(r.bucket), Number(r.n));
  return w.candidates.map((c) => ({ days: c.days, count: perBucket.get(c.bucket) ?? 0, weight: c.weight }));
}

/** Cards of this learner due on each candidate day of `range` (see dayWindows and dayCountsSql). */
export function dayLoads(q: Reader, now: Date, range: { min: number; max: number }, ctx: Omit<BalanceContext, "loadBalance">): Promise<DayLoad[]> {
  return loadsOf(q, dayWindows(now, range, ctx));
}
