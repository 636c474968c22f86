import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import { after, before, describe, it } from "node:test";
import { ingest } from "../../lib/content/ingest";
import type { Db } from "../../lib/db/client";
import { newLearnerId } from "../../lib/learner/identity";
import { nextCard, submitReview, undoReview } from "../../lib/quiz/service";
import { quizSession } from "../../lib/quiz/session";
import { nextQuery } from "../../lib/quiz/dto";
import { Rating, State } from "../../lib/quiz/enums";
import { SETTINGS_DEFAULTS } from "../../lib/quiz/rules";
import { getSettings, saveSettings } from "../../lib/quiz/settings";
import { CardConflict, writeAnswer } from "../../lib/quiz/review-write";
import { directOf, directStatements } from "../../lib/db/pg-direct";
import { startOfNextDay as nextDayAt } from "../../lib/time";
import { copyFixtureContent, migratedDb, reviewIds, tempDir, testProvider } from "../helpers";

// Fixture siblings, listed one-sidedly: rank → window → inner-join is one group keyed by its smallest id.
const RANK = "sql-fixture-rank";
const WINDOW = "sql-fixture-window";
const INNER = "sql-fixture-inner-join";
const ANTI = "sql-fixture-anti-join";
const TZ = "Europe/Berlin";
// The learner's day turns at their rollover hour (4 a.m. by default), not at midnight.
const startOfNextDay = (at: Date, tz: string) => nextDayAt(at, tz, SETTINGS_DEFAULTS.rolloverHour);

let db: Db;
let root: string;
const generated = tempDir("generated");
// The facade reads the content bundle; point it at this test's ingest output.
process.env.GENERATED_DIR = generated;
const rid = reviewIds();
const t0 = new Date("2026-05-01T10:00:00Z");
const min = (m: number, from = t0) => new Date(from.getTime() + m * 60_000);
const day = (d: number, from = t0) => new Date(from.getTime() + d * 86_400_000);
const cardOf = (learnerId: string, questionId: string) => db.card.findUnique({ where: { learnerId_questionId: { learnerId, questionId } } });
const grade = (learnerId: string, questionId: string, rating: Rating, at: Date) =>
  submitReview(db, learnerId, { reviewId: rid(), questionId, rating }, at, { tz: TZ });
const next = (learnerId: string, deck: string[], at: Date) => nextCard(db, learnerId, deck, at, { tz: TZ });

function setSiblings(id: string, siblings: string[]) {
  const file = path.join(root, "questions", "sql", `${id}.md`);
  const text = fs.readFileSync(file, "utf8").replace(/^siblings: .*\n/m, "");
  fs.writeFileSync(file, siblings.length ? text.replace(/^(topic: .*)$/m, `$1\nsiblings: [${siblings.join(", ")}]`) : text);
}

/** A learner whose `ids` are review cards due at t0 (learned a month ago on separate days, graded Easy). */
async function reviewCardsDueAt(ids: string[]): Promise<string> {
  const me = newLearnerId();
  for (const [i, id] of ids.entries()) await grade(me, id, Rating.Easy, day(-40 + i));
  for (const id of ids) await db.card.update({ where: { learnerId_questionId: { learnerId: me, questionId: id } }, data: { due: min(-60) } });
  return me;
}

before(async () => {
  db = migratedDb().db;
  root = copyFixtureContent();
  setSiblings(RANK, [WINDOW]);
  setSiblings(WINDOW, [INNER]);
  await ingest(db, [root], generated);
});
after(() => db.$disconnect());

