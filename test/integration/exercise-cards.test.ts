import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import { after, before, describe, it } from "node:test";
import { ingest } from "../../lib/content/ingest";
import type { Db } from "../../lib/db/client";
import { newLearnerId } from "../../lib/learner/identity";
import { lapseReport } from "../../lib/quiz/lapses";
import { exportProgress, importProgress, reviewLogCsv } from "../../lib/quiz/portable";
import { exerciseTopic, quizSession } from "../../lib/quiz/session";
import { copyFixtureContent, migratedDb, reviewIds, tempDir } from "../helpers";

// Exercises are synced into the Question table, so a learner's cards and reviews include `ex-` ids the
// content bundle does not know. Every reader of cards must survive them, and label them as exercises.
const SQL_EX = "ex-fixture-team-sizes";
const PY_EX = "ex-fixture-double";
const generated = tempDir("generated");
process.env.GENERATED_DIR = generated;
let db: Db;
const rid = reviewIds();
const t0 = new Date("2026-05-01T10:00:00Z");
const day = 86_400_000;

before(async () => {
  db = migratedDb().db;
  // The real ingest: runs the fixture exercises' reference solutions and syncs their ids.
  await ingest(db, [copyFixtureContent(path.resolve("test/fixtures/exercises/good"))], generated);
});
after(() => db.$disconnect());

describe("a learner who practises exercises", { timeout: 600_000 }, () => {
  const me = newLearnerId();

  before(async () => {
    // Learn the SQL exercise, bring it to review, then forget it once (a lapse); also study a question.
    let at = t0;
    for (const rating of [3, 3, 3, 1, 3]) {
      await quizSession(db, me, { now: at }).grade({ reviewId: rid(), questionId: SQL_EX, rating: rating as 1 | 3 });
      at = new Date(at.getTime() + 20 * day);
    }
    const quiz = quizSession(db, me, { now: t0 });
    const first = await quiz.next({ deck: "all", practice: false, exclude: [] });
    assert.ok(first.card);
    await quiz.grade({ reviewId: rid(), questionId: first.card.questionId, rating: 3 });
    await quiz.control(PY_EX, "suspend");
    await quiz.control(SQL_EX, "flag");
  });

  it("counts exercises in progress and stats, under their own row", async () => {
    const quiz = quizSession(db, me, { now: new Date(t0.getTime() + 100 * day) });
    const { progress, suspended } = await quiz.dashboard();
    const rows = progress.byTopic.filter((t) => t.topic.startsWith("exercises-"));
    assert.deepEqual(rows.map((r) => [r.topic, r.total, r.studied]).sort(), [
      [exerciseTopic("modeling"), 1, 0],
      [exerciseTopic("python"), 1, 0],
      [exerciseTopic("sql"), 1, 1],
    ], "one row per kind; the reviewed SQL exercise is studied, the suspended Python one is not");
    assert.equal(progress.byState.suspended, 1);
    assert.equal(progress.studied, 2, "one exercise and one question");
    // The suspended exercise is labelled by its title and links to its practice page, not a 404.
    assert.deepEqual(suspended, [{ questionId: PY_EX, title: "Double a number", href: `/practice/${PY_EX}` }]);

    const stats = await quiz.stats();
    assert.equal(stats.topicRecall.get(exerciseTopic("sql"))?.studied, 1);
    assert.deepEqual(stats.exercises.map((e) => [e.kind, e.total, e.studied]), [["sql", 1, 1], ["python", 1, 0], ["modeling", 1, 0]]);
    assert.ok(stats.exercises[0].recall !== null && stats.exercises[0].recall > 0 && stats.exercises[1].recall === null);
    assert.equal(stats.byState.review + stats.byState.learning + stats.byState.relearning, 2);
  });

  it("serves a flagged exercise in the flagged deck, with its workbench data, and counts it in the picker", async () => {
    const quiz = quizSession(db, me, { now: t0 });
    const flagged = await quiz.next({ deck: "flagged", practice: true, exclude: [] });
    assert.equal(flagged.card?.questionId, SQL_EX);
    assert.equal(flagged.card?.exercise?.exercise.kind, "sql");
    assert.ok(!("solutions" in (flagged.card?.exercise?.exercise ?? {})), "no reference solution before a pass");
    const counts = await quiz.deckCounts(["all", "flagged", "topic:sql"]);
    assert.equal(counts.flagged.total, 1, "the picker's count agrees with the deck the quiz page serves");
    const round = quiz.mockRound(7);
    assert.ok(round.slots.length > 0 && round.slots.every((s) => s.question.questionHtml.length > 0));
  });

  it("exports, re-imports and reports lapses for exercise cards", async () => {
    const file = await exportProgress(db, me, new Date(t0.getTime() + 100 * day));
    assert.ok(file.cards.some((c) => c.questionId === SQL_EX));
    assert.equal(file.reviews.filter((r) => r.questionId === SQL_EX).length, 5);
    const other = newLearnerId();
    const report = await importProgress(db, other, JSON.parse(JSON.stringify(file)), new Date(t0.getTime() + 100 * day));
    assert.deepEqual(report.skippedUnknownQuestions, []);
    assert.equal(report.reviewsAdded, 6);
    assert.match(await reviewLogCsv(db, me), new RegExp(`^${SQL_EX},`, "m"));

    const lapses = await lapseReport(db, { minReviews: 1 });
    const ex = lapses.find((r) => r.questionId === SQL_EX);
    assert.ok(ex && ex.lapses >= 1, JSON.stringify(lapses));
  });
});

