// Load balancing on a synthetic forecast, no database: how much flatter the due-per-day histogram gets
// when graded cards go to the least loaded day of their fuzz range instead of a random one.
import { pickDay } from "../lib/quiz/load-balance";
import { fuzzRange } from "../lib/quiz/scheduler";
import { seededRandom } from "../lib/rng";

const peak = (h: number[]) => Math.max(...h) / (h.reduce((a, b) => a + b, 0) / h.length);

/** max/mean of cards per day over 90 days: the starting forecast, after grading with random fuzz, after balancing. */
export function balanceFigures(opts = { existing: 1500, graded: 1500, horizon: 90 }) {
  const rand = seededRandom(42);
  const start = new Array<number>(opts.horizon + 1).fill(0);
  // Clustered: a third of the cards on every 7th day (a batch learned together), the rest spread out.
  for (let i = 0; i < opts.existing; i++) start[i % 3 === 0 ? 7 * (1 + Math.floor(rand() * 12)) : 1 + Math.floor(rand() * opts.horizon)]++;
  const intervals = Array.from({ length: opts.graded }, () => 3 + Math.floor(rand() * 60));
  const fuzzed = [...start];
  const balanced = [...start];
  for (const ivl of intervals) {
    const { min, max } = fuzzRange(ivl, 0, 36500);
    fuzzed[Math.min(opts.horizon, min + Math.floor(rand() * (max - min + 1)))]++;
    const days = Array.from({ length: max - min + 1 }, (_, k) => min + k).filter((d) => d <= opts.horizon);
    balanced[pickDay(days.map((d) => ({ days: d, count: balanced[d], weight: 1 })), ivl)]++;
  }
  const window = (h: number[]) => h.slice(1);
  return { before: peak(window(start)), fuzzed: peak(window(fuzzed)), balanced: peak(window(balanced)) };
}

export function benchBalance(log: (line: string) => void) {
  const t = performance.now();
  const f = balanceFigures();
  log(`load balancing (synthetic 90-day forecast, 1500 cards clustered + 1500 graded): max/mean per day ${f.before.toFixed(2)} before, ${f.fuzzed.toFixed(2)} after with random fuzz, ${f.balanced.toFixed(2)} after balancing (${(performance.now() - t).toFixed(0)} ms)`);
}
