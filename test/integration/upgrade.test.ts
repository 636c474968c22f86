// An existing SQLite install upgrades in place: rows written before the Json and enum columns existed
// (weights and fit report as JSON text, the review order as text) read back typed after migration 0003.
import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import { describe, it } from "node:test";
import Database from "better-sqlite3";
import { createDb } from "../../lib/db/client";
import { fitStatus } from "../../lib/quiz/fit";
import { getSettings } from "../../lib/quiz/settings";
import { tempDir, testProvider } from "../helpers";

const dir = "prisma/migrations";
const sql = (name: string) => fs.readFileSync(path.join(dir, name, "migration.sql"), "utf8");

describe("upgrading an existing SQLite database", { skip: testProvider !== "sqlite" && "SQLite upgrade path (PostgreSQL installs start at these migrations)" }, () => {
  it("keeps settings, weights and the fit report through the Json/enum migration", async () => {
    const file = path.join(tempDir("upgrade"), "app.db");
    const raw = new Database(file);
    raw.exec(sql("0001_init"));
    raw.exec(sql("0002_study_controls"));
    const weights = Array.from({ length: 21 }, (_, i) => i / 10);
    raw.prepare(`INSERT INTO "Learner" (id, reviewOrder, fsrsWeights, fitReport) VALUES (?, 'weakest', ?, ?)`).run("old-learner-0000000000000", JSON.stringify(weights), JSON.stringify({ status: "done", reviews: 300, logLossBefore: 0.5, logLossAfter: 0.4 }));
    raw.exec(sql("0003_fit_lease_json_enums"));
    raw.close();
    const db = createDb(file);
    try {
      const settings = await getSettings(db, "old-learner-0000000000000");
      assert.equal(settings.reviewOrder, "weakest");
      assert.deepEqual(settings.weights, weights);
      assert.deepEqual(await fitStatus(db, "old-learner-0000000000000"), { status: "done", reviews: 300, logLossBefore: 0.5, logLossAfter: 0.4 });
    } finally {
      await db.$disconnect();
    }
  });
});
