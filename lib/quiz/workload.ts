// Workload projection: expected reviews per day for the next WORKLOAD_DAYS at several desired retentions,
// on the learner's own cards and FSRS parameters, like Anki 24.11's simulator. It is an expected value:
// at each review the card recalls with p = R(elapsed, S) and lapses with 1 - p, and both futures are
// followed with their weights, so the same input always gives the same numbers.
//
// Simplifications (each keeps the cost bounded): a recalled card is graded Good; learning and relearning
// steps are passed with Good on the day they start; a branch whose weight falls under MIN_BRANCH stops
// splitting and draws its outcome from a generator seeded by the card's id (unbiased, and the same on
// every run); more than MAX_CARDS cards are sampled evenly and scaled.
import type { Card as CardRow } from "../generated/prisma/client";
import type { CardSummary } from "./card-reads";
import { rowToCard, type CardColumns } from "./card-mapper";
import { Rating, State } from "./enums";
import { DAY_MS, WORKLOAD_DAYS, WORKLOAD_RETENTIONS } from "./rules";
import { memoryModel, newCard, review, type CardState, type MemoryModel, type SchedulerSettings } from "./scheduler";
import { schedulerSettings, type LearnerSettings } from "./settings";
import { startOfDay } from "../time";
import { seededRandom } from "../rng";

// Splitting below this weight changed totals by under 1% on the test set and cost several times the time.
const MIN_BRANCH = 0.05;
// Every new card follows one simulated path, multiplied by the number of new cards: a sampled outcome
// there would swing the whole chart, so that one card is expanded almost exactly.
const TEMPLATE_MIN_BRANCH = 0.001;
const MAX_CARDS = 5000;
// A learning card graduates within a few Good answers; the cap only guards against a malformed row.
const MAX_STEPS = 12;

export interface WorkloadSeries {
  retention: number;
  /** The learner's own desired retention. */
  current: boolean;
  /** Expected reviews on day i (0 = today), one decimal. */
  perDay: number[];
  /** Expected reviews over the whole horizon, rounded. */
  total: number;
}

export interface Workload {
  days: number;
  series: WorkloadSeries[];
  /** Studied cards simulated (after sampling), and how many there were. */
  cards: number;
  studied: number;
  /** New cards introduced over the horizon. */
  newCards: number;
}

export type WorkloadCard = CardColumns & Pick<CardRow, "questionId">;

export interface WorkloadInput {
  /** Studied, unsuspended cards (state other than New). */
  cards: WorkloadCard[];
  /** Questions never studied, introduced at `newPerDay` (today only `newToday` more). */
  unseen: number;
  newPerDay: number;
  newToday: number;
  /** Weights, steps and maximum interval; desiredRetention is replaced by each simulated one. */
  settings: SchedulerSettings;
  now: Date;
  /** When the learner's today began (their time zone): day indexes count from it. */
  dayStart: Date;
  days?: number;
  retentions?: readonly number[];
}

interface Ctx {
  model: MemoryModel;
  out: Float64Array;
  relearnSteps: number;
  random: () => number;
  minBranch: number;
}