describe("sibling groups at ingest", () => {
  it("stores one concept key per group, symmetric and transitive, null for singletons", async () => {
    const rows = await db.question.findMany({ select: { id: true, concept: true }, orderBy: { id: "asc" } });
    assert.deepEqual(Object.fromEntries(rows.map((r) => [r.id, r.concept])), {
      "kafka-fixture-consumer-groups": null,
      "kafka-fixture-offsets": null,
      [ANTI]: null,
      [INNER]: INNER,
      [RANK]: INNER,
      [WINDOW]: INNER,
    });
  });

  it("re-keys the group when a link goes away, in the same sync", async () => {
    const out = tempDir("generated-rekey");
    setSiblings(WINDOW, []);
    try {
      const r = await ingest(db, [root], out);
      assert.equal(r.sync.updated, 3, "the group is now {rank, window}, keyed by rank; inner-join leaves it");
      const concept = async (id: string) => (await db.question.findUnique({ where: { id } }))!.concept;
      assert.equal(await concept(RANK), RANK);
      assert.equal(await concept(WINDOW), RANK);
      assert.equal(await concept(INNER), null);
    } finally {
      setSiblings(WINDOW, [INNER]);
      await ingest(db, [root], tempDir("generated-back"));
    }
    assert.equal((await db.question.findUnique({ where: { id: RANK } }))!.concept, INNER);
  });
});

