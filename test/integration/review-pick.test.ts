// On PostgreSQL a load-balanced answer's day is picked inside the write statement (lib/quiz/review-write.ts
// pickSql), not by pickDay over counts read first. The two must agree: for random learners (zone,
// rollover hour, Easy Days, interview date, cards spread over the fuzz range), the day the statement
// stores is the day pickDay picks from dayLoads' counts. On SQLite the same assertions check the
// read-then-pick path.
import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import pg from "pg";
import type { Db } from "../../lib/db/client";
import { directOf, directStatements } from "../../lib/db/pg-direct";
import { newLearnerId } from "../../lib/learner/identity";
import { cardToRow, recordToLogRow, rowToCard } from "../../lib/quiz/card-mapper";
import { State } from "../../lib/quiz/enums";
import { balancedReview, balancePlan, isBalancePlan } from "../../lib/quiz/load-balance";
import { submitReview } from "../../lib/quiz/review";
import { writeAnswer } from "../../lib/quiz/review-write";
import type { CardState, Rating } from "../../lib/quiz/scheduler";
import { clampToInterview, getSettings, saveInterview, saveSettings, schedulerSettings } from "../../lib/quiz/settings";
import { migratedDb, reviewIds, testProvider } from "../helpers";

let db: Db;
const rid = reviewIds();
const DAY = 86_400_000;
const t0 = new Date("2026-03-27T09:30:00Z"); // the weekend Europe switches to summer time
const ZONES = ["UTC", "Europe/Berlin", "America/Los_Angeles", "Asia/Kolkata", "Australia/Lord_Howe"];
const background = Array.from({ length: 120 }, (_, i) => `pick-bg-${String(i).padStart(2, "0")}`);
const target = "pick-target";

