// The review write's raw statements keep the model API's guarantees that submitReview relies on.
import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { providerOf, sqliteConnectionOf, type Db } from "../../lib/db/client";
import { newLearnerId } from "../../lib/learner/identity";
import { readForReview } from "../../lib/quiz/card-reads";
import { Rating } from "../../lib/quiz/enums";
import { submitReview, undoReview } from "../../lib/quiz/review";
import { CardConflict, insertLog, isUniqueViolation, updateCard, writeAnswer, writeAnswerOnConnection, type CardData, type LogRow } from "../../lib/quiz/review-write";
import { quizDb, reviewIds } from "../helpers";

let db: Db;
const t0 = new Date("2026-05-01T10:00:00Z");
const q = "sql-fixture-rank";
const rid = reviewIds();
const key = (learnerId: string) => ({ learnerId_questionId: { learnerId, questionId: q } });

before(async () => {
  db = await quizDb();
});
after(() => db.$disconnect());

describe("review write statements", () => {
  it("read the card exactly as the model API does, and refuse a stale card update without changing it", async () => {
    const me = newLearnerId();
    await submitReview(db, me, { reviewId: rid(), questionId: q, rating: Rating.Good }, t0);
    const model = await db.card.findUniqueOrThrow({ where: key(me) });
    const { row, question, undone } = await readForReview(db, me, q, rid());
    assert.deepEqual(row, model);
    assert.deepEqual(Object.keys(row!), Object.keys(model), "same key order: the row is stored as JSON for undo");
    assert.equal(question?.archivedAt, null);
    assert.equal(undone, false);

    const stale = new Date(model.updatedAt.getTime() - 1000);
    await assert.rejects(updateCard(db, me, q, stale, { reps: 99 }), CardConflict);
    assert.deepEqual(await db.card.findUniqueOrThrow({ where: key(me) }), model, "nothing written");
    await updateCard(db, me, q, model.updatedAt, { reps: 99 });
    const after = await db.card.findUniqueOrThrow({ where: key(me) });
    assert.equal(after.reps, 99);
    assert.ok(after.updatedAt > model.updatedAt, "updatedAt moves, so a review computed from the old row conflicts");
  });

  it("fail on a stored review id, and an undone id reads as undone", async () => {
    const me = newLearnerId();
    const id = rid();
    await submitReview(db, me, { reviewId: id, questionId: q, rating: Rating.Good }, t0);
    const log = await db.reviewLog.findUniqueOrThrow({ where: { learnerId_id: { learnerId: me, id } } });
    const again = insertLog(db, { ...log, durationMs: null });
    await assert.rejects(again, (err: unknown) => isUniqueViolation(err));
    assert.equal((await submitReview(db, me, { reviewId: id, questionId: q, rating: Rating.Again }, t0)).duplicate, true);
    await undoReview(db, me, id);
    assert.equal((await readForReview(db, me, q, id)).undone, true);
    assert.equal((await submitReview(db, me, { reviewId: id, questionId: q, rating: Rating.Good }, t0)).duplicate, true, "an undone answer stays undone");
    assert.equal(await db.card.findUnique({ where: key(me) }), null);
  });
  it("log an answer to a started card with the card before it and the grade, and undo it back to that card", async () => {
    const me = newLearnerId();
    await submitReview(db, me, { reviewId: rid(), questionId: q, rating: Rating.Good }, t0);
    const before = await db.card.findUniqueOrThrow({ where: key(me) });
    const id = rid();
    const at = new Date(t0.getTime() + 600_000);
    await submitReview(db, me, { reviewId: id, questionId: q, rating: Rating.Hard, durationMs: 4321 }, at);
    const log = await db.reviewLog.findUniqueOrThrow({ where: { learnerId_id: { learnerId: me, id } } });
    assert.equal(log.questionId, q);
    assert.equal(log.rating, Rating.Hard);
    assert.equal(log.state, before.state, "the state before the answer");
    assert.equal(log.reviewedAt.getTime(), at.getTime());
    assert.equal(log.durationMs, 4321);
    assert.deepEqual(JSON.parse(log.prevCard!), JSON.parse(JSON.stringify(before)), "the card before, for undo");
    const card = await db.card.findUniqueOrThrow({ where: key(me) });
    assert.equal(card.reps, before.reps + 1);
    assert.equal(card.lastReview?.getTime(), at.getTime());
    await undoReview(db, me, id);
    assert.deepEqual(await db.card.findUniqueOrThrow({ where: key(me) }), before);
  });

  it("write card and log together or not at all, in the common answer's own path (one statement on PostgreSQL, the connection's own transaction on SQLite)", async () => {
    // What submitReview runs for a learner who has a row and nothing to bury.
    const writeAnswerHere = (learnerId: string, questionId: string, seen: Date | null, data: CardData, log: LogRow) =>
      providerOf(db) === "postgresql" ? writeAnswer(db, learnerId, questionId, seen, data, log) : writeAnswerOnConnection(sqliteConnectionOf(db)!, learnerId, questionId, seen, data, log);
    const me = newLearnerId();
    await submitReview(db, me, { reviewId: rid(), questionId: q, rating: Rating.Good }, t0);
    const model = await db.card.findUniqueOrThrow({ where: key(me) });
    const first = await db.reviewLog.findFirstOrThrow({ where: { learnerId: me } });
    const log = { ...first, id: rid(), durationMs: null };
    const stale = new Date(model.updatedAt.getTime() - 1000);
    await assert.rejects(writeAnswerHere(me, q, stale, { reps: 99 }, log), CardConflict);
    assert.deepEqual(await db.card.findUniqueOrThrow({ where: key(me) }), model, "card untouched");
    assert.equal(await db.reviewLog.count({ where: { learnerId: me } }), 1, "no log row");
    // A stored review id fails the insert, and the card update with it.
    await assert.rejects(writeAnswerHere(me, q, model.updatedAt, { reps: 99 }, { ...log, id: first.id }), (err: unknown) => isUniqueViolation(err));
    assert.deepEqual(await db.card.findUniqueOrThrow({ where: key(me) }), model, "card untouched");
    await writeAnswerHere(me, q, model.updatedAt, { reps: 99 }, log);
    const written = await db.card.findUniqueOrThrow({ where: key(me) });
    assert.equal(written.reps, 99);
    assert.equal(await db.reviewLog.count({ where: { learnerId: me } }), 2);
    // Stored as Prisma stores it: the model API reads the log row back whole, and the transactional
    // path's conditional update matches the updatedAt this path wrote.
    assert.deepEqual({ ...(await db.reviewLog.findUniqueOrThrow({ where: { learnerId_id: { learnerId: me, id: log.id } } })), createdAt: null }, { ...log, createdAt: null });
    await db.$transaction((tx) => updateCard(tx, me, q, written.updatedAt, { reps: 100 }));
    assert.equal((await db.card.findUniqueOrThrow({ where: key(me) })).reps, 100);

    // A first answer inserts the card; if the card appeared meanwhile, neither row is written.
    const other = "sql-fixture-window";
    const { learnerId: _l, questionId: _q, createdAt: _c, updatedAt: _u, ...fresh } = model;
    await writeAnswerHere(me, other, null, fresh, { ...log, id: rid(), questionId: other });
    const inserted = await db.card.findUniqueOrThrow({ where: { learnerId_questionId: { learnerId: me, questionId: other } } });
    assert.deepEqual(Object.fromEntries(Object.keys(fresh).map((k) => [k, inserted[k as keyof typeof inserted]])), fresh, "every column (dates, booleans, nulls) reads back as written");
    await assert.rejects(writeAnswerHere(me, other, null, fresh, { ...log, id: rid(), questionId: other }), (err: unknown) => isUniqueViolation(err));
    assert.equal(await db.reviewLog.count({ where: { learnerId: me, questionId: other } }), 1, "the second first answer left no log row");
  });
});
