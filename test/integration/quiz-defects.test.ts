// Regressions from issue 9: each test failed before its fix.
import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import type { Db } from "../../lib/db/client";
import { syncQuestions } from "../../lib/db/sync-questions";
import { withBodyLimit } from "../../lib/body-limit";
import { newLearnerId } from "../../lib/learner/identity";
import { exportProgress, ImportError, importProgress } from "../../lib/quiz/portable";
import { nextCard, projectedRecall, QuizError, submitReview, undoReview } from "../../lib/quiz/service";
import { getSettings, interviewInput, saveInterview } from "../../lib/quiz/settings";
import { quizDb, reviewIds } from "../helpers";

let db: Db;
const rid = reviewIds();
const t0 = new Date("2026-06-01T08:00:00Z");
const deck = ["kafka-fixture-consumer-groups", "kafka-fixture-offsets", "sql-fixture-anti-join", "sql-fixture-inner-join", "sql-fixture-rank", "sql-fixture-window"];
const bulk = Array.from({ length: 1200 }, (_, i) => `bulk-question-${String(i).padStart(4, "0")}`);

before(async () => {
  db = await quizDb();
});
after(() => db.$disconnect());

async function exported(learner: string) {
  return JSON.parse(JSON.stringify(await exportProgress(db, learner, t0)));
}

describe("queries do not grow with the content", () => {
  it("projects recall over a scope of more than a thousand questions", async () => {
    const me = newLearnerId();
    await submitReview(db, me, { reviewId: rid(), questionId: "sql-fixture-rank", rating: 3 }, t0);
    const p = await projectedRecall(db, me, [...bulk, "sql-fixture-rank"], new Date(t0.getTime() + 86_400_000));
    assert.equal(p.total, 1201);
    assert.equal(p.seen, 1);
    assert.ok(p.recall > 0 && p.recall < 1 / 1201 + 1e-9);
  });

  it("archives more than a thousand questions at once", async () => {
    const rows = bulk.map((id) => ({ id, topic: "sql", difficulty: "mid", chapter: "fixture-sql#joins", hash: "h" }));
    const keep = (await db.question.findMany({ where: { archivedAt: null } })).map((q) => ({ id: q.id, topic: q.topic, difficulty: q.difficulty, chapter: q.chapter, hash: q.contentHash }));
    await syncQuestions(db, [...keep, ...rows], t0);
    const report = await syncQuestions(db, keep, t0);
    assert.equal(report.archived, 1200);
    assert.equal(await db.question.count({ where: { id: { startsWith: "bulk-question-" }, archivedAt: null } }), 0);
  });
});

describe("a last review in the future", () => {
  it("serves and grades the card instead of failing (clock skew)", async () => {
    const me = newLearnerId();
    await submitReview(db, me, { reviewId: rid(), questionId: "sql-fixture-window", rating: 3 }, t0);
    const future = new Date(t0.getTime() + 3 * 86_400_000);
    await db.card.update({ where: { learnerId_questionId: { learnerId: me, questionId: "sql-fixture-window" } }, data: { lastReview: future, due: t0, state: 2 } });
    const { card } = await nextCard(db, me, ["sql-fixture-window"], t0);
    assert.equal(card?.questionId, "sql-fixture-window");
    const r = await submitReview(db, me, { reviewId: rid(), questionId: "sql-fixture-window", rating: 3 }, t0);
    assert.ok(r.card!.due > t0);
  });

  it("is refused at import with a message that says so, and nothing changes", async () => {
    const src = newLearnerId();
    await submitReview(db, src, { reviewId: rid(), questionId: "sql-fixture-rank", rating: 3 }, t0);
    const file = await exported(src);
    file.cards[0].lastReview = new Date(Date.now() + 7 * 86_400_000).toISOString();
    const me = newLearnerId();
    await assert.rejects(importProgress(db, me, file), (e: unknown) => e instanceof ImportError && e.status === 400 && /future/.test(e.message));
    assert.equal(await db.card.count({ where: { learnerId: me } }), 0);
  });
});

