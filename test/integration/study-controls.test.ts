import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import type { Db } from "../../lib/db/client";
import { newLearnerId } from "../../lib/learner/identity";
import { buryCard, nextCard, projectedRecall, QuizError, setFlagged, setSuspended, submitReview, undoReview } from "../../lib/quiz/service";
import { getProgress } from "../../lib/quiz/progress";
import { quizSession } from "../../lib/quiz/session";
import { saveInterview, saveSettings } from "../../lib/quiz/settings";
import { quizDb, reviewIds } from "../helpers";

let db: Db;
const t0 = new Date("2026-05-01T10:00:00");
const deck = ["kafka-fixture-consumer-groups", "kafka-fixture-offsets", "sql-fixture-anti-join", "sql-fixture-inner-join", "sql-fixture-rank", "sql-fixture-window"];
const rid = reviewIds();
const min = (m: number, from = t0) => new Date(from.getTime() + m * 60_000);
const day = (d: number, from = t0) => new Date(from.getTime() + d * 86_400_000);
const cardOf = (learnerId: string, questionId: string) => db.card.findUnique({ where: { learnerId_questionId: { learnerId, questionId } } });

before(async () => {
  db = await quizDb();
});
after(() => db.$disconnect());

describe("undo", () => {
  it("restores the exact prior card and log, one answer at a time, and a late retry cannot bring it back", async () => {
    const me = newLearnerId();
    const q = "sql-fixture-window";
    const first = rid();
    await submitReview(db, me, { reviewId: first, questionId: q, rating: 3 }, t0);
    const cardBefore = await cardOf(me, q);
    const logsBefore = await db.reviewLog.findMany({ where: { learnerId: me }, orderBy: { reviewedAt: "asc" } });
    const second = rid();
    await submitReview(db, me, { reviewId: second, questionId: q, rating: 1 }, min(15));
    assert.notDeepEqual(await cardOf(me, q), cardBefore);

    await assert.rejects(undoReview(db, me, first), (e: unknown) => e instanceof QuizError && e.status === 409, "only the latest answer");
    assert.deepEqual(await undoReview(db, me, second), { questionId: q });
    assert.deepEqual(await cardOf(me, q), cardBefore);
    assert.deepEqual(await db.reviewLog.findMany({ where: { learnerId: me }, orderBy: { reviewedAt: "asc" } }), logsBefore);

    const retry = await submitReview(db, me, { reviewId: second, questionId: q, rating: 1 }, min(16));
    assert.equal(retry.duplicate, true);
    assert.deepEqual(await cardOf(me, q), cardBefore, "the undone answer stays undone");

    await undoReview(db, me, first);
    assert.equal(await cardOf(me, q), null, "a card that was new is new again");
    assert.equal(await db.reviewLog.count({ where: { learnerId: me } }), 0);
    await assert.rejects(undoReview(db, me, first), (e: unknown) => e instanceof QuizError && e.status === 404);
  });
});

describe("bury, suspend, flag", () => {
  it("buries a card until tomorrow and suspends one until released", async () => {
    const me = newLearnerId();
    const only = ["sql-fixture-rank", "sql-fixture-window"];
    await buryCard(db, me, "sql-fixture-rank", t0);
    assert.equal((await nextCard(db, me, only, t0)).card!.questionId, "sql-fixture-window");
    await setSuspended(db, me, "sql-fixture-window", true, t0);
    assert.equal((await nextCard(db, me, only, t0)).card, null);
    assert.equal((await nextCard(db, me, only, day(1))).card!.questionId, "sql-fixture-rank", "burial ends at midnight");
    await setSuspended(db, me, "sql-fixture-window", false, t0);
    assert.equal((await nextCard(db, me, ["sql-fixture-window"], t0)).card!.questionId, "sql-fixture-window");
  });

  it("does not count a flagged, buried or suspended new card as studied or due", async () => {
    const me = newLearnerId();
    const topics = new Map(deck.map((id) => [id, id.startsWith("kafka") ? "kafka-messaging" : "sql"]));
    await setFlagged(db, me, "sql-fixture-rank", true, t0);
    await buryCard(db, me, "sql-fixture-window", t0);
    await submitReview(db, me, { reviewId: rid(), questionId: "kafka-fixture-offsets", rating: 1 }, t0);
    await setSuspended(db, me, "kafka-fixture-offsets", true, t0);
    const p = await getProgress(db, me, topics, min(30));
    assert.equal(p.studied, 0);
    assert.equal(p.dueNow, 0, "a suspended card is not due");
    assert.deepEqual(p.byState, { new: 5, learning: 0, review: 0, relearning: 0, suspended: 1 });
    assert.equal(p.byTopic.find((t) => t.topic === "sql")!.studied, 0);
  });

  it("flags without touching the schedule", async () => {
    const me = newLearnerId();
    await submitReview(db, me, { reviewId: rid(), questionId: "kafka-fixture-offsets", rating: 3 }, t0);
    const before = await cardOf(me, "kafka-fixture-offsets");
    await setFlagged(db, me, "kafka-fixture-offsets", true, t0);
    const after = await cardOf(me, "kafka-fixture-offsets");
    assert.equal(after!.flagged, true);
    assert.equal(after!.due.getTime(), before!.due.getTime());
    assert.equal(after!.stability, before!.stability);
  });
});

