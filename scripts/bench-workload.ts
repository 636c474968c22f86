// The workload simulator's cost on a realistic collection: 1,500 cards with histories made by the real
// scheduler (Good, and Again every seventh answer), projected at 4 retentions for 90 days.
import { Rating, State } from "../lib/quiz/enums";
import { WORKLOAD_DAYS, WORKLOAD_RETENTIONS } from "../lib/quiz/rules";
import { newCard, review, type CardState } from "../lib/quiz/scheduler";
import { simulateWorkload, type WorkloadCard, type WorkloadInput } from "../lib/quiz/workload";
import { seededRandom } from "../lib/rng";

const DAY = 86_400_000;

function history(i: number, now: Date): CardState {
  let at = new Date(now.getTime() - (1 + (i % 240)) * DAY);
  let card = newCard(at);
  for (let n = 0; card.due <= now && n < 40; n++) {
    card = review(card, n % 7 === 6 ? Rating.Again : Rating.Good, at, { desiredRetention: 0.9 }).card;
    at = card.due;
  }
  return card;
}

/** bench:scale's heavy learner: every one of 1,623 cards studied, stability 1–41 days, due from 8 days ago to 32 ahead. */
function heavy(now: Date): WorkloadCard[] {
  const random = seededRandom(7);
  return Array.from({ length: 1623 }, (_, i) => {
    const r = random();
    const state = r < 0.04 ? State.Learning : r < 0.07 ? State.Relearning : State.Review;
    return { questionId: `heavy-${i}`, due: new Date(now.getTime() + (r * 40 - 8) * DAY), stability: 1 + r * 40, difficulty: 1 + r * 9, elapsedDays: 0, scheduledDays: Math.round(r * 40), learningSteps: 0, reps: 13, lapses: 1, state, lastReview: new Date(now.getTime() - r * 30 * DAY) };
  });
}

/** Median of 5 after a warm-up run (JIT and the scheduler's parameter cache). */
function time(input: WorkloadInput): { ms: number; result: ReturnType<typeof simulateWorkload> } {
  let result = simulateWorkload(input);
  const times: number[] = [];
  for (let k = 0; k < 5; k++) {
    const t = performance.now();
    result = simulateWorkload(input);
    times.push(performance.now() - t);
  }
  return { ms: times.sort((a, b) => a - b)[2], result };
}

export function benchWorkload(log: (line: string) => void, n = 1500): { cards: number; retentions: number; days: number; ms: number; heavyMs: number; totals: Record<string, number> } {
  const now = new Date("2026-03-01T09:00:00Z");
  const dayStart = new Date("2026-03-01T00:00:00Z");
  const cards: WorkloadCard[] = Array.from({ length: n }, (_, i) => ({ questionId: `bench-${i}`, ...history(i, now) }));
  const { ms, result } = time({ cards: cards.filter((c) => c.state !== State.New), unseen: 200, newPerDay: 20, newToday: 20, settings: { desiredRetention: 0.9 }, now, dayStart });
  const totals = Object.fromEntries(result.series.map((s) => [s.retention, s.total]));
  log(`workload simulator: ${ms.toFixed(1)} ms (median of 5) for ${n} cards × ${WORKLOAD_RETENTIONS.length} retentions × ${WORKLOAD_DAYS} days; totals ${JSON.stringify(totals)}`);
  const h = time({ cards: heavy(now), unseen: 0, newPerDay: 20, newToday: 0, settings: { desiredRetention: 0.9 }, now, dayStart });
  log(`workload simulator, bench:scale's heavy learner (1,623 short-stability cards): ${h.ms.toFixed(1)} ms; totals ${JSON.stringify(Object.fromEntries(h.result.series.map((s) => [s.retention, s.total])))}`);
  return { cards: n, retentions: result.series.length, days: WORKLOAD_DAYS, ms: Math.round(ms * 10) / 10, heavyMs: Math.round(h.ms * 10) / 10, totals };
}

if (import.meta.url === `file://${process.argv[1]}`) benchWorkload(console.log);
