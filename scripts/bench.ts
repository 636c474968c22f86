// Prints timings; no pass/fail. Runs on a temp database so it never touches learner data.
import { Rating } from "../lib/quiz/enums";
import { execFileSync } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { ingest } from "../lib/content/ingest";
import { loadContent } from "../lib/content/load";
import { RenderCache } from "../lib/content/render-cache";
import { createDb } from "../lib/db/client";
import { contentDirs } from "../lib/paths";
import { cardToRow, recordToLogRow } from "../lib/quiz/card-mapper";
import { newCard, review } from "../lib/quiz/scheduler";
import { quizSession } from "../lib/quiz/session";
import { benchBalance } from "./bench-balance";
import { benchSearch, benchWeight } from "./bench-search";
import { benchStats } from "./bench-stats";
import { benchWorkload } from "./bench-workload";

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

// Ingest: the whole pipeline (parse, validate, render, run exercise solutions, index, sync) into an empty
// database, from a copy of the content so one file can really be edited. The copy is not a git checkout,
// so the per-file "last changed" dates (one `git log`, ~30 ms) are not part of these figures.
const contentCopy = contentDirs().map((dir, i) => {
  const to = path.join(dataDir, `content-${i}`);
  fs.cpSync(dir, to, { recursive: true });
  return to;
});
const genDir = path.join(dataDir, "generated");
const db = createDb(dbFile);
const cold = await ingest(db, contentCopy, genDir);
const coldMs = cold.ms;
console.log(`ingest (cold, empty db): ${coldMs} ms for ${cold.counts.questions} questions, ${cold.counts.chapters} chapters, ${cold.counts.caseStudies} case studies`);
console.log(`  steps: ${JSON.stringify(cold.phases)}`);
const again = await ingest(db, contentCopy, genDir);
const unchangedMs = again.ms;
console.log(`ingest (re-run, nothing changed: fingerprint matches, database re-synced from the bundle): ${unchangedMs} ms`);
// One answer edited: that file is rendered again, the rest come from the render cache, exercise verdicts
// from theirs; loadouts, the search index and the bundle are rebuilt whole.
const edited = (fs.readdirSync(path.join(contentCopy[0], "questions"), { recursive: true }) as string[])
  .filter((f) => f.endsWith(".md") && !f.endsWith("README.md"))
  .map((f) => path.join(contentCopy[0], "questions", f))
  .sort()[0];
// Five edits, each followed by an ingest: one run's time moves by a third with GC and this machine's
// load, so the figure is their median (all five are printed). The first comes right after the cold run.
const oneRuns: Awaited<ReturnType<typeof ingest>>[] = [];
for (let i = 1; i <= 5; i++) {
  fs.appendFileSync(edited, `\nSentence ${i}, so that this answer changes.\n`);
  oneRuns.push(await ingest(db, contentCopy, genDir));
}
const byMs = [...oneRuns].sort((a, b) => a.ms - b.ms);
const one = byMs[2];
const oneFileMs = one.ms;
console.log(`ingest (after editing one answer, median of 5 edits): ${oneFileMs} ms (runs: ${oneRuns.map((r) => r.ms).join(", ")}), ${one.rendered.fresh} rendered, ${one.rendered.cached} from the cache`);
console.log(`  steps of the median run: ${JSON.stringify(one.phases)}`);
// The content check's structural pass (no HTML), cold and then with its cache, after the same kind of edit.
const checkCache = path.join(dataDir, "check-cache");
const c0 = performance.now();
const checkCold = RenderCache.open(checkCache, "text");
loadContent(contentCopy, { html: false, cache: checkCold });
checkCold.save();
const checkColdMs = performance.now() - c0;
fs.appendFileSync(edited, "\nAnd one more.\n");
const t2 = performance.now();
const checkWarm = RenderCache.open(checkCache, "text");
loadContent(contentCopy, { html: false, cache: checkWarm });
checkWarm.save();
const checkMs = performance.now() - t2;
console.log(`content:check structure pass (no HTML): ${checkColdMs.toFixed(0)} ms cold, ${checkMs.toFixed(0)} ms after editing one file\n`);

// Search over the real index.
const { bundle, sectionTexts } = loadContent(contentDirs());
const searchResult = benchSearch(bundle, sectionTexts, console.log);
console.log();
benchBalance(console.log);
console.log();

// Review writes: the app's path through Prisma vs the same transaction in raw better-sqlite3.
const ids = bundle.questions.map((q) => q.id).slice(0, 400);
const now = new Date();
// As POST /api/quiz/review runs it: a fresh quiz facade per request, grading one answer.
const prismaTimes = await timeEachAsync(ids, (questionId) =>
  quizSession(db, "bench-learner-prisma-000000", { now }).grade({ reviewId: crypto.randomUUID(), questionId, rating: Rating.Good }),
);
// The floor under any Prisma path: one model call that reads one row by primary key, on the same db.
const floorTimes = await timeEachAsync(ids, () => db.learner.findUnique({ where: { id: "bench-learner-prisma-000000" } }));
const statsResult = await benchStats(db, dbFile, new Map(bundle.questions.map((q) => [q.id, q.topic])), now, console.log);
await db.$disconnect();