describe("practise this chapter", () => {
  it("lists the exercises whose chapter link points into the chapter, with the learner's schedule", async () => {
    const { exerciseCountForChapter, practiceList } = await import("../../lib/exercises/index");
    assert.equal(exerciseCountForChapter("fixture-sql"), 3);
    assert.equal(exerciseCountForChapter("fixture-kafka"), 0);
    const learner = newLearnerId();
    await quizSession(db, learner, { now: t0 }).grade({ reviewId: rid(), questionId: SQL_EX, rating: 1 });
    const list = await practiceList(db, learner, { chapter: "fixture-sql" }, new Date(t0.getTime() + day));
    assert.equal(list.rows.length, 3);
    assert.equal(list.rows.find((r) => r.id === SQL_EX)?.isDue, true);
    assert.equal((await practiceList(db, learner, { chapter: "fixture-kafka" }, t0)).rows.length, 0);
  });
});

describe("dataset snapshots", { timeout: 600_000 }, () => {
  it("are written at ingest, hold the dataset, and are reused while the dataset is unchanged", async () => {
    const { SNAPSHOT_DIR } = await import("../../lib/exercises/snapshots");
    const { writeSnapshots } = await import("../../lib/exercises/snapshot-writer");
    const { getExerciseArtifacts } = await import("../../lib/exercises/index");
    const { engineFileResponse } = await import("../../lib/exercises/engine-files");
    const files = fs.readdirSync(path.join(generated, SNAPSHOT_DIR));
    assert.equal(files.length, 1, files.join());
    assert.match(files[0], /^tiny-\d+\.\d+\.\d+-[0-9a-f]{16}\.tar\.gz$/);

    // The browser's path: the engine route serves it, PGlite starts from it with the rows in place.
    const res = engineFileResponse(["data", files[0]]);
    assert.equal(res.status, 200);
    assert.match(res.headers.get("cache-control") ?? "", /immutable/);
    const { PGlite } = await import("@electric-sql/pglite");
    const pg = await PGlite.create({ loadDataDir: await res.blob() });
    const count = await pg.query<{ n: number }>("SELECT count(*)::int AS n FROM people");
    const databases = await pg.query<{ datname: string }>("SELECT datname FROM pg_database ORDER BY 1");
    await pg.close();
    assert.equal(count.rows[0].n, 6);
    // A size budget: the browser downloads this once per dataset. initdb's cluster as it comes was
    // 5.3 MB gzipped (16 MB of WAL, two template databases); a tiny dataset's snapshot is under 3 MB.
    assert.deepEqual(databases.rows.map((r) => r.datname), ["postgres"]);
    const bytes = fs.statSync(path.join(generated, SNAPSHOT_DIR, files[0])).size;
    assert.ok(bytes < 3_000_000, `the snapshot is ${bytes} bytes`);

    const again = await writeSnapshots(getExerciseArtifacts().datasets, generated);
    assert.deepEqual([again.built, again.kept, again.removed], [[], 1, 0]);
    assert.equal(engineFileResponse(["data", "../app.db"]).status, 404);
    assert.equal(engineFileResponse(["data", files[0].replace(/[0-9a-f]{16}/, "0".repeat(16))]).status, 404);
  });

  it("are shared between two workers on a first run: every good dataset is built whole, and a failure in either worker is named", async () => {
    const { SNAPSHOT_DIR, snapshotName } = await import("../../lib/exercises/snapshots");
    const { writeSnapshots } = await import("../../lib/exercises/snapshot-writer");
    const { PGlite } = await import("@electric-sql/pglite");
    const out = tempDir("snapshots-two");
    // Largest setup first, dealt in turn: the two broken ones (the longest) go one to each worker.
    const broken = [
      { id: "broken-a", hash: "a".repeat(16), setupSql: "CREATE TABLE t AS SELECT no_such_function(1) AS i; -- the longest setup of all" },
      { id: "broken-b", hash: "b".repeat(16), setupSql: "CREATE TABLE t AS SELECT nope(); -- the second longest setup" },
    ];
    const good = [3, 5, 7].map((n) => ({ id: `rows-${n}`, hash: String(n).repeat(16), setupSql: `CREATE TABLE t AS SELECT generate_series(1, ${n}) AS i;` }));
    await assert.rejects(writeSnapshots([...good, ...broken], out), (err: Error) => /broken-a/.test(err.message) && /broken-b/.test(err.message));
    for (const [i, d] of good.entries()) {
      const pg = await PGlite.create({ loadDataDir: new Blob([fs.readFileSync(path.join(out, SNAPSHOT_DIR, snapshotName(d)))]) });
      const rows = await pg.query<{ n: number }>("SELECT count(*)::int AS n FROM t");
      await pg.close();
      assert.equal(rows.rows[0].n, [3, 5, 7][i], d.id);
    }
  });
});