describe("siblings never fall on the same day", () => {
  it("skips a new sibling for the rest of the day once another was reviewed, and serves it the next day", async () => {
    const me = newLearnerId();
    const deck = [RANK, WINDOW, INNER];
    await grade(me, RANK, Rating.Good, t0);
    const later = await next(me, deck, min(1));
    assert.equal(later.counts.new, 0, "both new siblings are held back today");
    assert.notEqual(later.card?.questionId, WINDOW);
    assert.notEqual(later.card?.questionId, INNER);
    // Late in the same learner day (03:30 Berlin, before the 4 a.m. rollover), still held back.
    const lateToday = new Date("2026-05-02T01:30:00Z");
    for (let t = min(2); t < lateToday; t = min(60, t)) {
      const n = await next(me, deck, t);
      assert.ok(!n.card || n.card.questionId === RANK, `at ${t.toISOString()} only ${RANK} may come up, got ${n.card?.questionId}`);
    }
    const tomorrow = await next(me, [WINDOW, INNER], new Date("2026-05-02T02:05:00Z"));
    assert.equal(tomorrow.card?.questionId, WINDOW, "after the learner's rollover hour the sibling is served");
    assert.equal(tomorrow.counts.new, 2);
  });

  it("buries due review siblings until the next day when one is graded", async () => {
    const me = await reviewCardsDueAt([RANK, WINDOW, ANTI]);
    const before = await next(me, [RANK, WINDOW, ANTI], t0);
    assert.equal(before.counts.review, 3, "all three are due before any is graded");
    await grade(me, RANK, Rating.Good, t0);
    assert.equal((await cardOf(me, WINDOW))!.buriedUntil?.toISOString(), startOfNextDay(t0, TZ).toISOString());
    assert.equal((await cardOf(me, ANTI))!.buriedUntil, null, "a question of another concept is untouched");
    const log = await db.reviewLog.findFirst({ where: { learnerId: me, questionId: RANK }, orderBy: { reviewedAt: "desc" } });
    assert.equal(log!.buriedSiblings, JSON.stringify([WINDOW]), "inner-join has no card yet, so only window was buried");
    const after = await next(me, [RANK, WINDOW, ANTI], min(1));
    assert.equal(after.counts.review, 1);
    assert.equal(after.card?.questionId, ANTI);
    const nextDay = await next(me, [WINDOW], startOfNextDay(t0, TZ));
    assert.equal(nextDay.card?.questionId, WINDOW, "served again the next day");
  });

  it("buries the same siblings when the caller knows the settings (their read joins the card's statement)", async () => {
    const me = await reviewCardsDueAt([RANK, WINDOW, INNER, ANTI]);
    // inner-join is due after the next day begins: not this answer's to bury.
    await db.card.update({ where: { learnerId_questionId: { learnerId: me, questionId: INNER } }, data: { due: day(3) } });
    const settings = await getSettings(db, me, TZ);
    await submitReview(db, me, { reviewId: rid(), questionId: RANK, rating: Rating.Good }, t0, { tz: TZ, settings, learnerExists: true });
    assert.equal((await cardOf(me, WINDOW))!.buriedUntil?.toISOString(), startOfNextDay(t0, TZ).toISOString());
    assert.equal((await cardOf(me, INNER))!.buriedUntil, null, "due after the next day begins");
    assert.equal((await cardOf(me, ANTI))!.buriedUntil, null, "a question of another concept is untouched");
    const log = await db.reviewLog.findFirst({ where: { learnerId: me, questionId: RANK }, orderBy: { reviewedAt: "desc" } });
    assert.equal(log!.buriedSiblings, JSON.stringify([WINDOW]));
  });

  it("buries by the learner's own rollover hour when their settings come with the card read", async () => {
    // t0 is 12:00 in Berlin. The read assumes the default 4 a.m. (next day from May 2, 02:00 UTC) and
    // must read again for a learner whose day turns at noon (May 2, 10:00 UTC) or at midnight (May 1,
    // 22:00 UTC): a sibling due in between is buried for one and not for the other.
    const noon = await reviewCardsDueAt([RANK, WINDOW]);
    await saveSettings(db, noon, { rolloverHour: 12 });
    await db.card.update({ where: { learnerId_questionId: { learnerId: noon, questionId: WINDOW } }, data: { due: new Date("2026-05-02T06:00:00Z") } });
    await grade(noon, RANK, Rating.Good, t0);
    assert.equal((await cardOf(noon, WINDOW))!.buriedUntil?.toISOString(), "2026-05-02T10:00:00.000Z", "due before the learner's next day begins at noon");

    const midnight = await reviewCardsDueAt([RANK, WINDOW]);
    await saveSettings(db, midnight, { rolloverHour: 0 });
    await db.card.update({ where: { learnerId_questionId: { learnerId: midnight, questionId: WINDOW } }, data: { due: new Date("2026-05-02T00:00:00Z") } });
    await grade(midnight, RANK, Rating.Good, t0);
    assert.equal((await cardOf(midnight, WINDOW))!.buriedUntil, null, "due after the learner's next day begins at midnight");
  });

  it("writes a burying answer in one statement after the read, and buries nothing when the card changed meanwhile", { skip: testProvider !== "postgresql" && "PostgreSQL only" }, async () => {
    const me = await reviewCardsDueAt([RANK, WINDOW]);
    const statements = directStatements();
    await grade(me, RANK, Rating.Good, t0);
    assert.equal(directStatements() - statements, 2, "the card's read (siblings joined), then the write");
    assert.equal((await cardOf(me, WINDOW))!.buriedUntil?.toISOString(), startOfNextDay(t0, TZ).toISOString());

    const other = await reviewCardsDueAt([RANK, WINDOW]);
    const row = (await cardOf(other, RANK))!;
    const stale = new Date(row.updatedAt.getTime() - 1000);
    const log = { id: rid(), learnerId: other, questionId: RANK, rating: 3, state: 2, due: t0, stability: 1, difficulty: 5, elapsedDays: 1, lastElapsedDays: 1, scheduledDays: 1, learningSteps: 0, reviewedAt: t0, prevCard: null, buriedSiblings: JSON.stringify([WINDOW]) };
    await assert.rejects(writeAnswer(directOf(db), other, RANK, stale, { reps: 99 }, log, undefined, { ids: [WINDOW], until: day(1) }), CardConflict);
    assert.equal((await cardOf(other, WINDOW))!.buriedUntil, null, "the bury waits for the card's write");
    assert.equal(await db.reviewLog.count({ where: { learnerId: other, id: log.id } }), 0);
  });

  it("does not bury a sibling that is due after the next day begins", async () => {
    const me = await reviewCardsDueAt([RANK, WINDOW]);
    await db.card.update({ where: { learnerId_questionId: { learnerId: me, questionId: WINDOW } }, data: { due: day(3) } });
    await grade(me, RANK, Rating.Good, t0);
    assert.equal((await cardOf(me, WINDOW))!.buriedUntil, null);
  });

  it("undo of the grade unburies the siblings it buried and serves them again today", async () => {
    const me = await reviewCardsDueAt([RANK, WINDOW]);
    const windowBefore = await cardOf(me, WINDOW);
    const reviewId = rid();
    await submitReview(db, me, { reviewId, questionId: RANK, rating: Rating.Good }, t0, { tz: TZ });
    assert.ok((await cardOf(me, WINDOW))!.buriedUntil);
    assert.equal((await next(me, [WINDOW], min(1))).card, null);
    await undoReview(db, me, reviewId);
    const windowAfter = await cardOf(me, WINDOW);
    assert.equal(windowAfter!.buriedUntil, null);
    assert.deepEqual({ ...windowAfter, updatedAt: null }, { ...windowBefore, updatedAt: null }, "the sibling is exactly as before");
    assert.equal((await cardOf(me, RANK))!.state, State.Review, "the graded card is restored too");
    const n = await next(me, [RANK, WINDOW], min(2));
    assert.equal(n.counts.review, 2, "both are due again, as if nothing was answered");
  });

  it("leaves a sibling in learning steps alone when another is graded anyway", async () => {
    const me = newLearnerId();
    await grade(me, WINDOW, Rating.Again, t0);
    assert.equal((await cardOf(me, WINDOW))!.state, State.Learning);
    // Graded directly (say from its question page) although the queue held it back.
    await grade(me, RANK, Rating.Good, min(1));
    assert.equal((await cardOf(me, WINDOW))!.buriedUntil, null, "learning steps are not cut off");
    const n = await next(me, [WINDOW, INNER], min(15));
    assert.equal(n.card?.questionId, WINDOW, "the card reviewed today finishes its steps");
    assert.equal(n.counts.new, 0, "but no third card of the concept starts today");
  });

  it("leaves a sibling the learner buried by hand buried after an unrelated undo", async () => {
    const me = await reviewCardsDueAt([RANK, WINDOW]);
    await db.card.update({ where: { learnerId_questionId: { learnerId: me, questionId: WINDOW } }, data: { buriedUntil: startOfNextDay(t0, TZ) } });
    const reviewId = rid();
    await submitReview(db, me, { reviewId, questionId: RANK, rating: Rating.Good }, t0, { tz: TZ });
    const log = await db.reviewLog.findFirst({ where: { learnerId: me, id: reviewId } });
    assert.equal(log!.buriedSiblings, null, "an already buried sibling is not this answer's to bury");
    await undoReview(db, me, reviewId);
    assert.ok((await cardOf(me, WINDOW))!.buriedUntil, "undo does not unbury what the learner buried");
  });
});

