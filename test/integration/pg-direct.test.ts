// The queue's and the review write's statements run on PostgreSQL's pool beside Prisma (lib/db/pg-direct.ts):
// they must read back exactly what `$queryRaw` reads, whatever the server process's zone, and keep
// the write's unique-key failure. On SQLite, and inside a transaction, there is no such path.
import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { Prisma } from "../../lib/generated/prisma/client";
import type { Db } from "../../lib/db/client";
import { directOf } from "../../lib/db/pg-direct";
import { newLearnerId } from "../../lib/learner/identity";
import { cardSummaries, queueReads, readForReview, readLearner, reviewCounts, reviewsPerDay, studyCards } from "../../lib/quiz/card-reads";
import { Rating } from "../../lib/quiz/enums";
import { submitReview } from "../../lib/quiz/review";
import { insertLog, isUniqueViolation } from "../../lib/quiz/review-write";
import { quizDb, reviewIds, testProvider } from "../helpers";

let db: Db;
const t0 = new Date("2026-05-01T10:00:00.123Z");
const q = "sql-fixture-rank";
const rid = reviewIds();

before(async () => {
  db = await quizDb();
});
after(() => db.$disconnect());

describe("statements on the pool beside Prisma", () => {
  it("exist only for a root PostgreSQL client: SQLite and a transaction run through Prisma", async () => {
    if (testProvider === "postgresql") assert.notEqual(directOf(db), db);
    else assert.equal(directOf(db), db);
    await db.$transaction(async (tx) => assert.equal(directOf(tx), tx));
  });

  it("read a card, the settings and the counts as $queryRaw does, in any process zone", { skip: testProvider !== "postgresql" && "PostgreSQL only" }, async () => {
    const me = newLearnerId();
    const id = rid();
    await submitReview(db, me, { reviewId: id, questionId: q, rating: Rating.Good }, t0);
    await db.learner.update({ where: { id: me }, data: { fsrsWeights: [0.1, 0.2] } });
    const zone = process.env.TZ;
    // A zone far from UTC with daylight saving: pg's own timestamp parsing would shift every date by it.
    process.env.TZ = "America/Los_Angeles";
    try {
      assert.equal(new Date(2026, 4, 1).getTimezoneOffset(), 420, "the process zone took effect");
      const viaPrisma = await readForReview(db, me, q, id, true);
      const direct = await readForReview(directOf(db), me, q, id, true);
      assert.ok(direct.row?.due instanceof Date);
      assert.deepEqual(direct, viaPrisma);
      assert.equal(direct.row?.lastReview?.toISOString(), t0.toISOString(), "the instant written is the instant read");
      assert.deepEqual(await readLearner(directOf(db), me), await readLearner(db, me));
      // A minute after the card falls due: a date parameter shifted by the zone would miss it.
      const due = direct.row!.due.getTime();
      const at = { now: new Date(due + 60_000), until: new Date(due + 60_000), dayStart: t0 };
      const opts = { slim: true, withStarted: true };
      const [a, b] = [await queueReads(directOf(db), me, at, opts), await queueReads(db, me, at, opts)];
      assert.equal(a.cards.length, 1, "the card is due a minute after its due date");
      assert.deepEqual(a.cards, b.cards);
      assert.deepEqual([a.started, a.newToday], [b.started, b.newToday]);
      assert.equal(a.newToday, 1);
      // The progress and statistics reads: the cards as summaries and study rows, and the review counts.
      assert.deepEqual(await cardSummaries(directOf(db), me), await cardSummaries(db, me));
      assert.deepEqual(await studyCards(directOf(db), me), await studyCards(db, me));
      const since = new Date(t0.getTime() - 86_400_000);
      assert.deepEqual(await reviewCounts(directOf(db), me, t0, since), await reviewCounts(db, me, t0, since));
      const starts = [since, t0, new Date(t0.getTime() + 86_400_000)];
      const perDay = await reviewsPerDay(directOf(db), me, starts, new Date(t0.getTime() + 2 * 86_400_000));
      assert.deepEqual(perDay, await reviewsPerDay(db, me, starts, new Date(t0.getTime() + 2 * 86_400_000)));
      assert.equal(perDay[1].reviews, 1, "the review falls on the day it was given");
    } finally {
      if (zone === undefined) delete process.env.TZ;
      else process.env.TZ = zone;
    }
  });

  it("fail a stored review id as a unique violation, and a statement error as itself", { skip: testProvider !== "postgresql" && "PostgreSQL only" }, async () => {
    const me = newLearnerId();
    const id = rid();
    await submitReview(db, me, { reviewId: id, questionId: q, rating: Rating.Good }, t0);
    const log = await db.reviewLog.findUniqueOrThrow({ where: { learnerId_id: { learnerId: me, id } } });
    await assert.rejects(insertLog(directOf(db), { ...log, durationMs: null }), (err: unknown) => isUniqueViolation(err));
    await assert.rejects(directOf(db).$queryRaw(Prisma.sql`SELECT "nope" FROM "Card"`), /nope/);
    assert.equal(await db.reviewLog.count({ where: { learnerId: me } }), 1);
  });
});
