import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { seededRandom } from "../../lib/rng";

describe("seededRandom", () => {
  it("repeats its sequence for a seed and differs between seeds", () => {
    const draw = (seed: number) => Array.from({ length: 8 }, seededRandom(seed));
    assert.deepEqual(draw(42), draw(42));
    assert.notDeepEqual(draw(42), draw(43));
  });

  it("stays in [0, 1) and spreads evenly over ten buckets", () => {
    const next = seededRandom(7);
    const buckets = new Array(10).fill(0);
    for (let i = 0; i < 20_000; i++) {
      const x = next();
      assert.ok(x >= 0 && x < 1, `${x} out of range`);
      buckets[Math.floor(x * 10)]++;
    }
    // 2,000 expected per bucket; ±10% is over 7 standard deviations, so only a broken generator fails.
    for (const n of buckets) assert.ok(n > 1800 && n < 2200, `bucket of ${n}`);
  });
});
