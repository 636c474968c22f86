import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { default_w } from "ts-fsrs";
import { State } from "../../lib/quiz/enums";
import { simulateWorkload, type WorkloadCard, type WorkloadInput } from "../../lib/quiz/workload";

const now = new Date("2026-03-01T09:00:00Z");
const dayStart = new Date("2026-03-01T00:00:00Z");
const DAY = 86_400_000;

/** A fixed mix: review cards of many stabilities and difficulties, some overdue, a few in (re)learning. */
function syntheticCards(n: number): WorkloadCard[] {
  return Array.from({ length: n }, (_, i) => {
    const stability = 1 + ((i * 37) % 120);
    const scheduledDays = Math.max(1, Math.round(stability));
    const due = new Date(now.getTime() + (((i * 13) % 40) - 10) * DAY);
    const state = i % 20 === 0 ? State.Relearning : i % 25 === 0 ? State.Learning : State.Review;
    return { questionId: `q-${i}`, due, stability, difficulty: 2 + (i % 8), elapsedDays: 0, scheduledDays, learningSteps: 0, reps: 3, lapses: 0, state, lastReview: new Date(due.getTime() - scheduledDays * DAY) };
  });
}

const input = (over: Partial<WorkloadInput> = {}): WorkloadInput => ({
  cards: syntheticCards(400),
  unseen: 100,
  newPerDay: 10,
  newToday: 10,
  settings: { desiredRetention: 0.9, learningSteps: ["1m", "10m"], relearningSteps: ["10m"] },
  now,
  dayStart,
  ...over,
});

const totals = (w: ReturnType<typeof simulateWorkload>) => Object.fromEntries(w.series.map((s) => [s.retention, s.total]));

describe("workload simulator", () => {
  it("expects fewer reviews at a lower desired retention", () => {
    const w = simulateWorkload(input());
    const t = totals(w);
    assert.deepEqual(Object.keys(t).map(Number), [0.8, 0.85, 0.9, 0.95]);
    assert.ok(t[0.95] > t[0.9] && t[0.9] > t[0.85] && t[0.85] > t[0.8], JSON.stringify(t));
    assert.equal(w.days, 90);
    for (const s of w.series) assert.equal(s.perDay.length, 90);
    assert.equal(w.newCards, 100);
  });

  it("is deterministic, whatever order the cards come in", () => {
    const a = simulateWorkload(input());
    const b = simulateWorkload(input({ cards: syntheticCards(400).reverse() }));
    assert.deepEqual(a, b);
  });

  it("counts a new card's learning steps on the day it is introduced", () => {
    const w = simulateWorkload(input({ cards: [], unseen: 5, newToday: 3, newPerDay: 2 }));
    const s = w.series.find((x) => x.retention === 0.9)!;
    // Good on "1m 10m" is two answers; three cards today, the other two tomorrow.
    assert.equal(s.perDay[0], 6);
    assert.equal(s.perDay[1], 4);
    assert.equal(w.newCards, 5);
  });

  it("adds and marks the learner's own retention, and uses their FSRS parameters", () => {
    const w = simulateWorkload(input({ settings: { desiredRetention: 0.87 } }));
    assert.deepEqual(
      w.series.map((s) => [s.retention, s.current]),
      [[0.8, false], [0.85, false], [0.87, true], [0.9, false], [0.95, false]],
    );
    // Slower forgetting (a larger decay parameter w20 flattens the curve) must change the projection.
    const w2 = [...default_w];
    w2[20] = 0.5;
    const personal = simulateWorkload(input({ settings: { desiredRetention: 0.9, weights: w2 } }));
    assert.notDeepEqual(totals(personal), totals(simulateWorkload(input())));
  });
});
