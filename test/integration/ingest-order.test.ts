import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import { after, before, describe, it } from "node:test";
import { BUNDLE_FILE, getContent } from "../../lib/content/index";
import { ingest } from "../../lib/content/ingest";
import type { Db } from "../../lib/db/client";
import { copyFixtureContent, migratedDb, tempDir } from "../helpers";

let db: Db;
before(() => {
  db = migratedDb().db;
});
after(() => db.$disconnect());

describe("ingest order: bundle staged, database committed, then files renamed", () => {
  it("leaves the database untouched when the bundle cannot be written", async () => {
    const blocker = path.join(tempDir("gen"), "not-a-dir");
    fs.writeFileSync(blocker, "a file where the output directory should be");
    await assert.rejects(ingest(db, [copyFixtureContent()], blocker), /EEXIST|ENOTDIR/);
    assert.equal(await db.question.count(), 0, "no question rows were written before the failure");
  });

  it("leaves the old bundle and no temp files when the database transaction fails", async () => {
    const out = tempDir("gen");
    const root = copyFixtureContent();
    await ingest(db, [root], out);
    const before = fs.readFileSync(path.join(out, BUNDLE_FILE));
    const q = path.join(root, "questions/sql/sql-fixture-rank.md");
    fs.writeFileSync(q, fs.readFileSync(q, "utf8").replace("RANK leaves gaps", "RANK skips numbers"));
    const broken = new Proxy(db, {
      get(target, prop, receiver) {
        if (prop === "$transaction") return async () => Promise.reject(new Error("disk full"));
        return Reflect.get(target, prop, receiver);
      },
    });
    await assert.rejects(ingest(broken, [root], out), /disk full/);
    assert.deepEqual(fs.readFileSync(path.join(out, BUNDLE_FILE)), before, "the bundle still matches the database");
    assert.deepEqual(fs.readdirSync(out).filter((f) => f.endsWith(".tmp")), []);
  });
});

describe("one freshness model: the bundle is read once per process", () => {
  it("does not pick up a re-ingested bundle (pages were prerendered from the first one)", async () => {
    const out = tempDir("gen");
    const root = copyFixtureContent();
    await ingest(db, [root], out);
    const saved = process.env.GENERATED_DIR;
    process.env.GENERATED_DIR = out;
    try {
      const first = getContent();
      assert.equal(first.questions.length, 6);
      fs.rmSync(path.join(root, "questions/sql/sql-fixture-rank.md"));
      await ingest(db, [root], out);
      const later = new Date(Date.now() + 5000);
      fs.utimesSync(path.join(out, BUNDLE_FILE), later, later);
      assert.equal(getContent(), first, "the same in-memory bundle, not a re-read");
      assert.ok(getContent().questionById.has("sql-fixture-rank"));
    } finally {
      if (saved === undefined) delete process.env.GENERATED_DIR;
      else process.env.GENERATED_DIR = saved;
    }
  });
});
