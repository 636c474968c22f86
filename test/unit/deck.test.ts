import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { deckSchema, deckString, deckToString, parseDeck } from "../../lib/quiz/deck";
import { reviewBody } from "../../lib/quiz/dto";

describe("deck", () => {
  it("parses each kind into the union and back", () => {
    assert.deepEqual(parseDeck("all"), { kind: "all" });
    assert.deepEqual(parseDeck("flagged"), { kind: "flagged" });
    assert.deepEqual(parseDeck("interview"), { kind: "interview" });
    for (const kind of ["topic", "chapter", "difficulty", "company", "loadout"] as const) {
      const d = parseDeck(`${kind}:some-id-2`);
      assert.deepEqual(d, { kind, value: "some-id-2" });
      assert.equal(deckToString(d!), `${kind}:some-id-2`);
    }
    assert.deepEqual(deckSchema.parse("topic:sql"), { kind: "topic", value: "sql" });
  });

  it("refuses anything else with the list of forms", () => {
    for (const bad of ["", "ALL", "topic:", "topic:SQL", "topic:a:b", "tag:x", "all:x", "flagged:x", "topic:a b", `topic:${"a".repeat(81)}`]) {
      assert.equal(parseDeck(bad), null, bad);
      const r = deckString.safeParse(bad);
      assert.equal(r.success, false, bad);
    }
    assert.match(deckString.safeParse("tag:x").error!.issues[0].message, /topic:<id>/);
  });
});

describe("review body", () => {
  it("stores review ids lowercase, so ids differing in case are one", () => {
    const a = reviewBody.parse({ reviewId: "ABCDEF01-2345-4678-9ABC-DEF012345678", questionId: "q-1", rating: 2 });
    assert.equal(a.reviewId, "abcdef01-2345-4678-9abc-def012345678");
    assert.equal(reviewBody.safeParse({ reviewId: "x", questionId: "q-1", rating: 2 }).success, false);
    assert.equal(reviewBody.safeParse({ reviewId: a.reviewId, questionId: "Q 1", rating: 2 }).success, false);
    assert.equal(reviewBody.safeParse({ reviewId: a.reviewId, questionId: "q-1", rating: 5 }).success, false);
  });
});