describe("progress import", () => {
  it("imports thousands of reviews in chunks, letting other work run meanwhile", async () => {
    const src = newLearnerId();
    await submitReview(db, src, { reviewId: rid(), questionId: "sql-fixture-rank", rating: 3 }, t0);
    const file = await exported(src);
    const template = file.reviews[0];
    file.reviews = Array.from({ length: 3000 }, (_, i) => ({ ...template, id: `00000000-0000-4000-9000-${String(i).padStart(12, "0")}`, reviewedAt: new Date(t0.getTime() - i * 60_000).toISOString() }));
    let ticks = 0;
    const timer = setInterval(() => ticks++, 0);
    const me = newLearnerId();
    const report = await importProgress(db, me, file);
    clearInterval(timer);
    assert.equal(report.reviewsAdded, 3000);
    assert.ok(ticks > 0, "timers ran during the import");
  });

  it("refuses an oversized body with 413 before reading it all", async () => {
    let called = false;
    const handler = withBodyLimit(1024, async () => ((called = true), new Response("ok")));
    const big = new Request("http://x/api/progress/import", { method: "POST", body: "x".repeat(5000), headers: { "content-type": "application/json" } });
    assert.equal((await handler(big)).status, 413);
    const chunked = new Request("http://x/", {
      method: "POST",
      body: new ReadableStream({ start: (c) => (c.enqueue(new TextEncoder().encode("y".repeat(3000))), c.close()) }),
      duplex: "half",
    } as RequestInit);
    assert.equal((await handler(chunked)).status, 413);
    assert.equal(called, false);
    const small = await handler(new Request("http://x/", { method: "POST", body: "{}" }));
    assert.equal(await small.text(), "ok");
  });

  it("accepts a practice id that repeats in the file, once", async () => {
    const src = newLearnerId();
    await submitReview(db, src, { reviewId: rid(), questionId: "sql-fixture-rank", rating: 3, practice: true }, t0);
    const file = await exported(src);
    file.practice.push({ ...file.practice[0] }, { ...file.practice[0], id: file.practice[0].id.toUpperCase() });
    const report = await importProgress(db, newLearnerId(), file);
    assert.equal(report.practiceAdded, 1);
  });

  it("refuses a review whose earlier card is not a card, naming the field", async () => {
    const src = newLearnerId();
    await submitReview(db, src, { reviewId: rid(), questionId: "sql-fixture-rank", rating: 3 }, t0);
    await submitReview(db, src, { reviewId: rid(), questionId: "sql-fixture-rank", rating: 3 }, new Date(t0.getTime() + 600_000));
    for (const bad of ["{not json", "null", '{"due":"soon"}']) {
      const file = await exported(src);
      file.reviews[1].prevCard = bad;
      await assert.rejects(importProgress(db, newLearnerId(), file), (e: unknown) => e instanceof ImportError && /prevCard/.test(e.message), bad);
    }
  });

  it("merges: stored reviews stay, the newer card wins, unknown questions are skipped and listed", async () => {
    const src = newLearnerId();
    await submitReview(db, src, { reviewId: rid(), questionId: "sql-fixture-rank", rating: 3 }, t0);
    const old = await exported(src);
    await submitReview(db, src, { reviewId: rid(), questionId: "sql-fixture-rank", rating: 3 }, new Date(t0.getTime() + 3_600_000));
    const newer = await db.card.findFirstOrThrow({ where: { learnerId: src } });
    old.cards.push({ ...old.cards[0], questionId: "gone-question" });
    const report = await importProgress(db, src, old);
    assert.equal(report.reviewsAlreadyPresent, 1);
    assert.equal(report.reviewsAdded, 0);
    assert.equal(report.cardsKeptNewer, 1);
    assert.deepEqual(report.skippedUnknownQuestions, ["gone-question"]);
    assert.deepEqual(await db.card.findFirstOrThrow({ where: { learnerId: src } }), newer);
  });
});

describe("undo and ids", () => {
  it("answers 409, not 500, when the stored earlier card is unusable", async () => {
    const me = newLearnerId();
    await submitReview(db, me, { reviewId: rid(), questionId: "sql-fixture-rank", rating: 3 }, t0);
    for (const bad of ["{not json", "null", '{"due":1,"extra":true}']) {
      const id = rid();
      await submitReview(db, me, { reviewId: id, questionId: "sql-fixture-rank", rating: 3 }, new Date(t0.getTime() + 600_000));
      await db.reviewLog.update({ where: { learnerId_id: { learnerId: me, id } }, data: { prevCard: bad } });
      await assert.rejects(undoReview(db, me, id), (e: unknown) => e instanceof QuizError && e.status === 409, bad);
      await db.reviewLog.delete({ where: { learnerId_id: { learnerId: me, id } } });
    }
  });

  it("undoes with an earlier card that has extra fields", async () => {
    const me = newLearnerId();
    await submitReview(db, me, { reviewId: rid(), questionId: "sql-fixture-rank", rating: 3 }, t0);
    const id = rid();
    await submitReview(db, me, { reviewId: id, questionId: "sql-fixture-rank", rating: 3 }, new Date(t0.getTime() + 600_000));
    const log = await db.reviewLog.findUniqueOrThrow({ where: { learnerId_id: { learnerId: me, id } } });
    await db.reviewLog.update({ where: { learnerId_id: { learnerId: me, id } }, data: { prevCard: JSON.stringify({ ...JSON.parse(log.prevCard!), fromAnotherVersion: 1 }) } });
    assert.deepEqual(await undoReview(db, me, id), { questionId: "sql-fixture-rank" });
  });

  it("stores review ids that differ only in case once", async () => {
    const me = newLearnerId();
    const id = "ABCDEF01-2345-4678-9ABC-DEF012345678";
    const a = await submitReview(db, me, { reviewId: id, questionId: "sql-fixture-rank", rating: 3 }, t0);
    const b = await submitReview(db, me, { reviewId: id.toLowerCase(), questionId: "sql-fixture-rank", rating: 3 }, t0);
    assert.equal(a.duplicate, false);
    assert.equal(b.duplicate, true);
    assert.equal(await db.reviewLog.count({ where: { learnerId: me } }), 1);
  });
});

describe("interview date", () => {
  it("keeps the calendar day the learner picked, whatever the server's zone", async () => {
    const saved = process.env.TZ;
    process.env.TZ = "Australia/Sydney";
    try {
      const me = newLearnerId();
      const input = interviewInput.parse({ interviewDate: "2026-12-02", interviewCompany: "", interviewTopics: "" });
      await saveInterview(db, me, input);
      for (let i = 0; i < 3; i++) {
        const s = await getSettings(db, me);
        assert.equal(s.interviewDate, "2026-12-02");
        await saveInterview(db, me, interviewInput.parse({ interviewDate: s.interviewDate, interviewCompany: "", interviewTopics: "" }));
      }
      const withTz = await getSettings(db, me, "Pacific/Auckland");
      assert.equal(withTz.interviewAt!.toISOString(), "2026-12-01T20:00:00.000Z", "09:00 in Auckland (UTC+13 in December)");
    } finally {
      process.env.TZ = saved;
    }
  });
});

void deck;
