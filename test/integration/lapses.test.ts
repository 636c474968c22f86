import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import type { Db } from "../../lib/db/client";
import { newLearnerId } from "../../lib/learner/identity";
import { lapseReport } from "../../lib/quiz/lapses";
import { submitReview } from "../../lib/quiz/service";
import { saveSettings } from "../../lib/quiz/settings";
import { quizDb, reviewIds } from "../helpers";

let db: Db;
const rid = reviewIds();

before(async () => {
  db = await quizDb();
});
after(() => db.$disconnect());

describe("lapse report", () => {
  it("ranks questions by how often learned cards are forgotten, with no learner ids", async () => {
    const t0 = new Date("2026-02-01T09:00:00Z").getTime();
    const learnerIds: string[] = [];
    for (let l = 0; l < 3; l++) {
      const me = newLearnerId();
      learnerIds.push(me);
      // One learner calls a card a leech after 2 lapses (tag only, so the test's schedule goes on unchanged).
      if (l === 0) await saveSettings(db, me, { leechThreshold: 2, leechAction: "tag" });
      for (const [q, again] of [["sql-fixture-rank", true], ["sql-fixture-window", false]] as const) {
        let now = t0;
        const first = await submitReview(db, me, { reviewId: rid(), questionId: q, rating: 4 }, new Date(now));
        now = first.card!.due.getTime();
        for (let k = 0; k < 2; k++) {
          const r = await submitReview(db, me, { reviewId: rid(), questionId: q, rating: again ? 1 : 3 }, new Date(now));
          if (again) {
            // relearn back into review before the next lapse
            const back = await submitReview(db, me, { reviewId: rid(), questionId: q, rating: 4 }, r.card!.due);
            now = back.card!.due.getTime();
          } else now = r.card!.due.getTime();
        }
      }
    }
    const rows = await lapseReport(db, { minReviews: 3 });
    assert.equal(rows[0].questionId, "sql-fixture-rank");
    assert.equal(rows[0].lapses, 6);
    assert.equal(rows[0].learners, 3);
    assert.equal(rows[0].leeches, 1, "only the learner with threshold 2 has it as a leech");
    assert.equal(rows.find((r) => r.questionId === "sql-fixture-window")?.leeches, 0);
    assert.equal(rows.find((r) => r.questionId === "sql-fixture-window")?.lapseRate, 0);
    // Aggregates only: exactly the report's fields, and no learner's id anywhere in the output.
    for (const row of rows) assert.deepEqual(Object.keys(row).sort(), ["lapseRate", "lapses", "learners", "leeches", "questionId", "reviews"]);
    const text = JSON.stringify(rows);
    for (const id of learnerIds) assert.ok(!text.includes(id), "no learner id leaks");
  });
});
