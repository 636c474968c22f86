import assert from "node:assert/strict";
import { describe, it } from "node:test";
import fc from "fast-check";
import { default_w } from "ts-fsrs";
import { fsrsMemoryModel, memoryModel, type SchedulerSettings } from "../../lib/quiz/scheduler";

// The workload simulator runs memoryModel's own copy of the FSRS arithmetic (ts-fsrs's is slow there); it
// must give exactly ts-fsrs's numbers, bit for bit, or the projection would drift from the real schedule.
const settingsArb: fc.Arbitrary<SchedulerSettings> = fc.record({
  desiredRetention: fc.double({ min: 0.7, max: 0.99, noNaN: true }),
  maximumIntervalDays: fc.constantFrom(36500, 365, 30),
  relearningSteps: fc.constantFrom(["10m"], [], ["10m", "1h"]),
  // Defaults, a personal set, and one out of bounds (ts-fsrs clips it; the copy must use the clipped one).
  weights: fc.constantFrom(undefined, default_w.map((x, i) => (i === 20 ? 0.5 : x * 1.1)), default_w.map((x, i) => (i === 20 ? 5 : i === 9 ? -1 : x))),
}) as fc.Arbitrary<SchedulerSettings>;
const stability = fc.oneof(fc.double({ min: 0.001, max: 36500, noNaN: true }), fc.constantFrom(0.001, 0.1, 1, 2.5, 36500));
const difficulty = fc.oneof(fc.double({ min: 1, max: 10, noNaN: true }), fc.constantFrom(1, 10));
const elapsed = fc.oneof(fc.constant(0), fc.integer({ min: 0, max: 800 }), fc.double({ min: 0, max: 800, noNaN: true }));

describe("memory model", () => {
  it("gives ts-fsrs's curve, next state and interval exactly", () => {
    fc.assert(
      fc.property(settingsArb, stability, difficulty, elapsed, fc.integer({ min: 0, max: 4 }), fc.option(fc.double({ min: 0, max: 1, noNaN: true })), (settings, s, d, t, g, r) => {
        const mine = memoryModel(settings);
        const ref = fsrsMemoryModel(settings);
        assert.equal(mine.forgetting_curve(t, s), ref.forgetting_curve(t, s));
        assert.deepEqual(mine.next_state({ stability: s, difficulty: d }, t, g, r ?? undefined), ref.next_state({ stability: s, difficulty: d }, t, g, r ?? undefined));
        if (g > 0) assert.deepEqual(mine.next_state(null, t, g), ref.next_state(null, t, g));
        assert.equal(mine.next_interval(s, t), ref.next_interval(s, t));
      }),
      { numRuns: 3000, seed: 20261207 },
    );
  });

  it("rejects what ts-fsrs rejects", () => {
    const mine = memoryModel({ desiredRetention: 0.9 });
    const ref = fsrsMemoryModel({ desiredRetention: 0.9 });
    for (const [m, t, g] of [[{ stability: 2, difficulty: 5 }, -1, 3], [{ stability: 2, difficulty: 5 }, 1, 5], [{ stability: 2, difficulty: 0.5 }, 1, 3], [{ stability: 0.0001, difficulty: 5 }, 1, 3]] as const) {
      assert.throws(() => ref.next_state(m, t, g));
      assert.throws(() => mine.next_state(m, t, g), /Invalid/);
    }
  });
});
