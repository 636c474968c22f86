import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import type { Db } from "../../lib/db/client";
import { newLearnerId } from "../../lib/learner/identity";
import { exportProgress, ImportError, importProgress, reviewLogCsv } from "../../lib/quiz/portable";
import { nextCard } from "../../lib/quiz/queue";
import { buryCard, setFlagged, submitReview } from "../../lib/quiz/service";
import { saveInterview, saveSettings } from "../../lib/quiz/settings";
import { quizDb, reviewIds } from "../helpers";

let db: Db;
const t0 = new Date("2026-06-01T08:00:00Z");
const rid = reviewIds();
const state = async (learnerId: string) => ({
  learner: await db.learner.findUniqueOrThrow({ where: { id: learnerId }, omit: { id: true, createdAt: true } }),
  cards: (await db.card.findMany({ where: { learnerId }, orderBy: { questionId: "asc" } })).map(({ learnerId: _, ...c }) => c),
  reviews: (await db.reviewLog.findMany({ where: { learnerId }, orderBy: { id: "asc" } })).map(({ learnerId: _, ...r }) => r),
  practice: (await db.practiceReview.findMany({ where: { learnerId }, orderBy: { id: "asc" } })).map(({ learnerId: _, ...p }) => p),
});

let source: string;

before(async () => {
  db = await quizDb();
  source = newLearnerId();
  await saveSettings(db, source, { desiredRetention: 0.85, newPerDay: 7, learningSteps: "2m 15m", dailyGoal: 12, rolloverHour: 6, leechThreshold: 5, leechAction: "tag", loadBalance: false, easyDays: "nnnnnrx" });
  await saveInterview(db, source, { interviewDate: new Date("2026-06-20T09:00:00Z"), interviewCompany: "fixture-co", interviewTopics: ["sql"] });
  let now = t0;
  for (const [q, r] of [["sql-fixture-window", 3], ["sql-fixture-rank", 1], ["sql-fixture-window", 4], ["kafka-fixture-offsets", 2]] as const) {
    await submitReview(db, source, { reviewId: rid(), questionId: q, rating: r, durationMs: 4200 }, now);
    now = new Date(now.getTime() + 11 * 60_000);
  }
  await submitReview(db, source, { reviewId: rid(), questionId: "sql-fixture-anti-join", rating: 3, practice: true }, now);
  await buryCard(db, source, "sql-fixture-inner-join", now);
  await setFlagged(db, source, "kafka-fixture-offsets", true, now);
});
after(() => db.$disconnect());

describe("export and import", () => {
  it("marks a card seen under another version of its question as changed, so the queue still serves it first", async () => {
    const file = JSON.parse(JSON.stringify(await exportProgress(db, source, t0)));
    // As if exported from an instance whose answer to this question differed.
    const card = file.cards.find((c: { questionId: string }) => c.questionId === "sql-fixture-window");
    card.seenHash = "another-version";
    const me = newLearnerId();
    assert.equal((await db.question.findUniqueOrThrow({ where: { id: "sql-fixture-window" } })).changedAt, null);
    const later = new Date(t0.getTime() + 2 * 60 * 60_000);
    await importProgress(db, me, file, later);
    assert.ok((await db.question.findUniqueOrThrow({ where: { id: "sql-fixture-window" } })).changedAt, "the question is marked changed");
    const r = await nextCard(db, me, ["sql-fixture-window"], later);
    assert.equal(r.card?.questionId, "sql-fixture-window", "not due yet (graduated with Easy), served because it changed");
    assert.equal(r.card?.changed, true);
  });

  it("reproduces the exact same state in a fresh learner, through JSON text", async () => {
    const file = JSON.parse(JSON.stringify(await exportProgress(db, source, t0)));
    const fresh = newLearnerId();
    const report = await importProgress(db, fresh, file);
    assert.equal(report.reviewsAdded, 4);
    assert.equal(report.practiceAdded, 1);
    assert.deepEqual(await state(fresh), await state(source));
  });

  it("merges idempotently: importing the same file again changes nothing", async () => {
    const file = JSON.parse(JSON.stringify(await exportProgress(db, source, t0)));
    const before = await state(source);
    const report = await importProgress(db, source, file);
    assert.equal(report.reviewsAdded, 0);
    assert.equal(report.reviewsAlreadyPresent, 4);
    assert.deepEqual(await state(source), before);
  });

  it("imports a file from before the scheduling options, keeping their defaults", async () => {
    const file = JSON.parse(JSON.stringify(await exportProgress(db, source, t0)));
    assert.deepEqual(
      [file.settings.rolloverHour, file.settings.leechThreshold, file.settings.leechAction, file.settings.loadBalance, file.settings.easyDays],
      [6, 5, "tag", false, "nnnnnrx"],
      "the export carries them",
    );
    for (const k of ["rolloverHour", "leechThreshold", "leechAction", "loadBalance", "easyDays"]) delete file.settings[k];
    for (const c of file.cards) delete c.leech;
    const fresh = newLearnerId();
    await importProgress(db, fresh, file);
    const row = await db.learner.findUniqueOrThrow({ where: { id: fresh } });
    assert.deepEqual([row.rolloverHour, row.leechThreshold, row.leechAction, row.loadBalance, row.easyDays], [4, 8, "suspend", true, "nnnnnnn"]);
    assert.equal(await db.card.count({ where: { learnerId: fresh, leech: true } }), 0);
    assert.equal(await db.card.count({ where: { learnerId: fresh } }), file.cards.length);
  });

  it("rejects a bad file and changes nothing", async () => {
    const file = JSON.parse(JSON.stringify(await exportProgress(db, source, t0)));
    file.reviews[2].rating = 7;
    const target = newLearnerId();
    await assert.rejects(importProgress(db, target, file), (e: unknown) => e instanceof ImportError && /reviews\.2\.rating/.test(e.message));
    assert.equal(await db.learner.count({ where: { id: target } }), 0);
    await assert.rejects(importProgress(db, target, { format: "something else" }), ImportError);
    assert.equal(await db.reviewLog.count({ where: { learnerId: target } }), 0);
  });

  it("writes the review log as FSRS optimizer CSV", async () => {
    const csv = (await reviewLogCsv(db, source)).trim().split("\n");
    assert.equal(csv[0], "card_id,review_time,review_rating,review_state,review_duration");
    assert.equal(csv.length, 5);
    assert.match(csv[1], /^kafka-fixture-offsets,\d{13},2,0,4200$/);
  });
});
