import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import type { Db } from "../../lib/db/client";
import { readLearner } from "../../lib/quiz/card-reads";
import { rowToSettings } from "../../lib/quiz/settings";
import { migratedDb } from "../helpers";

// The quiz reads a learner's settings with one raw statement (lib/quiz/card-reads.ts); the model API's
// row is the reference. A Json column is text on SQLite and jsonb on PostgreSQL, booleans and enums
// differ by provider too: this runs on both (TEST_DATABASE_URL).
let db: Db;
before(() => {
  db = migratedDb().db;
});
after(() => db.$disconnect());

describe("readLearner", () => {
  it("gives the same settings as the model API, for stored values that differ from every default", async () => {
    const id = "learner-settings-read-000000";
    const weights = Array.from({ length: 21 }, (_, i) => Math.round((0.1 + i / 7) * 1000) / 1000);
    await db.learner.create({
      data: {
        id, desiredRetention: 0.83, newPerDay: 7, learningSteps: "2m 15m", relearningSteps: "5m", maximumIntervalDays: 400,
        reviewOrder: "random", dailyGoal: 12, rolloverHour: 6, leechThreshold: 5, leechAction: "tag", loadBalance: false,
        easyDays: "nnnnnrx", interviewDate: new Date("2027-01-15T00:00:00Z"), interviewCompany: "netflix", interviewTopics: "sql,kafka", fsrsWeights: weights,
      },
    });
    const model = rowToSettings(await db.learner.findUnique({ where: { id } }), "Europe/Berlin");
    const raw = rowToSettings(await readLearner(db, id), "Europe/Berlin");
    assert.deepEqual(raw, model);
    assert.deepEqual(raw.weights, weights, "the fitted weights survive the raw read");
    assert.equal(raw.loadBalance, false);
    assert.equal(raw.reviewOrder, "random");
  });

  it("is null for a learner with no row, like the model API", async () => {
    assert.equal(await readLearner(db, "learner-never-seen-0000000000"), null);
  });
});
