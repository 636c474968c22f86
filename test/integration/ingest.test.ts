import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import { after, before, describe, it } from "node:test";
import { BUNDLE_FILE, readBundle } from "../../lib/content/index";
import { ingest } from "../../lib/content/ingest";
import { ContentError } from "../../lib/content/issues";
import type { Db } from "../../lib/db/client";
import { submitReview } from "../../lib/quiz/service";
import { copyFixtureContent, migratedDb, tempDir } from "../helpers";

let db: Db;
let root: string;
let out: string;
const now = new Date("2026-05-01T10:00:00Z");
const LEARNER = "learner-aaaaaaaaaaaaaaaaaaaaaa";

before(async () => {
  db = migratedDb().db;
  root = copyFixtureContent();
  out = tempDir("generated");
});
after(() => db.$disconnect());

const questionFile = (id: string, topic = "sql") => path.join(root, "questions", topic, `${id}.md`);

describe("ingest", () => {
  it("writes the bundle, the search index and one row per question", async () => {
    const r = await ingest(db, [root], out);
    assert.equal(r.sync.inserted, 6);
    assert.equal(await db.question.count(), 6);
    const bundle = readBundle(path.join(out, BUNDLE_FILE));
    assert.equal(bundle.questions.length, 6);
    assert.ok(fs.statSync(path.join(out, "search-index.json")).size > 1000);
  });

  it("is a no-op the second time", async () => {
    const r = await ingest(db, [root], out);
    assert.deepEqual(r.sync, { inserted: 0, updated: 0, archived: 0, restored: 0, unchanged: 6 });
    assert.equal(r.reused, true, "nothing changed, so the files are kept instead of rendered again");
  });

  it("still fills a new database when it reuses the files, and renders again after an edit", async () => {
    const fresh = migratedDb().db;
    try {
      const r = await ingest(fresh, [root], out);
      assert.equal(r.reused, true);
      assert.equal(r.sync.inserted, 6, "a new database gets every question from the kept outputs");
      // The same rows as the full ingest wrote (they come from the stamp, not from decoding the bundle).
      const rows = (d: Db) => d.question.findMany({ select: { id: true, topic: true, difficulty: true, chapter: true, contentHash: true, concept: true }, orderBy: { id: "asc" } });
      assert.deepEqual(await rows(fresh), await rows(db));
      const b = readBundle(path.join(out, BUNDLE_FILE));
      assert.deepEqual(r.counts, { chapters: b.chapters.length, caseStudies: b.caseStudies.length, questions: 6, glossary: b.glossary.length });
      // A stamp written before it carried the rows: the rows are read from the bundle instead.
      const stampFile = path.join(out, "ingest-stamp.json");
      const stamp = fs.readFileSync(stampFile, "utf8");
      fs.writeFileSync(stampFile, JSON.stringify({ fingerprint: JSON.parse(stamp).fingerprint }));
      const older = migratedDb().db;
      try {
        const o = await ingest(older, [root], out);
        assert.equal(o.reused, true);
        assert.deepEqual(await rows(older), await rows(db));
      } finally {
        await older.$disconnect();
        fs.writeFileSync(stampFile, stamp);
      }
    } finally {
      await fresh.$disconnect();
    }
    const file = questionFile("sql-fixture-window");
    const saved = fs.readFileSync(file, "utf8");
    fs.writeFileSync(file, `${saved}\nOne more sentence about frames.\n`);
    try {
      const r = await ingest(db, [root], out);
      assert.equal(r.reused, false, "an edited file changes the fingerprint");
      assert.equal(r.sync.updated, 1);
    } finally {
      fs.writeFileSync(file, saved);
    }
    assert.equal((await ingest(db, [root], out)).reused, false, "and so does putting it back");
  });

  it("keeps progress when a question's wording changes, and marks the change", async () => {
    await submitReview(db, LEARNER, { reviewId: "00000000-0000-4000-8000-000000000001", questionId: "sql-fixture-rank", rating: 3 }, now);
    const oldHash = (await db.question.findUniqueOrThrow({ where: { id: "sql-fixture-rank" } })).contentHash;
    const file = questionFile("sql-fixture-rank");
    fs.writeFileSync(file, fs.readFileSync(file, "utf8").replace("RANK leaves gaps after ties", "RANK skips the next numbers after a tie"));
    const r = await ingest(db, [root], out);
    assert.equal(r.sync.updated, 1);
    const q = await db.question.findUniqueOrThrow({ where: { id: "sql-fixture-rank" } });
    assert.notEqual(q.contentHash, oldHash);
    assert.ok(q.changedAt, "the edit is stamped: the queue looks for changed cards from the questions so marked");
    assert.equal((await db.question.findUniqueOrThrow({ where: { id: "sql-fixture-inner-join" } })).changedAt, null, "a question never edited is not");
    const card = await db.card.findUniqueOrThrow({ where: { learnerId_questionId: { learnerId: LEARNER, questionId: "sql-fixture-rank" } } });
    assert.equal(card.reps, 1);
    assert.equal(card.seenHash, oldHash, "the card still remembers the version the learner saw");
    assert.equal(await db.reviewLog.count({ where: { learnerId: LEARNER } }), 1);
  });

  it("archives a removed question without deleting its learner history, and restores it", async () => {
    const file = questionFile("sql-fixture-rank");
    const saved = fs.readFileSync(file, "utf8");
    fs.rmSync(file);
    const r = await ingest(db, [root], out);
    assert.equal(r.sync.archived, 1);
    assert.ok((await db.question.findUniqueOrThrow({ where: { id: "sql-fixture-rank" } })).archivedAt);
    assert.equal(await db.card.count({ where: { learnerId: LEARNER } }), 1);
    assert.equal(await db.reviewLog.count({ where: { learnerId: LEARNER } }), 1);

    fs.writeFileSync(file, saved);
    const back = await ingest(db, [root], out);
    assert.equal(back.sync.restored, 1);
    assert.equal((await db.question.findUniqueOrThrow({ where: { id: "sql-fixture-rank" } })).archivedAt, null);
  });

  it("re-renders only an edited file, and gives the bundle a render from scratch gives", async () => {
    const file = questionFile("sql-fixture-window");
    const saved = fs.readFileSync(file, "utf8");
    // Cheap to render one file; the point is which files were rendered and that the output is identical.
    fs.writeFileSync(file, saved.replace("What does a window function do?", "What does a window function compute?"));
    try {
      const r = await ingest(db, [root], out, { force: true });
      assert.deepEqual(
        r.rendered.freshByKind,
        { doc: 1, "question-hash": 1, "inline-html": 1, "inline-text": 1, loadouts: 1 },
        "the edited file's frontmatter and content hash, its question line, and the loadouts (they match tools in question lines); nothing else",
      );
      assert.ok(r.rendered.cached > 5, `the other documents came from the cache (${r.rendered.cached})`);
      const scratch = tempDir("generated-scratch");
      const full = await ingest(db, [root], scratch);
      assert.equal(full.rendered.cached, 0);
      assert.equal(fs.readFileSync(path.join(out, "search-index.json"), "utf8"), fs.readFileSync(path.join(scratch, "search-index.json"), "utf8"), "the search documents are the same either way");
      // v8 may store an equal string as one-byte or two-byte, so the bundle is compared as data.
      assert.deepEqual(readBundle(path.join(out, BUNDLE_FILE)), readBundle(path.join(scratch, BUNDLE_FILE)), "the bundle is the same either way");
    } finally {
      fs.writeFileSync(file, saved);
    }
  });

  it("renders every document again when a glossary term changes (terms are marked in all of them)", async () => {
    const glossary = fs.readdirSync(path.join(root, "glossary")).filter((f) => f.endsWith(".md"))[0];
    const file = path.join(root, "glossary", glossary);
    const saved = fs.readFileSync(file, "utf8");
    fs.writeFileSync(file, `${saved}\nA further sentence of definition.\n`);
    try {
      const r = await ingest(db, [root], out);
      const { glossary: g, chapter, "case-study": cs, question } = r.rendered.freshByKind;
      assert.deepEqual({ g, chapter, cs, question }, { g: 1, chapter: 2, cs: 1, question: 6 }, "the term, and every document it may be marked in");
    } finally {
      fs.writeFileSync(file, saved);
    }
  });

  it("writes nothing at all when any file is bad", async () => {
    const bundleBefore = fs.readFileSync(path.join(out, BUNDLE_FILE));
    const rowsBefore = await db.question.findMany({ orderBy: { id: "asc" } });
    fs.writeFileSync(
      questionFile("sql-new-but-fine"),
      fs.readFileSync(questionFile("sql-fixture-window"), "utf8").replace("id: sql-fixture-window", "id: sql-new-but-fine").replace("What does a window function do?", "Which rows can a frame clause include?"),
    );
    fs.writeFileSync(questionFile("sql-broken"), "---\nid: sql-broken\n---\n");
    await assert.rejects(ingest(db, [root], out), (err: unknown) => err instanceof ContentError && err.issues.some((i) => i.file.endsWith("sql-broken.md")));
    assert.deepEqual(await db.question.findMany({ orderBy: { id: "asc" } }), rowsBefore, "no row inserted for the good new file either");
    assert.deepEqual(fs.readFileSync(path.join(out, BUNDLE_FILE)), bundleBefore);
    fs.rmSync(questionFile("sql-broken"));
    fs.rmSync(questionFile("sql-new-but-fine"));
  });
});
