import assert from "node:assert/strict";
import path from "node:path";
import { after, before, describe, it } from "node:test";
import { ingest } from "../../lib/content/ingest";
import type { Db } from "../../lib/db/client";
import { newLearnerId } from "../../lib/learner/identity";
import { deckCardIds, deckIds, interviewScope } from "../../lib/quiz/decks";
import { State } from "../../lib/quiz/enums";
import { composeRound, SLOT_MINUTES } from "../../lib/quiz/mock";
import { quizSession } from "../../lib/quiz/session";
import { getSettings, saveInterview } from "../../lib/quiz/settings";
import { copyFixtureContent, migratedDb, reviewIds, tempDir } from "../helpers";

// Exercises are cards in the quiz's decks: by topic, company, chapter and loadout (and flagged), graded,
// undone, buried, suspended and flagged through the same facade as questions; the mock round's SQL
// slot is an exercise.
const SQL_EX = "ex-fixture-team-sizes"; // companies: [fixture-co], chapter fixture-sql
const PY_EX = "ex-fixture-double";
const MODEL_EX = "ex-fixture-unique-email";
const generated = tempDir("generated");
process.env.GENERATED_DIR = generated;
let db: Db;
const rid = reviewIds();
const t0 = new Date("2026-05-01T10:00:00Z");
const day = 86_400_000;

before(async () => {
  db = migratedDb().db;
  await ingest(db, [copyFixtureContent(path.resolve("test/fixtures/exercises/good"))], generated);
});
after(() => db.$disconnect());

const ids = async (deck: string) => {
  const me = newLearnerId();
  const { parseDeck } = await import("../../lib/quiz/deck");
  return deckIds(db, me, parseDeck(deck)!, await getSettings(db, me));
};

describe("decks with exercises", { timeout: 600_000 }, () => {
  it("puts a company's tagged exercises in its company deck and its loadout, and no other company's", async () => {
    const company = await ids("company:fixture-co");
    assert.ok(company.includes(SQL_EX), company.join());
    assert.ok(company.includes("kafka-fixture-consumer-groups"), "the company's questions stay");
    assert.ok(!company.includes(PY_EX) && !company.includes(MODEL_EX), "untagged exercises are not the company's");
    const loadout = await ids("loadout:fixture-co");
    assert.ok(loadout.includes(SQL_EX) && loadout.includes("kafka-fixture-consumer-groups"), loadout.join());
    assert.ok(!loadout.includes(PY_EX));
    assert.deepEqual(await ids("company:nobody"), []);
  });

  it("works a deck's cards out once per bundle and hands out the same frozen list", async () => {
    const first = deckCardIds("chapter:fixture-sql");
    assert.ok(first.includes(SQL_EX), first.join());
    assert.equal(deckCardIds({ kind: "chapter", value: "fixture-sql" }), first, "the string and the parsed deck share one entry");
    assert.ok(Object.isFrozen(first), "callers cannot change what the next request gets");
    assert.throws(() => (first as string[]).push("x"));
    assert.notEqual(deckCardIds("chapter:fixture-kafka"), first);
    assert.deepEqual(await ids("chapter:fixture-sql"), first, "the quiz facade's deck is the same list");
    assert.deepEqual(deckCardIds("topic:no-such-topic"), []);
  });

  it("gives a chapter deck the questions and the exercises linked to that chapter", async () => {
    const chapter = await ids("chapter:fixture-sql");
    for (const id of [SQL_EX, PY_EX, MODEL_EX, "sql-fixture-window"]) assert.ok(chapter.includes(id), `${id} in ${chapter.join()}`);
    assert.ok(!chapter.some((id) => id.startsWith("kafka-")));
    assert.equal(new Set(chapter).size, chapter.length, "each card once");
    // Spread among the questions, so a session of the deck reaches an exercise early.
    assert.ok(!chapter[0].startsWith("ex-") && chapter[1].startsWith("ex-"), chapter.join());
    const kafka = await ids("chapter:fixture-kafka");
    assert.ok(kafka.length > 0 && !kafka.some((id) => id.startsWith("ex-")));
  });

  it("puts exercises in their kind's topic deck but keeps `all` and difficulty decks question-only", async () => {
    const sql = await ids("topic:sql");
    assert.ok(sql.includes(SQL_EX) && !sql.includes(PY_EX));
    assert.ok(!(await ids("all")).some((id) => id.startsWith("ex-")));
    assert.ok(!(await ids("difficulty:junior")).some((id) => id.startsWith("ex-")));
  });

  it("counts the exercises in the deck picker and in an interview's scope", async () => {
    const me = newLearnerId();
    const counts = await quizSession(db, me, { now: t0 }).deckCounts(["company:fixture-co", "chapter:fixture-sql", "all"]);
    assert.equal(counts["company:fixture-co"].total, (await ids("company:fixture-co")).length);
    assert.equal(counts["chapter:fixture-sql"].total, (await ids("chapter:fixture-sql")).length);
    assert.equal(counts["chapter:fixture-sql"].new, counts["chapter:fixture-sql"].total);
    await saveInterview(db, me, { interviewDate: "2026-05-20", interviewCompany: "fixture-co", interviewTopics: [] }, "UTC");
    assert.ok(interviewScope(await getSettings(db, me)).includes(SQL_EX), "the interview's loadout holds its exercises");
  });
});

