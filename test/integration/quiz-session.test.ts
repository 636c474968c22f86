import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { ingest } from "../../lib/content/ingest";
import type { Db } from "../../lib/db/client";
import { newLearnerId } from "../../lib/learner/identity";
import { activeScope, quizSession } from "../../lib/quiz/session";
import { DEFAULT_LEARNER_SETTINGS, getSettings, saveInterview, saveSettings } from "../../lib/quiz/settings";
import { copyFixtureContent, migratedDb, reviewIds, tempDir } from "../helpers";

let db: Db;
const rid = reviewIds();
const t0 = new Date("2026-05-01T10:00:00Z");
const generated = tempDir("generated");
// The facade reads the content bundle; point it at this test's ingest output.
process.env.GENERATED_DIR = generated;

before(async () => {
  db = migratedDb().db;
  await ingest(db, [copyFixtureContent()], generated);
});
after(() => db.$disconnect());

/** A client that counts reads of the learner row (where settings live). */
// Counts reads of the Learner row: model calls, and raw statements (the quiz reads settings with one,
// lib/quiz/card-reads.ts readLearner), whose SQL text is in the query's arguments.
function counting(base: Db) {
  const counts = { learner: 0 };
  const sqlText = (args: unknown) => {
    const a = args as { strings?: string[]; sql?: string } | unknown[];
    if (Array.isArray(a)) return JSON.stringify(a[0]);
    return a?.strings?.join("?") ?? a?.sql ?? "";
  };
  const client = base.$extends({
    query: {
      async $allOperations({ model, operation, args, query }) {
        if (model === "Learner" && operation.startsWith("find")) counts.learner++;
        if (!model && operation === "$queryRaw" && /FROM "Learner"/.test(sqlText(args))) counts.learner++;
        return query(args);
      },
    },
  }) as unknown as Db;
  return { client, counts };
}

