// The queue reads only the cards it can serve or count (lib/quiz/card-reads.ts queueReads); these
// cases are the rows that read leaves out or has to add back, checked against what the queue shows.
import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import type { Db } from "../../lib/db/client";
import { newLearnerId } from "../../lib/learner/identity";
import { QUEUE_FULL_HEAD, queueReads } from "../../lib/quiz/card-reads";
import { directOf } from "../../lib/db/pg-direct";
import { State } from "../../lib/quiz/enums";
import { nextCard, setFlagged, setSuspended, submitReview } from "../../lib/quiz/service";
import { saveSettings } from "../../lib/quiz/settings";
import { quizDb, reviewIds } from "../helpers";

let db: Db;
const t0 = new Date("2026-05-01T10:00:00Z");
const deck = ["kafka-fixture-consumer-groups", "kafka-fixture-offsets", "sql-fixture-anti-join", "sql-fixture-inner-join", "sql-fixture-rank", "sql-fixture-window"];
const [q1, q2, q3, q4, q5, q6] = deck;
const rid = reviewIds();
const min = (m: number) => new Date(t0.getTime() + m * 60_000);

before(async () => {
  db = await quizDb();
});
after(() => db.$disconnect());

describe("queue reads", () => {
  it("counts a changed card that is not due, never serves a started card as new, and shows a preferred card that is not due", async () => {
    const me = newLearnerId();
    // q1 and q2 graduate to review (Easy), so neither is due for days; q3 is suspended and q4 flagged before being studied (new rows).
    await submitReview(db, me, { reviewId: rid(), questionId: q1, rating: 4 }, t0);
    await submitReview(db, me, { reviewId: rid(), questionId: q2, rating: 4 }, t0);
    await setSuspended(db, me, q3, true, t0);
    await setFlagged(db, me, q4, true, t0);
    const old = await db.question.findUniqueOrThrow({ where: { id: q2 } });
    // As ingest marks an edit (lib/db/sync-questions.ts): a new hash and when it changed.
    await db.question.update({ where: { id: q2 }, data: { contentHash: "edited", changedAt: t0 } });
    try {
      const r = await nextCard(db, me, deck, min(1));
      // q2 changed, so it is due; q1 is not; new: q4 (flagged new row), q5, q6 (no rows), not the suspended q3.
      assert.deepEqual(r.counts, { learning: 0, review: 1, new: 3 });
      assert.equal(r.card?.questionId, q2);
      assert.equal(r.card?.changed, true);

      const preferred = await nextCard(db, me, deck, min(1), { prefer: q1 });
      assert.equal(preferred.card?.questionId, q1);
      assert.equal(preferred.card?.state, State.Review, "the stored card, not a new one");
      assert.equal(preferred.card?.changed, false);
    } finally {
      await db.question.update({ where: { id: q2 }, data: { contentHash: old.contentHash } });
    }
    const unchanged = await nextCard(db, me, deck, min(1));
    assert.deepEqual(unchanged.counts, { learning: 0, review: 0, new: 3 });
    assert.equal(unchanged.card?.questionId, q4, "the first new card in deck order");
  });

  it("serves the earliest due card with its stored memory state, and a due card that also changed as changed", async () => {
    const me = newLearnerId();
    // Three review cards with different intervals (Good, Easy, Easy once more), all due two months on.
    await submitReview(db, me, { reviewId: rid(), questionId: q1, rating: 3 }, t0);
    await submitReview(db, me, { reviewId: rid(), questionId: q1, rating: 3 }, min(15));
    await submitReview(db, me, { reviewId: rid(), questionId: q2, rating: 4 }, t0);
    await submitReview(db, me, { reviewId: rid(), questionId: q3, rating: 4 }, t0);
    const later = new Date(t0.getTime() + 60 * 86_400_000);
    const rows = await db.card.findMany({ where: { learnerId: me, questionId: { in: [q1, q2, q3] } }, orderBy: { due: "asc" } });
    assert.ok(rows.every((c) => c.state === State.Review && c.due <= later));
    const r = await nextCard(db, me, [q1, q2, q3], later);
    assert.deepEqual(r.counts, { learning: 0, review: 3, new: 0 });
    assert.equal(r.card?.questionId, rows[0].questionId, "the earliest due first");
    // The same card served as the preferred one comes from its full row: the previews must agree.
    const full = await nextCard(db, me, [q1, q2, q3], later, { prefer: rows[0].questionId });
    assert.deepEqual(r.card?.previews, full.card?.previews, "previews from the stored memory state, not a new card's");
    assert.equal(r.card?.state, State.Review);

    const old = await db.question.findUniqueOrThrow({ where: { id: rows[2].questionId } });
    await db.question.update({ where: { id: old.id }, data: { contentHash: "edited", changedAt: t0 } });
    try {
      const changed = await nextCard(db, me, [q1, q2, q3], later);
      assert.equal(changed.counts.review, 3, "a due card that changed is counted once");
      assert.equal(changed.card?.questionId, old.id, "changed cards first");
      assert.equal(changed.card?.changed, true);
    } finally {
      await db.question.update({ where: { id: old.id }, data: { contentHash: old.contentHash, changedAt: old.changedAt } });
    }
  });

  it("serves a due card that is not among the earliest few read in full, with its stored memory state", async () => {
    const me = newLearnerId();
    // QUEUE_FULL_HEAD + 1 review cards due a minute apart; only the last is in the deck, so the card the
    // queue serves is none of the ones read in full up front and needs its own read.
    assert.ok(deck.length > QUEUE_FULL_HEAD, "the fixture deck must outnumber the cards read in full");
    const ids = deck.slice(0, QUEUE_FULL_HEAD + 1);
    for (const [i, id] of ids.entries()) await submitReview(db, me, { reviewId: rid(), questionId: id, rating: 4 }, min(i));
    const last = ids.at(-1)!;
    const later = new Date(t0.getTime() + 60 * 86_400_000);
    const r = await nextCard(db, me, [last], later);
    assert.deepEqual(r.counts, { learning: 0, review: 1, new: 0 });
    assert.equal(r.card?.questionId, last);
    assert.equal(r.card?.state, State.Review, "the stored card, not a new one");
    const preferred = await nextCard(db, me, [last], later, { prefer: last });
    assert.deepEqual(r.card?.previews, preferred.card?.previews, "previews from the stored memory state");
  });

  it("serves a learning card due within the learn-ahead window once nothing else is left, and no new card once the allowance is used", async () => {
    const me = newLearnerId();
    await saveSettings(db, me, { newPerDay: 1 });
    await submitReview(db, me, { reviewId: rid(), questionId: q5, rating: 3 }, t0);
    // q5 is in learning, due in a few minutes; the one new card of the day is used.
    const r = await nextCard(db, me, deck, min(1));
    assert.deepEqual(r.counts, { learning: 0, review: 0, new: 0 });
    assert.equal(r.card?.questionId, q5, "learn ahead");
    assert.equal(r.card?.state, State.Learning);
    await saveSettings(db, me, { newPerDay: 3 });
    const more = await nextCard(db, me, deck, min(1));
    assert.deepEqual(more.counts, { learning: 0, review: 0, new: 2 });
    assert.notEqual(more.card?.questionId, q5, "a new card before learning ahead");
    assert.notEqual(more.card?.questionId, undefined);
    assert.ok([q1, q2, q3, q4, q6].includes(more.card!.questionId));
  });

  it("reads each due card's state, due date, flags and burial exactly as stored", async () => {
    // Most due cards come slim, read from Card_queue_idx alone (card-reads.ts queueReads): every field the
    // queue filters and orders by must be the stored one, to the millisecond, on both databases and
    // through both of PostgreSQL's paths (the adapter's and the pool's, lib/db/pg-direct.ts).
    const me = newLearnerId();
    for (const [i, id] of deck.entries()) await submitReview(db, me, { reviewId: rid(), questionId: id, rating: i % 2 ? 1 : 3 }, min(i));
    await db.card.updateMany({ where: { learnerId: me, questionId: q1 }, data: { suspended: true, due: new Date(t0.getTime() + 123) } });
    await db.card.updateMany({ where: { learnerId: me, questionId: q2 }, data: { flagged: true, buriedUntil: new Date(t0.getTime() + 86_400_000 + 7) } });
    await db.card.updateMany({ where: { learnerId: me, questionId: q3 }, data: { suspended: true, flagged: true, state: State.Relearning } });
    await db.card.updateMany({ where: { learnerId: me, questionId: q4 }, data: { state: State.Review, due: new Date(t0.getTime() + 999) } });
    const at = { now: min(30), until: min(50), dayStart: t0 };
    const stored = (await db.card.findMany({ where: { learnerId: me, due: { lte: at.until } } })).sort(
      (a, b) => a.due.getTime() - b.due.getTime() || (a.questionId < b.questionId ? -1 : 1),
    );
    assert.ok(stored.length >= 5, "most of the deck is due by then");
    for (const reader of [db, directOf(db)]) {
      const { cards, started } = await queueReads(reader, me, at, { slim: true, withStarted: true });
      const slim = cards.filter((c) => "slim" in c);
      assert.ok(slim.length > 0, "some due cards come slim");
      for (const c of slim) {
        const row = stored.find((r) => r.questionId === c.questionId);
        assert.ok(row, `${c.questionId} is due and stored`);
        assert.deepEqual(
          { due: c.due.toISOString(), state: c.state, suspended: c.suspended, flagged: c.flagged, buriedUntil: c.buriedUntil?.toISOString() ?? null },
          { due: row.due.toISOString(), state: row.state, suspended: row.suspended, flagged: row.flagged, buriedUntil: row.buriedUntil?.toISOString() ?? null },
          c.questionId,
        );
      }
      assert.deepEqual(cards.map((c) => c.questionId), stored.map((r) => r.questionId), "every due card once, in due order");
      assert.deepEqual([...started!].sort(), stored.map((r) => r.questionId).sort(), "and each counted as started");
    }
  });

  it("treats untouched new rows like questions with no row, and still honours the touched ones", async () => {
    // Rows made up front (an import, a program that creates every card): the queue does not read the
    // untouched ones, so it must show exactly what a learner without rows sees.
    const withRows = newLearnerId();
    const without = newLearnerId();
    await db.learner.createMany({ data: [{ id: withRows }, { id: without }] });
    await db.card.createMany({ data: deck.map((questionId) => ({ learnerId: withRows, questionId, due: min(-60), state: State.New, stability: 0, difficulty: 0, elapsedDays: 0, scheduledDays: 0, learningSteps: 0, reps: 0, lapses: 0 })) });
    const a = await nextCard(db, withRows, deck, min(1));
    const b = await nextCard(db, without, deck, min(1));
    assert.deepEqual(a.counts, b.counts);
    assert.deepEqual(a.counts.new, deck.length);
    assert.equal(a.card?.questionId, b.card?.questionId);
    assert.equal(a.card?.state, State.New);

    await setSuspended(db, withRows, q1, true, t0);
    await setFlagged(db, withRows, q2, true, t0);
    const touched = await nextCard(db, withRows, deck, min(1));
    assert.equal(touched.counts.new, deck.length - 1, "the suspended new row is not offered");
    assert.equal(touched.card?.questionId, q2, "the flagged new row comes first in deck order");
    assert.equal(touched.card?.flagged, true, "and shows its flag");
  });
});
