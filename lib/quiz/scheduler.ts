// The only module that knows ts-fsrs. Pure: every function takes `now` and returns new values,
// so scheduling is testable without a clock or a database (the Anki/ts-fsrs split).
import { createEmptyCard, fsrs, generatorParameters, get_fuzz_range, Rating as FsrsRating, type Card, type Grade, type StepUnit } from "ts-fsrs";

import { RATINGS, State, type Rating } from "./enums";

export { RATINGS, Rating, State } from "./enums";

/** 0 new, 1 learning, 2 review, 3 relearning (the FSRS states). */
export type CardStateKind = State;

export interface CardState {
  due: Date;
  stability: number;
  difficulty: number;
  elapsedDays: number;
  scheduledDays: number;
  learningSteps: number;
  reps: number;
  lapses: number;
  state: CardStateKind;
  lastReview: Date | null;
}

/** What a review log row records: the card as it was before the grade, plus the grade and when. */
export interface ReviewRecord {
  rating: Rating;
  state: CardStateKind;
  due: Date;
  stability: number;
  difficulty: number;
  elapsedDays: number;
  lastElapsedDays: number;
  scheduledDays: number;
  learningSteps: number;
  reviewedAt: Date;
}

export interface SchedulerSettings {
  desiredRetention: number;
  maximumIntervalDays?: number;
  learningSteps?: StepUnit[];
  relearningSteps?: StepUnit[];
  /** Personal FSRS parameters; the FSRS-6 defaults when absent. */
  weights?: number[];
  /** False when load balancing picks the day inside the fuzz range instead (lib/quiz/load-balance.ts). */
  fuzz?: boolean;
}

export const DEFAULT_SETTINGS: Required<Omit<SchedulerSettings, "weights" | "fuzz">> = {
  desiredRetention: 0.9,
  maximumIntervalDays: 36500,
  learningSteps: ["1m", "10m"],
  relearningSteps: ["10m"],
};

const STEP = /^\d+(\.\d+)?[mhd]$/;

/** "1m 10m" → ["1m", "10m"]; null when any step is malformed. An empty string means no steps. */
export function parseSteps(text: string): StepUnit[] | null {
  const parts = text.trim().split(/[\s,]+/).filter(Boolean);
  return parts.every((p) => STEP.test(p)) ? (parts as StepUnit[]) : null;
}

// ts-fsrs wants one scheduler per parameter set, reused: building it precomputes the decay terms.
// Learners share a few parameter sets, so a small bounded cache keyed by the settings serves every request.
const instances = new Map<string, ReturnType<typeof fsrs>>();
const MAX_INSTANCES = 256;

function scheduler(settings: SchedulerSettings) {
  const key = JSON.stringify([settings.desiredRetention, settings.maximumIntervalDays, settings.learningSteps, settings.relearningSteps, settings.weights, settings.fuzz !== false]);
  let f = instances.get(key);
  if (!f) {
    if (instances.size >= MAX_INSTANCES) instances.delete(instances.keys().next().value!);
    instances.set(key, (f = build(settings)));
  }
  return f;
}

function build(settings: SchedulerSettings, fuzz = true) {
  const s = { ...DEFAULT_SETTINGS, ...settings };
  return fsrs(
    generatorParameters({
      ...(s.weights ? { w: s.weights } : {}),
      request_retention: s.desiredRetention,
      maximum_interval: s.maximumIntervalDays,
      // Fuzz spreads reviews of cards learned together; ts-fsrs seeds it from the card and time, so it stays deterministic.
      enable_fuzz: fuzz && s.fuzz !== false,
      enable_short_term: true,
      learning_steps: s.learningSteps,
      relearning_steps: s.relearningSteps,
    }),
  );
}

/** The FSRS memory model (forgetting curve, next state, next interval) the scheduler uses, without fuzz. */
export interface MemoryModel {
  forgetting_curve(t: number, s: number): number;
  next_state(m: MemoryState | null, t: number, g: number, r?: number): MemoryState;
  next_interval(s: number, t: number): number;
}
export interface MemoryState {
  stability: number;
  difficulty: number;
}

/** ts-fsrs's own memory model for these settings, without fuzz: the reference `memoryModel` is held to. */
export function fsrsMemoryModel(settings: SchedulerSettings): MemoryModel {
  return build(settings, false);
}