describe("quiz facade", () => {
  it("reads company loadouts from the bundle, where ingest stored them", async () => {
    const { getContent } = await import("../../lib/content/index");
    const { computeLoadouts, loadoutQuestionIds } = await import("../../lib/quiz/loadout");
    const bundle = getContent();
    assert.ok(bundle.loadouts && Object.keys(bundle.loadouts).length === bundle.caseStudies.length);
    assert.deepEqual(bundle.loadouts, computeLoadouts(bundle));
    const company = bundle.caseStudies[0].id;
    assert.ok(bundle.loadouts[company].length > 0);
    // The stored list is what the interview deck uses (a changed stored list shows through).
    const stored = bundle.loadouts[company];
    bundle.loadouts[company] = [stored[0]];
    try {
      assert.deepEqual(loadoutQuestionIds(company), [stored[0]]);
    } finally {
      bundle.loadouts[company] = stored;
    }
  });

  it("reads the learner's settings once per request, however many steps use them", async () => {
    const me = newLearnerId();
    await saveSettings(db, me, { newPerDay: 3 });
    await saveInterview(db, me, { interviewDate: "2026-05-20", interviewCompany: null, interviewTopics: ["sql"] });
    const { client, counts } = counting(db);
    const quiz = quizSession(client, me, { now: t0 });
    const first = await quiz.next({ deck: "interview", practice: false, exclude: [] });
    assert.ok(first.card, "the interview deck has a card");
    await quiz.grade({ reviewId: rid(), questionId: first.card.questionId, rating: 3 });
    await quiz.next({ deck: "all", practice: false, exclude: [] });
    await quiz.dashboard();
    await quiz.stats();
    assert.equal(counts.learner, 1, "next, grade, next, dashboard and stats share one read of the learner");

    // Without the facade each step read them again: the same steps through a fresh session per call.
    const fresh = counting(db);
    await quizSession(fresh.client, me, { now: t0 }).next({ deck: "all", practice: false, exclude: [] });
    await quizSession(fresh.client, me, { now: t0 }).dashboard();
    assert.equal(fresh.counts.learner, 2);
  });

  it("grades a request's first answer from one read (card and settings), and keeps the interview scope", async () => {
    const me = newLearnerId();
    await saveInterview(db, me, { interviewDate: "2026-05-04", interviewCompany: null, interviewTopics: ["sql"] });
    const settings = await getSettings(db, me);
    const scope = activeScope(settings, t0)!;
    const { getContent } = await import("../../lib/content/index");
    const plain = getContent().questions.filter((q) => !q.siblings?.length);
    const inside = plain.find((q) => scope.has(q.id))!;
    const outside = plain.find((q) => !scope.has(q.id))!;
    assert.ok(inside && outside, "the fixture has questions on both sides of the scope");
    // Counts the statements that read (the write's own statements run in its transaction).
    let reads = 0;
    const client = db.$extends({
      query: {
        async $allOperations({ model, operation, args, query }) {
          if (!model && operation === "$queryRaw") reads++;
          return query(args);
        },
      },
    }) as unknown as Db;
    const inDue = await quizSession(client, me, { now: t0 }).grade({ reviewId: rid(), questionId: inside.id, rating: 4 });
    assert.equal(reads, 1, "the learner's settings come with the card, in one statement");
    const outDue = await quizSession(client, me, { now: t0 }).grade({ reviewId: rid(), questionId: outside.id, rating: 4 });
    // Easy on a new card is days away; inside the scope it is pulled to the day before the interview.
    assert.ok(new Date(inDue.due!) <= new Date(settings.interviewAt!.getTime() - 86_400_000), `in scope: due ${inDue.due} by the day before`);
    assert.ok(new Date(outDue.due!) > settings.interviewAt!, `out of scope: due ${outDue.due} after the interview`);
  });

  it("computes the interview scope from company and topics, only while the interview is ahead", () => {
    const base = { ...DEFAULT_LEARNER_SETTINGS };
    assert.equal(activeScope(base, t0), null, "no date: no scope");
    const at = new Date("2026-05-10T09:00:00Z");
    const sql = activeScope({ ...base, interviewDate: "2026-05-10", interviewAt: at, interviewTopics: ["sql"] }, t0)!;
    assert.deepEqual([...sql].sort(), ["sql-fixture-anti-join", "sql-fixture-inner-join", "sql-fixture-rank", "sql-fixture-window"]);
    const company = activeScope({ ...base, interviewDate: "2026-05-10", interviewAt: at, interviewCompany: "fixture-co" }, t0)!;
    assert.ok(company.has("kafka-fixture-consumer-groups"), "the case study's own question");
    const everything = activeScope({ ...base, interviewDate: "2026-05-10", interviewAt: at }, t0)!;
    assert.equal(everything.size, 6, "a date alone covers every quizzable question");
    assert.equal(activeScope({ ...base, interviewDate: "2026-05-10", interviewAt: at, interviewTopics: ["sql"] }, new Date("2026-05-11T00:00:00Z")), null, "after the day: no scope");
  });

  it("tells an empty Flagged deck apart from a deck with nothing due, and says when the interview deck has no date", async () => {
    const me = newLearnerId();
    const quiz = quizSession(db, me, { now: t0 });
    const flagged = await quiz.next({ deck: "flagged", practice: false, exclude: [] });
    assert.equal(flagged.card, null);
    assert.equal(flagged.empty, "no-flagged");
    const interview = await quiz.next({ deck: "interview", practice: false, exclude: [] });
    assert.equal(interview.interviewDate, null);
    assert.ok(interview.card);
    await saveSettings(db, me, { newPerDay: 0 });
    const none = await quizSession(db, me, { now: t0 }).next({ deck: "all", practice: false, exclude: [] });
    assert.equal(none.empty, "nothing-due");
  });

  it("maps study controls and returns the card's flags", async () => {
    const me = newLearnerId();
    const quiz = quizSession(db, me, { now: t0 });
    const r = await quiz.control("sql-fixture-rank", "flag");
    assert.deepEqual(r, { questionId: "sql-fixture-rank", buriedUntil: null, suspended: false, flagged: true });
    const flagged = await quiz.next({ deck: "flagged", practice: false, exclude: [] });
    assert.equal(flagged.card?.questionId, "sql-fixture-rank");
    await assert.rejects(quiz.control("no-such-question", "bury"), (e: unknown) => (e as { status?: number }).status === 404);
  });

  it("counts due and new cards per deck for the picker", async () => {
    const me = newLearnerId();
    const quiz = quizSession(db, me, { now: t0 });
    await quiz.grade({ reviewId: rid(), questionId: "sql-fixture-rank", rating: 1 });
    const later = quizSession(db, me, { now: new Date(t0.getTime() + 5 * 60_000) });
    await later.control("sql-fixture-window", "flag");
    const counts = await later.deckCounts(["topic:sql", "flagged", "topic:kafka-messaging", "bogus"]);
    assert.deepEqual(counts["topic:sql"], { total: 4, due: 1, new: 3 });
    assert.deepEqual(counts.flagged, { total: 1, due: 0, new: 1 });
    assert.deepEqual(counts["topic:kafka-messaging"], { total: 2, due: 0, new: 2 });
    assert.equal(counts.bogus, undefined);
  });
});
