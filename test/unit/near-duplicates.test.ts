import assert from "node:assert/strict";
import { describe, it } from "node:test";
import fc from "fast-check";
import { candidatePairs, jaccard, NEAR_DUPLICATE_JACCARD } from "../../lib/content/validate";

// The near-duplicate check compares only the pairs prefix filtering proposes; it must find every pair a
// comparison of all pairs finds.
const bruteForce = (sets: Set<string>[], t: number) => {
  const out: string[] = [];
  for (let i = 0; i < sets.length; i++) for (let j = i + 1; j < sets.length; j++) if (jaccard(sets[i], sets[j]) >= t) out.push(`${i}-${j}`);
  return out;
};
const filtered = (sets: Set<string>[], t: number) => candidatePairs(sets, t).filter(([i, j]) => jaccard(sets[i], sets[j]) >= t).map(([i, j]) => `${i}-${j}`);

describe("near-duplicate candidates", () => {
  it("find every pair over the threshold that comparing all pairs finds, in the same order", () => {
    const word = fc.constantFrom("kafka", "spark", "join", "window", "partition", "offset", "rank", "key", "skew", "lag", "row", "sql");
    const sets = fc.array(fc.uniqueArray(word, { maxLength: 7 }).map((ws) => new Set(ws)), { maxLength: 40 });
    fc.assert(
      fc.property(sets, fc.constantFrom(0.5, 0.6, NEAR_DUPLICATE_JACCARD, 1), (s, t) => {
        assert.deepEqual(filtered(s, t), bruteForce(s, t));
      }),
      { numRuns: 300 },
    );
  });

  it("proposes far fewer pairs than all of them on distinct wordings", () => {
    const sets = Array.from({ length: 300 }, (_, i) => new Set([`topic${i % 30}`, `w${i}`, `x${i}`, `y${i}`, "what"]));
    const pairs = candidatePairs(sets);
    assert.ok(pairs.length < (300 * 299) / 2 / 20, `${pairs.length} candidate pairs`);
  });
});
