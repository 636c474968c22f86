// The progress and stats numbers from known rows: review counts by day and window, retention, the
// forecast and card states. They are computed by a few aggregate statements (lib/quiz/card-reads.ts),
// so this runs on SQLite and, with TEST_DATABASE_URL, on PostgreSQL.
import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import type { Db } from "../../lib/db/client";
import { Rating, State } from "../../lib/quiz/enums";
import { getProgress } from "../../lib/quiz/progress";
import { getStats } from "../../lib/quiz/stats";
import { quizDb, reviewIds } from "../helpers";

let db: Db;
const rid = reviewIds();
const LEARNER = "progress-stats-learner";
const now = new Date("2026-04-10T12:00:00Z");
const daysAgo = (d: number, hour = 10) => new Date(Date.UTC(2026, 3, 10 - d, hour));
const questions = new Map([
  ["sql-fixture-rank", "sql"],
  ["sql-fixture-window", "sql"],
]);

function log(reviewedAt: Date, state: number, rating: number) {
  return {
    id: rid(), learnerId: LEARNER, questionId: "sql-fixture-rank", rating, state, due: reviewedAt, stability: 1, difficulty: 5,
    elapsedDays: 0, lastElapsedDays: 0, scheduledDays: 0, learningSteps: 0, reviewedAt,
  };
}

before(async () => {
  db = await quizDb();
  await db.learner.create({ data: { id: LEARNER, rolloverHour: 4 } });
  await db.reviewLog.createMany({
    data: [
      log(daysAgo(0), State.New, Rating.Good),
      log(daysAgo(0, 11), State.Review, Rating.Again),
      // 02:00 today is before the 04:00 rollover: it counts toward yesterday.
      log(daysAgo(0, 2), State.Review, Rating.Good),
      log(daysAgo(10), State.Review, Rating.Easy),
      log(daysAgo(10, 11), State.Learning, Rating.Good),
      log(daysAgo(40), State.Review, Rating.Good),
      log(daysAgo(200), State.Review, Rating.Again),
    ],
  });
  const card = { learnerId: LEARNER, stability: 10, difficulty: 5, elapsedDays: 3, scheduledDays: 4, learningSteps: 0, reps: 5, lapses: 0, lastReview: daysAgo(3) };
  await db.card.createMany({
    data: [
      { ...card, questionId: "sql-fixture-rank", state: State.Review, due: daysAgo(-1) },
      { ...card, questionId: "sql-fixture-window", state: State.Review, due: daysAgo(-2), suspended: true },
    ],
  });
});
after(() => db.$disconnect());

describe("progress and stats numbers", () => {
  it("counts reviews in total, today (from the rollover hour), new today, and retention over 30 days", async () => {
    const p = await getProgress(db, LEARNER, questions, now, "UTC");
    assert.equal(p.reviewsTotal, 7);
    assert.equal(p.reviewsToday, 2, "10:00 and 11:00 today; 02:00 is before the rollover");
    assert.equal(p.retention30d, 2 / 3, "reviews in state review within 30 days: Again, Good, Easy");
    assert.deepEqual(p.byState, { new: 0, learning: 0, review: 1, relearning: 0, suspended: 1 });
    assert.equal(p.studied, 1);
    assert.equal(p.dueNow, 0);
    assert.equal(p.newAvailableToday, 0, "no question left new");
  });

  it("buckets the heatmap by learner day, retention by week, and the forecast from unsuspended started cards", async () => {
    const s = await getStats(db, LEARNER, questions, now, "UTC");
    const day = (key: string) => s.heatmap.find((d) => d.day === key)?.count;
    assert.equal(day("2026-04-10"), 2);
    assert.equal(day("2026-04-09"), 1, "the review at 02:00 today");
    assert.equal(day("2026-03-31"), 2);
    assert.equal(day("2026-03-01"), 1);
    assert.equal(s.heatmap.reduce((n, d) => n + d.count, 0), 6, "the review 200 days ago is outside the heatmap");
    assert.equal(s.today, 2);
    const week = (start: string) => s.retentionByWeek.find((w) => w.week === start);
    assert.deepEqual(week("2026-04-04"), { week: "2026-04-04", reviews: 2, retention: 0.5 });
    assert.deepEqual(week("2026-03-28"), { week: "2026-03-28", reviews: 1, retention: 1 });
    assert.equal(s.forecast[1].count, 1, "the card due tomorrow; the suspended one is left out");
    assert.equal(s.forecast.reduce((n, d) => n + d.count, 0), 1);
    assert.equal(s.byState.suspended, 1);
    // Practice answers are counted apart from reviews, and only the learner's own.
    assert.equal(s.practiceTotal, 0);
    await db.learner.upsert({ where: { id: "progress-stats-other" }, create: { id: "progress-stats-other" }, update: {} });
    for (const learnerId of [LEARNER, LEARNER, "progress-stats-other"]) {
      await db.practiceReview.create({ data: { learnerId, id: rid(), questionId: "sql-fixture-rank", rating: Rating.Good, reviewedAt: now } });
    }
    assert.equal((await getStats(db, LEARNER, questions, now, "UTC")).practiceTotal, 2);
  });
  it("buckets by the learner's own day in a half-hour zone", async () => {
    // Kolkata is UTC+5:30 and the rollover is 04:00 there (22:30 UTC): the review at 02:00 UTC today is
    // 07:30 today in Kolkata, so today has three reviews where UTC had two.
    const s = await getStats(db, LEARNER, questions, now, "Asia/Kolkata");
    const day = (key: string) => s.heatmap.find((d) => d.day === key)?.count;
    assert.equal(day("2026-04-10"), 3);
    assert.equal(day("2026-04-09"), 0);
    assert.equal(day("2026-03-31"), 2);
    assert.equal(day("2026-03-01"), 1);
    assert.equal(s.today, 3);
    assert.deepEqual(s.retentionByWeek.find((w) => w.week === "2026-04-04"), { week: "2026-04-04", reviews: 2, retention: 0.5 });
  });
});
