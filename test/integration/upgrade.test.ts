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
    // A card written before 0005 (leeches): it keeps its columns and is not a leech.
    raw.prepare(`INSERT INTO "Question" (id, topic, difficulty, chapter, contentHash, updatedAt) VALUES ('q-old', 'sql', 'easy', 'sql', 'h', 0)`).run();
    raw
      .prepare(`INSERT INTO "Card" (learnerId, questionId, due, stability, difficulty, elapsedDays, scheduledDays, learningSteps, reps, lapses, state, suspended, updatedAt) VALUES (?, 'q-old', 0, 3, 5, 1, 3, 0, 4, 2, 2, 1, 0)`)
      .run("old-learner-0000000000000");
    // Every later migration, as `migrate deploy` would apply them.
    for (const name of fs.readdirSync(dir).filter((n) => /^\d{4}_/.test(n) && n > "0003_fit_lease_json_enums").sort()) raw.exec(sql(name));
    raw.close();
    const db = createDb(file);
    try {
      const settings = await getSettings(db, "old-learner-0000000000000");
      assert.equal(settings.reviewOrder, "weakest");
      assert.deepEqual(settings.weights, weights);
      assert.deepEqual(
        { rolloverHour: settings.rolloverHour, leechThreshold: settings.leechThreshold, leechAction: settings.leechAction, loadBalance: settings.loadBalance, easyDays: settings.easyDays },
        { rolloverHour: 4, leechThreshold: 8, leechAction: "suspend", loadBalance: true, easyDays: "nnnnnnn" },
      );
      const card = await db.card.findFirstOrThrow({ where: { learnerId: "old-learner-0000000000000" } });
      assert.deepEqual({ lapses: card.lapses, suspended: card.suspended, leech: card.leech }, { lapses: 2, suspended: true, leech: false });
      assert.deepEqual(await fitStatus(db, "old-learner-0000000000000"), { status: "done", reviews: 300, logLossBefore: 0.5, logLossAfter: 0.4 });
    } finally {
      await db.$disconnect();
    }
  });
});