// The workload simulator calls these functions ~250,000 times a page view (~1,600 cards, 4 retentions,
// 90 days, both branches of each review). ts-fsrs 5.4 reads every weight through a Proxy and recomputes the
// decay factor on each curve call, which made the projection ~45 ms of the progress page. This is the same
// arithmetic, in the same order, on constants read once from a ts-fsrs instance built with the same
// parameters (so migration and clipping of personal weights stay ts-fsrs's); a unit test holds every
// result bit-for-bit equal to ts-fsrs's, so the projection cannot drift from the schedule.
const S_MIN = 1e-3;
const S_MAX = 36500;
const round8 = (x: number) => Math.round(x * 1e8) / 1e8;
const clamp = (x: number, lo: number, hi: number) => Math.min(Math.max(x, lo), hi);

export function memoryModel(settings: SchedulerSettings): MemoryModel {
  const f = build(settings, false);
  const p = f.parameters;
  if (p.enable_fuzz) throw new Error("memoryModel: the projection's intervals must be unfuzzed");
  const w = Float64Array.from(p.w);
  const shortTerm = p.enable_short_term;
  const maxIvl = p.maximum_interval;
  const modifier = f.interval_modifier;
  const decay = -w[20];
  const factor = round8(Math.exp(Math.pow(decay, -1) * Math.log(0.9)) - 1);
  const easyD0 = round8(w[4] - Math.exp((FsrsRating.Easy - 1) * w[5]) + 1);
  const [w17, w18] = shortTerm ? [w[17], w[18]] : [0, 0];
  // Terms that depend on the weights alone; Math.exp of the same argument is the same double, so
  // hoisting them keeps every result identical.
  const exp8 = Math.exp(w[8]);
  const failFloor = Math.exp(w17 * w18);
  const shortTermGrowth = [0, 1, 2, 3, 4].map((g) => Math.exp(w[17] * (g - 3 + w[18])));
  const forgetting_curve = (t: number, s: number) => round8(Math.pow(1 + (factor * t) / s, decay));
  const initDifficulty = (g: number) => round8(w[4] - Math.exp((g - 1) * w[5]) + 1);
  function nextDifficulty(d: number, g: number): number {
    const delta = -w[6] * (g - 3);
    const next = d + round8((delta * (10 - d)) / 9);
    return clamp(round8(w[7] * easyD0 + (1 - w[7]) * next), 1, 10);
  }
  function next_state(m: MemoryState | null, t: number, g: number, r?: number): MemoryState {
    const { difficulty: d, stability: s } = m ?? { difficulty: 0, stability: 0 };
    if (t < 0) throw new Error(`Invalid delta_t "${t}"`);
    if (g < 0 || g > 4) throw new Error(`Invalid grade "${g}"`);
    if (d === 0 && s === 0) return { difficulty: clamp(initDifficulty(g), 1, 10), stability: Math.max(w[g - 1], 0.1) };
    if (g === 0) return { difficulty: d, stability: s };
    if (d < 1 || s < S_MIN) throw new Error(`Invalid memory state { difficulty: ${d}, stability: ${s} }`);
    const rr = typeof r === "number" ? r : forgetting_curve(t, s);
    let ns: number;
    if (t === 0 && shortTerm) {
      const sinc = Math.pow(s, -w[19]) * shortTermGrowth[g];
      ns = round8(clamp(s * (g >= FsrsRating.Hard ? Math.max(sinc, 1) : sinc), S_MIN, S_MAX));
    } else if (g === FsrsRating.Again) {
      const afterFail = round8(clamp(w[11] * Math.pow(d, -w[12]) * (Math.pow(s + 1, w[13]) - 1) * Math.exp((1 - rr) * w[14]), S_MIN, S_MAX));
      ns = clamp(round8(s / failFloor), S_MIN, afterFail);
    } else {
      const hard = g === FsrsRating.Hard ? w[15] : 1;
      const easy = g === FsrsRating.Easy ? w[16] : 1;
      ns = round8(clamp(s * (1 + exp8 * (11 - d) * Math.pow(s, -w[9]) * (Math.exp((1 - rr) * w[10]) - 1) * hard * easy), S_MIN, S_MAX));
    }
    return { difficulty: nextDifficulty(d, g), stability: ns };
  }
  const next_interval = (s: number) => Math.round(Math.min(Math.max(1, Math.round(s * modifier)), maxIvl));
  return { forgetting_curve, next_state, next_interval };
}

