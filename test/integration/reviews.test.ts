import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import type { Db } from "../../lib/db/client";
import { newLearnerId } from "../../lib/learner/identity";
import { nextCard, QuizError, saveSettings, submitReview } from "../../lib/quiz/service";
import { quizDb, reviewIds } from "../helpers";

let db: Db;
const t0 = new Date("2026-05-01T10:00:00Z");
const deck = ["kafka-fixture-consumer-groups", "kafka-fixture-offsets", "sql-fixture-anti-join", "sql-fixture-inner-join", "sql-fixture-rank", "sql-fixture-window"];
const rid = reviewIds();

before(async () => {
  db = await quizDb();
});
after(() => db.$disconnect());

describe("reviews", () => {
  it("stores a retried review once and returns the same result", async () => {
    const learner = newLearnerId();
    const input = { reviewId: rid(), questionId: "sql-fixture-window", rating: 3 as const };
    const first = await submitReview(db, learner, input, t0);
    const again = await submitReview(db, learner, input, new Date(t0.getTime() + 5000));
    assert.equal(first.duplicate, false);
    assert.equal(again.duplicate, true);
    assert.deepEqual(again.card, first.card);
    assert.equal(await db.reviewLog.count({ where: { learnerId: learner } }), 1);
    const card = await db.card.findUniqueOrThrow({ where: { learnerId_questionId: { learnerId: learner, questionId: "sql-fixture-window" } } });
    assert.equal(card.reps, 1);
  });

  it("stores concurrent copies of one review once", async () => {
    const learner = newLearnerId();
    const input = { reviewId: rid(), questionId: "sql-fixture-rank", rating: 4 as const };
    const results = await Promise.all(Array.from({ length: 5 }, () => submitReview(db, learner, input, t0)));
    assert.equal(results.filter((r) => !r.duplicate).length, 1);
    assert.equal(await db.reviewLog.count({ where: { learnerId: learner } }), 1);
    assert.equal((await db.card.findFirstOrThrow({ where: { learnerId: learner } })).reps, 1);
  });

  it("keeps review ids per learner, and refuses a reused id for another question and unknown questions", async () => {
    const input = { reviewId: rid(), questionId: "sql-fixture-rank", rating: 3 as const };
    const [a, b] = [newLearnerId(), newLearnerId()];
    assert.equal((await submitReview(db, a, input, t0)).duplicate, false);
    assert.equal((await submitReview(db, b, input, t0)).duplicate, false, "another learner's id space is separate");
    assert.equal(await db.reviewLog.count({ where: { id: input.reviewId } }), 2);
    await assert.rejects(submitReview(db, a, { ...input, questionId: "sql-fixture-window" }, t0), (e: unknown) => e instanceof QuizError && e.status === 409);
    await assert.rejects(submitReview(db, a, { ...input, reviewId: rid(), questionId: "nope" }, t0), (e: unknown) => e instanceof QuizError && e.status === 404);
  });

  it("serves due learning cards first, then new cards up to the daily limit", async () => {
    const learner = newLearnerId();
    await saveSettings(db, learner, { desiredRetention: 0.9, newPerDay: 2 });
    const first = await nextCard(db, learner, deck, t0);
    assert.deepEqual(first.counts, { learning: 0, review: 0, new: 2 });
    await submitReview(db, learner, { reviewId: rid(), questionId: first.card!.questionId, rating: 1 }, t0);
    const second = await nextCard(db, learner, deck, t0);
    assert.notEqual(second.card!.questionId, first.card!.questionId, "the Again card waits a minute");
    await submitReview(db, learner, { reviewId: rid(), questionId: second.card!.questionId, rating: 3 }, t0);
    const later = new Date(t0.getTime() + 2 * 60_000);
    const third = await nextCard(db, learner, deck, later);
    assert.equal(third.card!.questionId, first.card!.questionId, "the Again card is due again after its step");
    assert.equal(third.counts.new, 0, "both of today's new cards are used");
  });

  it("shows previews that match what grading gives", async () => {
    const learner = newLearnerId();
    const { card } = await nextCard(db, learner, deck, t0);
    const result = await submitReview(db, learner, { reviewId: rid(), questionId: card!.questionId, rating: 3 }, t0);
    assert.equal(result.card!.due.toISOString(), card!.previews[3].due);
  });
});