describe("a question in a topic deck and a company deck", () => {
  it("is one card: answered in the company deck, it leaves the topic deck's due queue that day", async () => {
    const me = newLearnerId();
    const q = "kafka-fixture-consumer-groups";
    const session = (at: Date) => quizSession(db, me, { now: at, tz: TZ });
    const query = (deck: string) => nextQuery.parse({ deck });
    // Learned on one day, due on another.
    await session(day(-30)).grade({ reviewId: rid(), questionId: q, rating: Rating.Easy });
    await db.card.update({ where: { learnerId_questionId: { learnerId: me, questionId: q } }, data: { due: min(-60) } });
    const company = await session(t0).next(query("company:fixture-co"));
    const topic = await session(t0).next(query("topic:kafka-messaging"));
    assert.equal(company.card?.questionId, q);
    assert.equal(topic.card?.questionId, q, "due in both decks before it is answered");
    assert.equal(topic.counts.review, 1);

    await session(t0).grade({ reviewId: rid(), questionId: q, rating: Rating.Good });
    assert.equal(await db.card.count({ where: { learnerId: me } }), 1, "one card per question, whatever the deck");
    const topicAfter = await session(min(1)).next(query("topic:kafka-messaging"));
    assert.equal(topicAfter.counts.review, 0);
    assert.notEqual(topicAfter.card?.questionId, q);
  });
});