const raw = new Database(dbFile);
raw.pragma("journal_mode = WAL");
raw.prepare(`INSERT OR IGNORE INTO "Learner" (id) VALUES (?)`).run("bench-learner-raw-000000000");
// By the log's primary key (learnerId, id), as the app's replay check: by id alone this scanned every
// log row, which made the raw side ~10x slower once the /stats bench above had stored 20,000 reviews.
const findLog = raw.prepare(`SELECT id FROM "ReviewLog" WHERE learnerId = ? AND id = ?`);
const findCard = raw.prepare(`SELECT * FROM "Card" WHERE learnerId = ? AND questionId = ?`);
const upsertCard = raw.prepare(`INSERT INTO "Card" (learnerId, questionId, due, stability, difficulty, elapsedDays, scheduledDays, learningSteps, reps, lapses, state, lastReview, seenHash, updatedAt)
  VALUES (@learnerId, @questionId, @due, @stability, @difficulty, @elapsedDays, @scheduledDays, @learningSteps, @reps, @lapses, @state, @lastReview, NULL, @now)
  ON CONFLICT (learnerId, questionId) DO UPDATE SET due=@due, stability=@stability, difficulty=@difficulty, elapsedDays=@elapsedDays, scheduledDays=@scheduledDays, learningSteps=@learningSteps, reps=@reps, lapses=@lapses, state=@state, lastReview=@lastReview, updatedAt=@now`);
const insertLog = raw.prepare(`INSERT INTO "ReviewLog" (id, learnerId, questionId, rating, state, due, stability, difficulty, elapsedDays, lastElapsedDays, scheduledDays, learningSteps, reviewedAt)
  VALUES (@id, @learnerId, @questionId, @rating, @state, @due, @stability, @difficulty, @elapsedDays, @lastElapsedDays, @scheduledDays, @learningSteps, @reviewedAt)`);
const ms = (d: Date | null) => (d ? d.getTime() : null);
const rawReview = raw.transaction((questionId: string) => {
  const id = crypto.randomUUID();
  if (findLog.get("bench-learner-raw-000000000", id)) return;
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
const f50 = pct(floorTimes, 50);
console.log(`Prisma floor (one row by primary key) p50 ${fmt(f50)}: the review write is ${(p50 / f50).toFixed(1)} of these`);
const workload = benchWorkload(console.log);

// Practice engines in Chromium (needs a running app with exercises ingested).
console.log();
let served: Awaited<ReturnType<typeof import("./bench-pages").benchPages>> | null = null;
if (process.env.BENCH_URL) {
  const { benchPages } = await import("./bench-pages");
  served = await benchPages(process.env.BENCH_URL, `/chapters/${bundle.chapters[0].id}`, `/questions/${bundle.questions[0].id}`, console.log);
  console.log();
  const { benchPractice } = await import("./bench-practice");
  await benchPractice(process.env.BENCH_URL);
} else {
  console.log("serving, first-load JS and practice engine benches skipped: start the app and set BENCH_URL=http://127.0.0.1:<port>");
}

const weight = await benchWeight({ ...process.env, DATA_DIR: dataDir, GENERATED_DIR: path.join(dataDir, "generated") }, bundle, console.log);

// `npm run bench -- --json`: one JSON object on the last line, for CI and for comparing runs.
if (process.argv.includes("--json")) {
  const r = (n: number) => Math.round(n * 1000) / 1000;
  console.log(
    JSON.stringify({
      cores: os.cpus().length,
      node: process.version,
      ingest: { coldMs, unchangedMs, oneFileMs, oneFileRunsMs: oneRuns.map((r) => r.ms), checkMs: Math.round(checkMs), checkColdMs: Math.round(checkColdMs), coldSteps: cold.phases, oneFileSteps: one.phases },
      search: searchResult,
      stats: statsResult,
      reviewWrite: { prismaP50: r(p50), prismaP95: r(p95), rawP50: r(r50), rawP95: r(r95), prismaFloorP50: r(f50) },
      workload: { cards: workload.cards, retentions: workload.retentions, days: workload.days, ms: workload.ms, heavyMs: workload.heavyMs },
      pages: served?.pages ?? null,
      weight: { ...weight, firstLoadJsGzKb: served?.firstLoadJsGzKb ?? null, firstLoadJsByPath: served?.firstLoadJsByPath ?? null },
    }),
  );
}