export function newCard(now: Date): CardState {
  return fromFsrs(createEmptyCard(now));
}

// ts-fsrs keeps Easy at least a day past Good, which can step over maximum_interval; the cap is a promise to the learner.
function capInterval(card: CardState, now: Date, settings: SchedulerSettings): CardState {
  const max = settings.maximumIntervalDays ?? DEFAULT_SETTINGS.maximumIntervalDays;
  if (card.state !== State.Review || card.scheduledDays <= max) return card;
  return { ...card, scheduledDays: max, due: new Date(now.getTime() + max * 86_400_000) };
}

export function review(card: CardState, rating: Rating, now: Date, settings: SchedulerSettings): { card: CardState; log: ReviewRecord } {
  const item = scheduler(settings).next(toFsrs(card, now), now, rating as Grade);
  return {
    card: capInterval(fromFsrs(item.card), now, settings),
    log: {
      rating,
      state: item.log.state as CardStateKind,
      due: item.log.due,
      stability: item.log.stability,
      difficulty: item.log.difficulty,
      elapsedDays: item.log.elapsed_days,
      lastElapsedDays: item.log.last_elapsed_days,
      scheduledDays: item.log.scheduled_days,
      learningSteps: item.log.learning_steps,
      reviewedAt: now,
    },
  };
}

/** The whole-day intervals ts-fsrs's fuzz may pick for `interval` (the range load balancing chooses in). */
export function fuzzRange(interval: number, elapsedDays: number, maximumIntervalDays: number): { min: number; max: number } {
  const r = get_fuzz_range(interval, elapsedDays, maximumIntervalDays);
  return { min: r.min_ivl, max: r.max_ivl };
}

/** The due date each grade would give right now, for the labels on the grade buttons. */
export function preview(card: CardState, now: Date, settings: SchedulerSettings): Record<Rating, Date> {
  const p = scheduler(settings).repeat(toFsrs(card, now), now);
  const due = (r: FsrsRating) => capInterval(fromFsrs(p[r as Grade].card), now, settings).due;
  return { 1: due(FsrsRating.Again), 2: due(FsrsRating.Hard), 3: due(FsrsRating.Good), 4: due(FsrsRating.Easy) };
}

/** Probability of recall at `at` (0 for a card never reviewed). */
export function retrievability(card: CardState, at: Date, settings: SchedulerSettings): number {
  if (card.state === State.New) return 0;
  return scheduler(settings).get_retrievability(toFsrs(card, at), at, false);
}

/** "45s", "10m", "3h", "4d", "2.5mo", "1.2y": short enough for a button. */
export function formatInterval(ms: number): string {
  const s = Math.max(0, ms) / 1000;
  if (s < 60) return `${Math.round(s)}s`;
  const m = s / 60;
  if (m < 60) return `${Math.round(m)}m`;
  const h = m / 60;
  if (h < 24) return `${Math.round(h)}h`;
  const d = h / 24;
  if (d < 30) return `${Math.round(d)}d`;
  if (d < 365) return `${trim(d / 30)}mo`;
  return `${trim(d / 365)}y`;
}

function trim(n: number) {
  return n < 10 ? n.toFixed(1).replace(/\.0$/, "") : String(Math.round(n));
}

// A last review after `now` (clock skew, an imported file from a fast clock) makes ts-fsrs throw
// "Invalid delta_t"; such a card is treated as reviewed just now instead.
function toFsrs(c: CardState, now: Date): Card {
  const lastReview = c.lastReview && c.lastReview > now ? now : c.lastReview;
  return {
    due: c.due,
    stability: c.stability,
    difficulty: c.difficulty,
    elapsed_days: c.elapsedDays,
    scheduled_days: c.scheduledDays,
    learning_steps: c.learningSteps,
    reps: c.reps,
    lapses: c.lapses,
    state: c.state,
    last_review: lastReview ?? undefined,
  };
}

function fromFsrs(c: Card): CardState {
  return {
    due: c.due,
    stability: c.stability,
    difficulty: c.difficulty,
    elapsedDays: c.elapsed_days,
    scheduledDays: c.scheduled_days,
    learningSteps: c.learning_steps,
    reps: c.reps,
    lapses: c.lapses,
    state: c.state as CardStateKind,
    lastReview: c.last_review ?? null,
  };
}
