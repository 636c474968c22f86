import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { ingest } from "../../lib/content/ingest";
import type { Db } from "../../lib/db/client";
import { newLearnerId } from "../../lib/learner/identity";
import { advanceInput, postponeInput } from "../../lib/quiz/backlog";
import { State } from "../../lib/quiz/enums";
import { quizSession } from "../../lib/quiz/session";
import { saveInterview } from "../../lib/quiz/settings";
import { copyFixtureContent, migratedDb, tempDir } from "../helpers";

let db: Db;
const t0 = new Date("2026-05-01T10:00:00Z");
const DAY = 86_400_000;
const day = (d: number) => new Date(t0.getTime() + d * DAY);
const generated = tempDir("generated");
// The facade's dashboard reads the content bundle; point it at this test's ingest output.
process.env.GENERATED_DIR = generated;

// Stability decides recall after the same 10 days: the order here is deliberately not the id order.
const STABILITY: Record<string, number> = {
  "sql-fixture-window": 1,
  "kafka-fixture-offsets": 2,
  "sql-fixture-anti-join": 4,
  "sql-fixture-rank": 8,
  "kafka-fixture-consumer-groups": 16,
  "sql-fixture-inner-join": 32,
};
const WEAKEST_FIRST = Object.keys(STABILITY);

before(async () => {
  db = migratedDb().db;
  await ingest(db, [copyFixtureContent()], generated);
});
after(() => db.$disconnect());

/** A learner whose six review cards were all last seen 10 days ago and fall due at `due(questionId)`. */
async function learnerWith(due: (questionId: string) => Date): Promise<string> {
  const id = newLearnerId();
  await db.learner.create({ data: { id } });
  for (const [questionId, stability] of Object.entries(STABILITY)) {
    await db.card.create({
      data: { learnerId: id, questionId, due: due(questionId), stability, difficulty: 5, elapsedDays: 0, scheduledDays: 9, learningSteps: 0, reps: 3, lapses: 0, state: State.Review, lastReview: day(-10) },
    });
  }
  return id;
}

const cardsOf = (learnerId: string) => db.card.findMany({ where: { learnerId }, orderBy: { questionId: "asc" } });
const dueOf = async (learnerId: string) => new Map((await cardsOf(learnerId)).map((c) => [c.questionId, c.due]));

describe("postpone", () => {
  it("spreads the overdue backlog over today and the next N days, weakest first, touching only due dates of this learner", async () => {
    const me = await learnerWith(() => day(-1));
    const other = await learnerWith(() => day(-1));
    const otherBefore = await cardsOf(other);
    const mineBefore = await cardsOf(me);
    const quiz = quizSession(db, me, { now: t0, tz: "UTC" });
    const workloadBefore = (await quiz.dashboard()).workload.series.find((s) => s.current)!;

    assert.deepEqual(await quiz.postpone(2), { moved: 4, skipped: 0 });

    const due = await dueOf(me);
    // Three equal shares of six cards: the two weakest stay due today, then two a day.
    assert.deepEqual(
      WEAKEST_FIRST.map((q) => due.get(q)!.toISOString()),
      [day(-1), day(-1), new Date("2026-05-02T00:00:00Z"), new Date("2026-05-02T00:00:01Z"), new Date("2026-05-03T00:00:02Z"), new Date("2026-05-03T00:00:03Z")].map((d) => d.toISOString()),
    );
    // Only `due` (and the row's updatedAt) changed: the memory state is not a review's to change.
    const strip = ({ due: _d, updatedAt: _u, ...rest }: (typeof mineBefore)[number]) => rest;
    assert.deepEqual((await cardsOf(me)).map(strip), mineBefore.map(strip));
    assert.deepEqual(await cardsOf(other), otherBefore, "another learner's cards are untouched");
    assert.equal(await db.reviewLog.count(), 0, "postponing is not a review");

    const workloadAfter = (await quizSession(db, me, { now: t0, tz: "UTC" }).dashboard()).workload.series.find((s) => s.current)!;
    assert.ok(workloadAfter.perDay[0] < workloadBefore.perDay[0], `${workloadAfter.perDay[0]} < ${workloadBefore.perDay[0]}`);
  });

  it("has nothing to move when nothing is overdue, and validates its input", async () => {
    const me = await learnerWith(() => day(3));
    assert.deepEqual(await quizSession(db, me, { now: t0, tz: "UTC" }).postpone(5), { moved: 0, skipped: 0 });
    assert.equal(postponeInput.safeParse({ days: "0" }).success, false);
    assert.equal(postponeInput.safeParse({ days: "31" }).success, false);
    assert.equal(postponeInput.safeParse({ days: "2.5" }).success, false);
    assert.deepEqual(postponeInput.parse({ days: "30" }), { days: 30 });
    assert.equal(advanceInput.safeParse({ count: "101" }).success, false);
  });
});

describe("advance", () => {
  it("makes the weakest cards not yet due due now, in that order, and nothing else", async () => {
    const me = await learnerWith(() => day(5));
    const other = await learnerWith(() => day(5));
    const otherBefore = await cardsOf(other);
    assert.deepEqual(await quizSession(db, me, { now: t0, tz: "UTC" }).advance(2), { moved: 2, skipped: 0 });
    const due = await dueOf(me);
    const [first, second, ...rest] = WEAKEST_FIRST;
    assert.ok(due.get(first)! < due.get(second)! && due.get(second)! <= t0, "the weakest is first, both due now");
    for (const q of rest) assert.equal(due.get(q)!.getTime(), day(5).getTime());
    assert.deepEqual(await cardsOf(other), otherBefore);
    assert.equal(await db.reviewLog.count(), 0);
  });

  it("before an interview, takes cards due after it first", async () => {
    // Only the two strongest cards fall due after the interview on May 4th.
    const late = new Set(["kafka-fixture-consumer-groups", "sql-fixture-inner-join"]);
    const me = await learnerWith((q) => (late.has(q) ? day(10) : day(2)));
    await saveInterview(db, me, { interviewDate: "2026-05-04", interviewCompany: null, interviewTopics: [] }, "UTC");
    assert.deepEqual(await quizSession(db, me, { now: t0, tz: "UTC" }).advance(3), { moved: 3, skipped: 0 });
    const due = await dueOf(me);
    const nowDue = [...due].filter(([, d]) => d <= t0).map(([q]) => q);
    assert.deepEqual(nowDue.sort(), ["kafka-fixture-consumer-groups", "sql-fixture-inner-join", "sql-fixture-window"]);
  });
});
