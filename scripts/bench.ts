// Prints timings; no pass/fail. Runs on a temp database so it never touches learner data.
import { execFileSync } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { ingest } from "../lib/content/ingest";
import { loadContent } from "../lib/content/load";
import { createDb } from "../lib/db/client";
import { contentDirs } from "../lib/paths";
import { cardToRow, recordToLogRow } from "../lib/quiz/card-mapper";
import { newCard, review } from "../lib/quiz/scheduler";
import { submitReview } from "../lib/quiz/service";
import { buildSearchIndex, SearchIndex, searchDocs } from "../lib/search/index";

const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))];
};
const fmt = (ms: number) => (ms < 1 ? `${(ms * 1000).toFixed(0)} µs` : `${ms.toFixed(2)} ms`);
function timeEach<T>(items: T[], fn: (t: T) => unknown): number[] {
  return items.map((item) => {
    const t = performance.now();
    fn(item);
    return performance.now() - t;
  });
}
async function timeEachAsync<T>(items: T[], fn: (t: T) => Promise<unknown>): Promise<number[]> {
  const out: number[] = [];
  for (const item of items) {
    const t = performance.now();
    await fn(item);
    out.push(performance.now() - t);
  }
  return out;
}

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "bench-"));
process.on("exit", () => fs.rmSync(dataDir, { recursive: true, force: true }));
execFileSync(process.execPath, ["node_modules/prisma/build/index.js", "migrate", "deploy"], { env: { ...process.env, DATA_DIR: dataDir }, stdio: "ignore" });
const dbFile = path.join(dataDir, "app.db");
new Database(dbFile).pragma("journal_mode = WAL");

console.log(`bench on ${os.cpus().length} cores, node ${process.version}\n`);

// Ingest: the whole pipeline (parse, validate, render, index, sync) into an empty database.
const db = createDb(dbFile);
const t0 = performance.now();
const report = await ingest(db, contentDirs(), path.join(dataDir, "generated"));
console.log(`ingest (cold, empty db): ${(performance.now() - t0).toFixed(0)} ms for ${report.counts.questions} questions, ${report.counts.chapters} chapters, ${report.counts.caseStudies} case studies`);
const t1 = performance.now();
await ingest(db, contentDirs(), path.join(dataDir, "generated"));
console.log(`ingest (re-run, nothing changed): ${(performance.now() - t1).toFixed(0)} ms`);
const t2 = performance.now();
loadContent(contentDirs(), { html: false });
console.log(`content:check work (no HTML): ${(performance.now() - t2).toFixed(0)} ms\n`);

// Search over the real index.
const { bundle, sectionTexts } = loadContent(contentDirs());
const json = buildSearchIndex(searchDocs(bundle, sectionTexts));
const index = SearchIndex.fromJSON(json);
console.log(`search index: ${(json.length / 1024).toFixed(0)} KiB serialized (server side only)`);
const queries = {
  exact: ["kafka", "partition", "window function", "slowly changing dimension", "idempotency", "watermark", "parquet", "airflow sensor"],
  prefix: ["kaf", "partit", "wind", "idempot", "waterm", "parq", "orchestr", "dimens"],
  fuzzy: ["kafak", "partiton", "idempotancy", "watermrk", "parquett", "orchestraton", "snowflak", "consumr group"],
};
for (const [kind, qs] of Object.entries(queries)) {
  const runs = Array.from({ length: 25 }, () => qs).flat();
  const times = timeEach(runs, (q) => index.search(q, { limit: 20 }));
  console.log(`search ${kind.padEnd(6)} p50 ${fmt(pct(times, 50))}  p95 ${fmt(pct(times, 95))}  (${runs.length} queries)`);
}
console.log();

// Review writes: the app's path through Prisma vs the same transaction in raw better-sqlite3.
const ids = bundle.questions.map((q) => q.id).slice(0, 400);
const now = new Date();
const prismaTimes = await timeEachAsync(ids, (questionId) =>
  submitReview(db, "bench-learner-prisma-000000", { reviewId: crypto.randomUUID(), questionId, rating: 3 }, now),
);
await db.$disconnect();

const raw = new Database(dbFile);
raw.pragma("journal_mode = WAL");
raw.prepare(`INSERT OR IGNORE INTO "Learner" (id) VALUES (?)`).run("bench-learner-raw-000000000");
const findLog = raw.prepare(`SELECT id FROM "ReviewLog" WHERE id = ?`);
const findCard = raw.prepare(`SELECT * FROM "Card" WHERE learnerId = ? AND questionId = ?`);
const upsertCard = raw.prepare(`INSERT INTO "Card" (learnerId, questionId, due, stability, difficulty, elapsedDays, scheduledDays, learningSteps, reps, lapses, state, lastReview, seenHash, updatedAt)
  VALUES (@learnerId, @questionId, @due, @stability, @difficulty, @elapsedDays, @scheduledDays, @learningSteps, @reps, @lapses, @state, @lastReview, NULL, @now)
  ON CONFLICT (learnerId, questionId) DO UPDATE SET due=@due, stability=@stability, difficulty=@difficulty, elapsedDays=@elapsedDays, scheduledDays=@scheduledDays, learningSteps=@learningSteps, reps=@reps, lapses=@lapses, state=@state, lastReview=@lastReview, updatedAt=@now`);
const insertLog = raw.prepare(`INSERT INTO "ReviewLog" (id, learnerId, questionId, rating, state, due, stability, difficulty, elapsedDays, lastElapsedDays, scheduledDays, learningSteps, reviewedAt)
  VALUES (@id, @learnerId, @questionId, @rating, @state, @due, @stability, @difficulty, @elapsedDays, @lastElapsedDays, @scheduledDays, @learningSteps, @reviewedAt)`);
const ms = (d: Date | null) => (d ? d.getTime() : null);
const rawReview = raw.transaction((questionId: string) => {
  const id = crypto.randomUUID();
  if (findLog.get(id)) return;
  findCard.get("bench-learner-raw-000000000", questionId);
  const { card, log } = review(newCard(now), 3, now, { desiredRetention: 0.9 });
  const row = cardToRow(card);
  upsertCard.run({ learnerId: "bench-learner-raw-000000000", questionId, ...row, due: ms(row.due), lastReview: ms(row.lastReview), now: now.getTime() });
  const l = recordToLogRow(log);
  insertLog.run({ id, learnerId: "bench-learner-raw-000000000", questionId, ...l, due: ms(l.due), reviewedAt: ms(l.reviewedAt) });
});
const rawTimes = timeEach(ids, (q) => rawReview(q));
raw.close();

const p50 = pct(prismaTimes, 50), p95 = pct(prismaTimes, 95), r50 = pct(rawTimes, 50), r95 = pct(rawTimes, 95);
console.log(`review write via Prisma          p50 ${fmt(p50)}  p95 ${fmt(p95)}  (${ids.length} reviews)`);
console.log(`review write via raw better-sqlite3 p50 ${fmt(r50)}  p95 ${fmt(r95)}  (${ids.length} reviews)`);
console.log(`Prisma / raw ratio: p50 ${(p50 / r50).toFixed(1)}×  p95 ${(p95 / r95).toFixed(1)}×`);

// Practice engines in Chromium (needs a running app with exercises ingested).
console.log();
if (process.env.BENCH_URL) {
  const { benchPractice } = await import("./bench-practice");
  await benchPractice(process.env.BENCH_URL);
} else {
  console.log("practice engine bench skipped: start the app and set BENCH_URL=http://127.0.0.1:<port> (see scripts/bench-practice.ts)");
}