describe("an exercise card through the facade", { timeout: 600_000 }, () => {
  const me = newLearnerId();

  it("is served with its workbench data, graded, undone, buried, flagged and suspended like a question", async () => {
    let quiz = quizSession(db, me, { now: t0 });
    // The company deck's new cards: its question first, then the exercise.
    const first = await quiz.next({ deck: "company:fixture-co", practice: false, exclude: [] });
    assert.equal(first.card?.questionId, "kafka-fixture-consumer-groups");
    assert.equal(first.card?.exercise, undefined);
    await quiz.grade({ reviewId: rid(), questionId: first.card!.questionId, rating: 3 });
    const ex = await quiz.next({ deck: "company:fixture-co", practice: false, exclude: [] });
    assert.equal(ex.card?.questionId, SQL_EX);
    assert.equal(ex.card?.state, State.New);
    const view = ex.card!.exercise!;
    assert.equal(view.exercise.kind, "sql");
    assert.ok(view.exercise.expected, "the expected result, so the browser can grade");
    assert.ok(view.engineUrl.startsWith("/engine/pglite-"));
    assert.ok(view.data.snapshotUrl || view.data.setupSql, "somewhere to load the dataset from");
    assert.ok(!("solutions" in view.exercise) && !("keyIdeas" in view.exercise), "nothing that gives the answer away");
    assert.ok(ex.card!.previews[3].due > t0.toISOString());

    const reviewId = rid();
    const graded = await quiz.grade({ reviewId, questionId: SQL_EX, rating: 3 });
    assert.equal(graded.state, State.Learning);
    assert.deepEqual(await quiz.undo(reviewId), { questionId: SQL_EX });
    const again = await quiz.next({ deck: "company:fixture-co", practice: false, exclude: [], prefer: SQL_EX });
    assert.equal(again.card?.questionId, SQL_EX);
    assert.equal(again.card?.state, State.New, "undo put the exercise back as it was");

    await quiz.control(SQL_EX, "bury");
    quiz = quizSession(db, me, { now: new Date(t0.getTime() + 60_000) });
    const buried = await quiz.next({ deck: "company:fixture-co", practice: false, exclude: [] });
    assert.notEqual(buried.card?.questionId, SQL_EX, "buried until tomorrow");

    quiz = quizSession(db, me, { now: new Date(t0.getTime() + day) });
    await quiz.control(SQL_EX, "flag");
    const flagged = await quiz.next({ deck: "flagged", practice: false, exclude: [] });
    assert.equal(flagged.card?.questionId, SQL_EX);
    assert.equal(flagged.card?.flagged, true);
    await quiz.control(SQL_EX, "suspend");
    const suspended = await quiz.next({ deck: "flagged", practice: false, exclude: [] });
    assert.equal(suspended.card, null);
    assert.ok((await quiz.dashboard()).suspended.some((s) => s.questionId === SQL_EX && s.href === `/practice/${SQL_EX}`));
  });
});

describe("the mock round's SQL slot", { timeout: 600_000 }, () => {
  it("is a real SQL exercise, timed, and its grade schedules the exercise card", async () => {
    for (const seed of [1, 2, 3]) {
      const slots = composeRound({ seed, company: "fixture-co" });
      const sql = slots.filter((s) => s.kind === "sql");
      assert.deepEqual(sql, [{ kind: "sql", minutes: SLOT_MINUTES.sql, questionId: SQL_EX }], "the company's own SQL exercise");
      assert.deepEqual(composeRound({ seed, company: "fixture-co" }), slots, "deterministic for a seed");
    }
    const me = newLearnerId();
    const quiz = quizSession(db, me, { now: t0 });
    const round = quiz.mockRound(5);
    const slot = round.slots.find((s) => s.kind === "sql")!;
    assert.equal(slot.question.questionId, SQL_EX, "the fixture's only SQL exercise");
    assert.equal(slot.question.exercise?.exercise.id, SQL_EX);
    assert.ok(slot.minutes >= 10);
    assert.ok(round.slots.filter((s) => s.kind !== "sql").every((s) => s.question.exercise === undefined));
    const graded = await quiz.grade({ reviewId: rid(), questionId: SQL_EX, rating: 1 });
    assert.equal(graded.state, State.Learning);
  });
});