describe("the learner's day", () => {
  it("counts today's new cards and buries until midnight in the learner's time zone", async () => {
    const me = newLearnerId();
    // Rollover at midnight: the days of a calendar (the default, 4 a.m., is tested below).
    await saveSettings(db, me, { newPerDay: 1, rolloverHour: 0 });
    // 23:00 on 1 May in Tokyo, then 01:00 on 2 May there: a new day for the learner.
    await submitReview(db, me, { reviewId: rid(), questionId: "sql-fixture-rank", rating: 3 }, new Date("2026-05-01T14:00:00Z"));
    const later = new Date("2026-05-01T16:00:00Z");
    assert.equal((await nextCard(db, me, ["sql-fixture-window"], later, { tz: "Asia/Tokyo" })).counts.new, 1);
    assert.equal((await nextCard(db, me, ["sql-fixture-window"], later, { tz: "UTC" })).counts.new, 0);
    const buried = await buryCard(db, me, "sql-fixture-window", later, "America/New_York", 0);
    assert.equal(buried.buriedUntil!.toISOString(), "2026-05-02T04:00:00.000Z");
  });

  it("starts the day at the rollover hour: 1 a.m. is still yesterday, a card buried at 2 a.m. returns at 4 a.m.", async () => {
    const me = newLearnerId();
    await saveSettings(db, me, { newPerDay: 1, rolloverHour: 4 });
    // 23:00 on 1 May in Tokyo, then 01:00 on 2 May there: before 4 a.m., so still the learner's 1 May.
    await submitReview(db, me, { reviewId: rid(), questionId: "sql-fixture-rank", rating: 3 }, new Date("2026-05-01T14:00:00Z"));
    assert.equal((await nextCard(db, me, ["sql-fixture-window"], new Date("2026-05-01T16:00:00Z"), { tz: "Asia/Tokyo" })).counts.new, 0);
    assert.equal((await nextCard(db, me, ["sql-fixture-window"], new Date("2026-05-01T19:00:00Z"), { tz: "Asia/Tokyo" })).counts.new, 1, "04:00 in Tokyo: a new day");

    // Through the facade, which reads the learner's hour: 02:00 on 3 May in New York (06:00Z).
    const at2am = new Date("2026-05-03T06:00:00Z");
    const res = await quizSession(db, me, { now: at2am, tz: "America/New_York" }).control("sql-fixture-window", "bury");
    assert.equal(res.buriedUntil, "2026-05-03T08:00:00.000Z", "04:00 the same calendar day in New York, not the next midnight");
    const only = ["sql-fixture-window"];
    assert.equal((await nextCard(db, me, only, new Date("2026-05-03T07:59:00Z"), { tz: "America/New_York" })).card, null);
    assert.equal((await nextCard(db, me, only, new Date("2026-05-03T08:00:00Z"), { tz: "America/New_York" })).card?.questionId, "sql-fixture-window");
  });
});

