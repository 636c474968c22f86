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

/** A review's next due date with load balancing when it applies, else ts-fsrs's own (fuzzed) result. */
export async function balancedReview(q: Reader, before: CardState, rating: Rating, now: Date, sched: SchedulerSettings, ctx: BalanceContext): Promise<{ card: CardState; log: ReviewRecord }> {
  if (!ctx.loadBalance) return review(before, rating, now, sched);
  const plain = review(before, rating, now, { ...sched, fuzz: false });
  const range = balancedRange(plain.card, sched);
  if (!range) return review(before, rating, now, sched);
  const days = pickDay(await dayLoads(q, now, range, ctx), plain.card.scheduledDays);
  return { card: onDay(plain.card, now, days), log: plain.log };
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
 * Cards of this learner due on each candidate day, from one aggregate over the range's date window:
 * each due date is bucketed by the learner day it falls in (their zone and rollover hour), at most
 * a couple of dozen rows come back, whatever the number of cards.
 */
export async function dayLoads(q: Reader, now: Date, range: { min: number; max: number }, ctx: Omit<BalanceContext, "loadBalance">): Promise<DayLoad[]> {
  const roll = ctx.rolloverHour ?? SETTINGS_DEFAULTS.rolloverHour;
  const candidates: { days: number; key: string }[] = [];
  // Learner days in range order; two candidates can share one across a daylight-saving change.
  const windows: { key: string; start: Date; end: Date }[] = [];
  for (let d = range.min; d <= range.max; d++) {
    const at = new Date(now.getTime() + d * DAY_MS);
    const key = dayKey(at, ctx.tz, roll);
    if (windows.at(-1)?.key !== key) windows.push({ key, start: startOfDay(at, ctx.tz, roll), end: startOfNextDay(at, ctx.tz, roll) });
    candidates.push({ days: d, key });
  }
  const buckets = Prisma.join(
    windows.map((w, i) => Prisma.sql`WHEN "due" < ${w.end} THEN ${Prisma.raw(String(i))}`),
    " ",
  );
  const rows = await q.$queryRaw<{ bucket: number | bigint; n: number | bigint }[]>`
    SELECT CASE ${buckets} END AS bucket, count(*) AS n FROM "Card"
    WHERE "learnerId" = ${ctx.learnerId} AND "questionId" <> ${ctx.questionId} AND "state" IN (${STARTED}) AND "suspended" = false
      AND "due" >= ${windows[0].start} AND "due" < ${windows.at(-1)!.end}
    GROUP BY 1`;
  const perKey = new Map<string, number>();
  for (const r of rows) perKey.set(windows[Number(r.bucket)].key, Number(r.n));
  const easyDays = ctx.easyDays ?? SETTINGS_DEFAULTS.easyDays;
  return candidates.map((c) => ({ days: c.days, count: perKey.get(c.key) ?? 0, weight: easyDayWeight(easyDays, c.key) }));
}
