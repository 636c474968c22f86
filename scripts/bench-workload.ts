// The workload simulator's cost on a realistic collection: 1,500 cards with histories made by the real
// scheduler (Good, and Again every seventh answer), projected at 4 retentions for 90 days.
import { Rating, State } from "../lib/quiz/enums";
import { WORKLOAD_DAYS, WORKLOAD_RETENTIONS } from "../lib/quiz/rules";
import { newCard, review, type CardState } from "../lib/quiz/scheduler";
import { simulateWorkload, type WorkloadCard } from "../lib/quiz/workload";

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

export function benchWorkload(log: (line: string) => void, n = 1500): { cards: number; retentions: number; days: number; ms: number; totals: Record<string, number> } {
  const now = new Date("2026-03-01T09:00:00Z");
  const cards: WorkloadCard[] = Array.from({ length: n }, (_, i) => ({ questionId: `bench-${i}`, ...history(i, now) }));
  const input = { cards: cards.filter((c) => c.state !== State.New), unseen: 200, newPerDay: 20, newToday: 20, settings: { desiredRetention: 0.9 }, now, dayStart: new Date("2026-03-01T00:00:00Z") };
  simulateWorkload(input); // warm-up: JIT and the scheduler's parameter cache
  const times: number[] = [];
  let result = simulateWorkload(input);
  for (let k = 0; k < 5; k++) {
    const t = performance.now();
    result = simulateWorkload(input);
    times.push(performance.now() - t);
  }
  const ms = times.sort((a, b) => a - b)[2];
  const totals = Object.fromEntries(result.series.map((s) => [s.retention, s.total]));
  log(`workload simulator: ${ms.toFixed(1)} ms (median of 5) for ${n} cards × ${WORKLOAD_RETENTIONS.length} retentions × ${WORKLOAD_DAYS} days; totals ${JSON.stringify(totals)}`);
  return { cards: n, retentions: result.series.length, days: WORKLOAD_DAYS, ms: Math.round(ms * 10) / 10, totals };
}

if (import.meta.url === `file://${process.argv[1]}`) benchWorkload(console.log);