describe("practice mode", () => {
  it("serves the weakest cards without moving the schedule or the log", async () => {
    const me = newLearnerId();
    await submitReview(db, me, { reviewId: rid(), questionId: "sql-fixture-rank", rating: 4 }, t0);
    await submitReview(db, me, { reviewId: rid(), questionId: "sql-fixture-window", rating: 2 }, t0);
    const cardsBefore = await db.card.findMany({ where: { learnerId: me }, orderBy: { questionId: "asc" } });
    const later = day(3);
    const first = await nextCard(db, me, deck, later, { practice: true });
    assert.equal(first.card!.questionId, "sql-fixture-window", "lowest recall first");
    const r = await submitReview(db, me, { reviewId: rid(), questionId: first.card!.questionId, rating: 1, practice: true }, later);
    assert.equal(r.duplicate, false);
    const second = await nextCard(db, me, deck, later, { practice: true, exclude: ["sql-fixture-window"] });
    assert.equal(second.card!.questionId, "sql-fixture-rank");
    assert.deepEqual(await db.card.findMany({ where: { learnerId: me }, orderBy: { questionId: "asc" } }), cardsBefore);
    assert.equal(await db.reviewLog.count({ where: { learnerId: me } }), 2);
    assert.equal(await db.practiceReview.count({ where: { learnerId: me } }), 1);
  });
});

describe("settings", () => {
  it("uses the learner's learning steps and maximum interval", async () => {
    const me = newLearnerId();
    await saveSettings(db, me, { learningSteps: "5m 30m", maximumIntervalDays: 3 });
    const { card } = await nextCard(db, me, ["sql-fixture-rank"], t0);
    assert.equal(card!.previews[1].label, "5m");
    let now = t0;
    let id = "sql-fixture-rank";
    for (let i = 0; i < 6; i++) {
      const r = await submitReview(db, me, { reviewId: rid(), questionId: id, rating: 4 }, now);
      assert.ok(r.card!.due.getTime() - now.getTime() <= 3 * 86_400_000 + 60_000, `interval ≤ 3 days (review ${i})`);
      now = r.card!.due;
    }
  });
});

describe("changed content", () => {
  it("brings a card back in the next session when its question changed", async () => {
    const me = newLearnerId();
    const q = "kafka-fixture-consumer-groups";
    await submitReview(db, me, { reviewId: rid(), questionId: q, rating: 4 }, t0);
    assert.equal((await nextCard(db, me, [q], min(1))).card, null, "not due yet");
    const old = await db.question.findUniqueOrThrow({ where: { id: q } });
    await db.question.update({ where: { id: q }, data: { contentHash: "edited-answer", changedAt: t0 } }); // as ingest marks an edit
    const { card } = await nextCard(db, me, [q], min(1));
    assert.equal(card!.questionId, q);
    assert.equal(card!.changed, true);
    await submitReview(db, me, { reviewId: rid(), questionId: q, rating: 3 }, min(2));
    assert.equal((await nextCard(db, me, [q], min(3))).card, null, "seen again, so no longer marked");
    await db.question.update({ where: { id: q }, data: { contentHash: old.contentHash } });
  });
});

describe("interview mode", () => {
  it("schedules no card in scope past the interview date and introduces every card before it", async () => {
    const me = newLearnerId();
    const interview = day(9);
    await saveSettings(db, me, { newPerDay: 1 });
    await saveInterview(db, me, { interviewDate: interview, interviewCompany: null, interviewTopics: [] });
    const scope = new Set(deck);
    const ratings = [3, 4, 2, 3, 1, 4, 3, 3] as const;
    let k = 0;
    for (let d = 0; d < 8; d++) {
      let now = new Date(day(d).getTime());
      for (let guard = 0; guard < 40; guard++) {
        const { card } = await nextCard(db, me, deck, now, { interviewScope: scope });
        if (!card) break;
        for (const r of [1, 2, 3, 4] as const) assert.ok(new Date(card.previews[r].due) <= interview, "previews stay before the date");
        const res = await submitReview(db, me, { reviewId: rid(), questionId: card.questionId, rating: ratings[k++ % ratings.length] }, now, { interviewScope: scope });
        assert.ok(res.card!.due < interview, `${card.questionId} due ${res.card!.due.toISOString()} is before the interview`);
        now = min(11, now);
      }
    }
    const cards = await db.card.findMany({ where: { learnerId: me } });
    assert.equal(cards.length, deck.length, "every card in scope was introduced despite newPerDay 1");
    for (const c of cards) assert.ok(c.due < interview);
    const projection = await projectedRecall(db, me, deck, interview);
    assert.equal(projection.seen, deck.length);
    assert.ok(projection.recall > 0.5 && projection.recall <= 1, `projected recall ${projection.recall}`);
  });
});