// A small deterministic generator, so a failure names a trial that reproduces.
function rng(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

before(async () => {
  db = migratedDb().db;
  await db.question.createMany({ data: [...background, target].map((id) => ({ id, topic: "sql", difficulty: "easy", chapter: "sql", contentHash: "h" })) });
});
after(() => db.$disconnect());

const reviewCard = (s: number, now: Date): CardState => ({
  due: now,
  stability: s,
  difficulty: 5,
  elapsedDays: s,
  scheduledDays: s,
  learningSteps: 0,
  reps: 4,
  lapses: 0,
  state: State.Review,
  lastReview: new Date(now.getTime() - s * DAY),
});

describe("load balancing's pick inside the write statement", () => {
  it("stores the day pickDay picks from the counts, for random learners", async () => {
    let balanced = 0;
    // The write statements' texts, to check that ranges of any width share one prepared statement.
    const texts = new Set<string>();
    const widths = new Set<number>();
    const query = pg.Pool.prototype.query;
    pg.Pool.prototype.query = function (this: pg.Pool, ...args: unknown[]) {
      const text = (args[0] as { text?: string } | string | undefined) ?? "";
      const sql = typeof text === "string" ? text : (text.text ?? "");
      if (sql.includes('"pick" AS')) texts.add(sql);
      return (query as (...a: unknown[]) => unknown).apply(this, args);
    } as typeof query;
    after(() => {
      pg.Pool.prototype.query = query;
    });
    for (let trial = 0; trial < 40; trial++) {
      const rand = rng(trial + 1);
      const pick = <T>(xs: readonly T[]) => xs[Math.floor(rand() * xs.length)];
      const me = newLearnerId();
      const tz = pick(ZONES);
      const now = new Date(t0.getTime() + Math.floor(rand() * 48) * 3_600_000);
      // All-"none" weeks (plain counts decide) and all-normal ones come up, besides mixed ones.
      const easyDays = trial % 7 === 0 ? "xxxxxxx" : trial % 7 === 1 ? "nnnnnnn" : Array.from({ length: 7 }, () => pick(["n", "n", "r", "x"])).join("");
      await saveSettings(db, me, { loadBalance: true, easyDays, rolloverHour: Math.floor(rand() * 24) });
      if (trial % 5 === 4) await saveInterview(db, me, { interviewDate: new Date(now.getTime() + (8 + Math.floor(rand() * 6)) * DAY).toISOString().slice(0, 10), interviewCompany: null, interviewTopics: [] });
      const stability = 4 + Math.floor(rand() * 20);
      await db.card.createMany({
        data: [
          { learnerId: me, questionId: target, ...cardToRow(reviewCard(stability, now)) },
          // Other cards on the days around the interval: few enough that ties are common, so the
          // tie-breaks (closest to the interval, then the shorter) are exercised as well as the counts.
          ...background.map((questionId) => {
            const state = pick([State.New, State.Learning, State.Review, State.Review, State.Review, State.Relearning]);
            const due = new Date(now.getTime() + Math.floor(rand() * (stability * 3 + 4) * 24) * 3_600_000);
            return { learnerId: me, questionId, ...cardToRow({ ...reviewCard(30, now), state, due }), suspended: rand() < 0.1 };
          }),
        ],
      });
      const rating = pick([2, 3, 4] as const) as Rating;
      const settings = await getSettings(db, me, tz);
      const row = await db.card.findUniqueOrThrow({ where: { learnerId_questionId: { learnerId: me, questionId: target } } });
      const expected = await balancedReview(db, rowToCard(row), rating, now, schedulerSettings(settings, now, true), { learnerId: me, questionId: target, tz, ...settings });
      const expectedDue = clampToInterview(expected.card.due, settings, now, true);

      const statements = directStatements();
      const result = await submitReview(db, me, { reviewId: rid(), questionId: target, rating }, now, { tz });
      const stored = await db.card.findUniqueOrThrow({ where: { learnerId_questionId: { learnerId: me, questionId: target } } });
      const where = `trial ${trial} (${tz}, ${easyDays}, rating ${rating})`;
      assert.equal(stored.scheduledDays, expected.card.scheduledDays, `${where}: stored interval`);
      assert.equal(stored.due.toISOString(), expectedDue.toISOString(), `${where}: stored due date`);
      assert.equal(result.card?.due.toISOString(), expectedDue.toISOString(), `${where}: the answer reports the stored day`);
      assert.equal(result.card?.scheduledDays, stored.scheduledDays, `${where}: and its interval`);
      // On PostgreSQL the counts are no round trip of their own: the card's read, then the write.
      if (testProvider === "postgresql") assert.equal(directStatements() - statements, 2, `${where}: statements on the pool`);
      if (expected.card.scheduledDays >= 3) balanced++;
      const plan = balancePlan(rowToCard(row), rating, now, schedulerSettings(settings, now, true), { learnerId: me, questionId: target, tz, ...settings });
      if (isBalancePlan(plan)) widths.add(plan.days.candidates.length);
    }
    // The trials must reach the balanced path, or they prove nothing.
    assert.ok(balanced >= 30, `${balanced} of 40 answers were load-balanced`);
    if (testProvider === "postgresql") {
      assert.ok(widths.size >= 3, `ranges of ${[...widths].join(", ")} days`);
      assert.equal(texts.size, 1, "one statement text for every range width");
    }
  });

  // The interview cap on the interval keeps a balanced day before the interview, so the clamp above
  // never bites; the statement's own clamp is checked here with a latest date before every candidate.
  it("clamps the picked day to the interview's latest date", { skip: testProvider !== "postgresql" && "PostgreSQL only" }, async () => {
    const me = newLearnerId();
    const now = t0;
    await saveSettings(db, me, { loadBalance: true });
    await db.card.create({ data: { learnerId: me, questionId: target, ...cardToRow(reviewCard(10, now)) } });
    const settings = await getSettings(db, me, "UTC");
    const row = await db.card.findUniqueOrThrow({ where: { learnerId_questionId: { learnerId: me, questionId: target } } });
    const plan = balancePlan(rowToCard(row), 3, now, schedulerSettings(settings, now, true), { learnerId: me, questionId: target, tz: "UTC", ...settings });
    assert.ok(isBalancePlan(plan), "a Good on a 10-day card is load-balanced");
    const latest = new Date(now.getTime() + 2 * DAY);
    const log = { id: rid(), learnerId: me, questionId: target, prevCard: null, buriedSiblings: null, ...recordToLogRow(plan.log) };
    const days = await writeAnswer(directOf(db), me, target, row.updatedAt, cardToRow(plan.card), log, { plan, latest });
    const stored = await db.card.findUniqueOrThrow({ where: { learnerId_questionId: { learnerId: me, questionId: target } } });
    assert.ok(days !== null && days >= plan.days.candidates[0].days && days <= plan.days.candidates.at(-1)!.days, `picked ${days} of the candidates`);
    assert.equal(stored.scheduledDays, days);
    assert.equal(stored.due.toISOString(), latest.toISOString());
    assert.equal(await db.reviewLog.count({ where: { learnerId: me } }), 1);
  });
});