/** FNV-1a of a card's id: its draws do not depend on where it sits in the list, and every retention gets the same ones. */
function seedOf(id: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < id.length; i++) h = Math.imul(h ^ id.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

/** Adds the expected reviews of one review card (and all its futures) to ctx.out. */
function followCard(ctx: Ctx, stability: number, difficulty: number, last: number, due: number, weight: number) {
  const { model, out, relearnSteps } = ctx;
  const days = out.length;
  const stack: [number, number, number, number, number][] = [[stability, difficulty, last, due, weight]];
  while (stack.length) {
    let [s, d, l, t0, w] = stack.pop()!;
    while (t0 < days) {
      const t = Math.max(0, t0 - l);
      const r = model.forgetting_curve(t, s);
      out[t0] += w * (1 + (1 - r) * relearnSteps);
      const lapseWeight = w * (1 - r);
      const keepLapse = lapseWeight >= ctx.minBranch && w * r >= ctx.minBranch;
      // A branch too light to split draws its outcome from the seeded generator instead: unbiased, and
      // still the same numbers on every run.
      const lapse = keepLapse || ctx.random() >= r;
      if (lapse) {
        let f = model.next_state({ stability: s, difficulty: d }, t, Rating.Again, r);
        for (let i = 0; i < relearnSteps; i++) f = model.next_state(f, 0, Rating.Good);
        const next = t0 + model.next_interval(f.stability, 0);
        if (!keepLapse) {
          [s, d, l, t0] = [f.stability, f.difficulty, t0, next];
          continue;
        }
        stack.push([f.stability, f.difficulty, t0, next, lapseWeight]);
        w -= lapseWeight;
      }
      const ok = model.next_state({ stability: s, difficulty: d }, t, Rating.Good, r);
      [s, d, l, t0] = [ok.stability, ok.difficulty, t0, t0 + model.next_interval(ok.stability, t)];
    }
  }
}

/** Answers a learning card Good until it graduates: how many answers that took and the card then. */
function graduate(card: CardState, settings: SchedulerSettings): { answers: number; card: CardState } {
  let c = card;
  let answers = 0;
  while (c.state !== State.Review && answers < MAX_STEPS) {
    const at = c.state === State.New ? c.due : new Date(Math.max(c.due.getTime(), (c.lastReview ?? c.due).getTime()));
    c = review(c, Rating.Good, at, settings).card;
    answers++;
  }
  return { answers, card: c };
}

// FSRS needs a valid memory state; an imported or hand-edited row could hold zeros.
const clampS = (s: number) => (Number.isFinite(s) && s > 0.01 ? s : 0.01);
const clampD = (d: number) => (Number.isFinite(d) ? Math.min(10, Math.max(1, d)) : 5);

function simulateOne(input: WorkloadInput, cards: WorkloadCard[], scale: number, retention: number, days: number): Float64Array {
  const settings = { ...input.settings, desiredRetention: retention };
  const ctx: Ctx = { model: memoryModel(settings), out: new Float64Array(days), relearnSteps: settings.relearningSteps?.length ?? 1, random: seededRandom(0), minBranch: MIN_BRANCH };
  const dayOf = (at: Date) => Math.floor((at.getTime() - input.dayStart.getTime()) / DAY_MS);
  for (const row of cards) {
    const due = Math.max(0, dayOf(row.due));
    if (due >= days) continue;
    ctx.random = seededRandom(seedOf(row.questionId));
    if (row.state === State.Review) {
      const last = row.lastReview ? dayOf(row.lastReview) : due - row.scheduledDays;
      followCard(ctx, clampS(row.stability), clampD(row.difficulty), Math.min(last, due), due, scale);
      continue;
    }
    // Learning or relearning: its remaining steps fall on its due day, then it graduates.
    const { answers, card } = graduate({ ...rowToCard(row), stability: clampS(row.stability), difficulty: clampD(row.difficulty) }, settings);
    ctx.out[due] += answers * scale;
    followCard(ctx, clampS(card.stability), clampD(card.difficulty), due, due + ctx.model.next_interval(card.stability, 0), scale);
  }
  // Every new card follows the same path from the day it is introduced: simulate one, then shift and add.
  if (input.unseen > 0 && (input.newToday > 0 || input.newPerDay > 0)) {
    const template: Ctx = { ...ctx, out: new Float64Array(days), random: seededRandom(1), minBranch: TEMPLATE_MIN_BRANCH };
    const { answers, card } = graduate(newCard(input.now), settings);
    template.out[0] += answers;
    followCard(template, clampS(card.stability), clampD(card.difficulty), 0, template.model.next_interval(card.stability, 0), 1);
    let left = input.unseen;
    for (let day = 0; day < days && left > 0; day++) {
      const n = Math.min(left, day === 0 ? input.newToday : input.newPerDay);
      left -= n;
      for (let k = 0; day + k < days; k++) ctx.out[day + k] += n * template.out[k];
    }
  }
  return ctx.out;
}

/** Newly introduced cards over the horizon. */
function introduced(input: WorkloadInput, days: number): number {
  if (input.unseen <= 0) return 0;
  return Math.min(input.unseen, input.newToday + Math.max(0, days - 1) * input.newPerDay);
}

export function simulateWorkload(input: WorkloadInput): Workload {
  const days = input.days ?? WORKLOAD_DAYS;
  const current = Math.round(input.settings.desiredRetention * 100) / 100;
  const retentions = [...new Set([...(input.retentions ?? WORKLOAD_RETENTIONS), current])].sort((a, b) => a - b);
  // Sampling keeps the cost bounded for a huge collection; sorted by id so the sample is stable.
  let cards = input.cards.filter((c) => c.state !== State.New);
  const studied = cards.length;
  let scale = 1;
  if (cards.length > MAX_CARDS) {
    const sorted = [...cards].sort((a, b) => (a.questionId < b.questionId ? -1 : a.questionId > b.questionId ? 1 : 0));
    const step = sorted.length / MAX_CARDS;
    cards = Array.from({ length: MAX_CARDS }, (_, i) => sorted[Math.floor(i * step)]);
    scale = studied / MAX_CARDS;
  }
  const series = retentions.map((retention) => {
    const out = simulateOne(input, cards, scale, retention, days);
    const total = out.reduce((a, b) => a + b, 0);
    return { retention, current: retention === current, perDay: Array.from(out, (v) => Math.round(v * 10) / 10), total: Math.round(total) };
  });
  return { days, series, cards: cards.length, studied, newCards: introduced(input, days) };
}

/**
 * The progress page's projection: the learner's studied, unsuspended cards of live questions (`questions`
 * holds their ids), and the unseen ones at their new-card limit, `newToday` of them still allowed today.
 */
export function projectWorkload(settings: LearnerSettings, rows: CardSummary[], questions: Map<string, string>, unseen: number, newToday: number, now: Date, tz?: string): Workload {
  return simulateWorkload({
    cards: rows.filter((c) => !c.suspended && c.state !== State.New && questions.has(c.questionId)),
    unseen,
    newPerDay: settings.newPerDay,
    newToday,
    settings: schedulerSettings(settings, now, false),
    now,
    dayStart: startOfDay(now, tz),
  });
}
