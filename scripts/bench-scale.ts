// Timings on the population `npm run scale:seed` wrote (PostgreSQL). Prints figures; no pass/fail.
//
//   SCALE_DATABASE_URL=postgresql://… npm run bench:scale
//
// - due queue: nextCard as /api/quiz/next runs it for one learner (settings known), for random
//   learners; and its card query's EXPLAIN;
// - review write: submitReview on random learners and cards (the app's path, locks included);
// - /progress and /stats for the learner with 20,000 reviews (getProgress, getStats), and the whole
//   progress page's data (the facade's dashboard(), workload projection included);
// - the lapse report over the whole log, and its EXPLAIN (an index-only scan, not a table scan).
import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { createDb } from "../lib/db/client";
import { ingest } from "../lib/content/ingest";
import { contentDirs } from "../lib/paths";
import { isPostgresUrl } from "../lib/db/provider";
import { lapseReport } from "../lib/quiz/lapses";
import { nextCard } from "../lib/quiz/queue";
import { queueStatements } from "../lib/quiz/card-reads";
import { DEFAULT_LEARNER_SETTINGS } from "../lib/quiz/settings";
import { getProgress } from "../lib/quiz/progress";
import { submitReview } from "../lib/quiz/review";
import { getStats } from "../lib/quiz/stats";
import { startOfDay } from "../lib/time";

const url = process.env.SCALE_DATABASE_URL;
if (!url || !isPostgresUrl(url)) {
  console.error("Set SCALE_DATABASE_URL to the postgresql:// URL that `npm run scale:seed` filled.");
  process.exit(1);
}
const pct = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))];
const fmt = (xs: number[]) => `min ${Math.min(...xs).toFixed(2)} ms  p50 ${pct(xs, 50).toFixed(2)} ms  p95 ${pct(xs, 95).toFixed(2)} ms  (${xs.length} runs)`;
async function timed(fn: () => Promise<unknown>): Promise<number> {
  const t = performance.now();
  await fn();
  return performance.now() - t;
}

const db = createDb(url);
const raw = new pg.Client({ connectionString: url });
await raw.connect();
const counts = (await raw.query(`SELECT (SELECT count(*) FROM "Learner") AS learners, (SELECT count(*) FROM "Card") AS cards, (SELECT reltuples::bigint FROM pg_class WHERE relname = 'ReviewLog') AS reviews, pg_size_pretty(pg_database_size(current_database())) AS size`)).rows[0];
console.log(`scale: ${Number(counts.learners).toLocaleString("en")} learners, ${Number(counts.cards).toLocaleString("en")} cards, ~${Number(counts.reviews).toLocaleString("en")} reviews, ${counts.size}\n`);

const picked = (await raw.query(`SELECT id FROM "Learner" WHERE id LIKE 'scale-%' ORDER BY random() LIMIT 330`)).rows.map((r) => r.id as string);
// 300 for the queue and the one-answer writes; 30 others, untouched by those, for the session writes.
const learners = picked.slice(0, 300);
const sessionLearners = picked.slice(300);
const questions = new Map((await db.question.findMany({ where: { archivedAt: null }, select: { id: true, topic: true } })).map((q) => [q.id, q.topic]));
const qids = [...questions.keys()];
const now = new Date();

// The targets are for a warm database. With --prewarm, pg_prewarm loads the relations the timed paths read
// into shared_buffers first (size shared_buffers for them: ~8 GB at this scale). Either way the queue is
// timed twice per learner: a learner's first request reads their rows from disk or the OS cache, the
// next ones find them in memory.
if (process.argv.includes("--prewarm")) {
  const t = performance.now();
  await raw.query("CREATE EXTENSION IF NOT EXISTS pg_prewarm");
  // The tables the timed paths read whole (the log's heap is read only at its end, or one row at a
  // time), and every index of the tables an answer writes: each one takes an entry per answer.
  const indexes = (await raw.query(`SELECT indexrelid::regclass::text AS name FROM pg_index WHERE indrelid IN ('"Card"'::regclass, '"ReviewLog"'::regclass, '"Question"'::regclass, '"Learner"'::regclass) ORDER BY 1`)).rows.map((r) => (r.name as string).replace(/^"|"$/g, ""));
  const rels = ["Card", "Question", "Learner", ...indexes];
  let blocks = 0;
  for (const r of rels) blocks += Number((await raw.query(`SELECT pg_prewarm($1) AS n`, [`"${r}"`])).rows[0].n);
  const sb = (await raw.query("SHOW shared_buffers")).rows[0].shared_buffers;
  console.log(`prewarmed ${rels.join(", ")}: ${((blocks * 8192) / 2 ** 30).toFixed(1)} GiB in ${((performance.now() - t) / 1000).toFixed(0)} s (shared_buffers ${sb})\n`);
}

// The queue as /api/quiz/next runs it (settings already read by the facade): nextCard's two statements
// side by side (lib/quiz/card-reads.ts queueReads), the served card's own read when it is not among the
// earliest due, and the load-balanced previews' day counts when load balancing is on.
const hashes = new Map((await db.question.findMany({ where: { archivedAt: null }, select: { id: true, contentHash: true } })).map((q) => [q.id, q.contentHash]));
const queue = [];
const queueWarm = [];
for (const learnerId of learners) {
  const run = () => nextCard(db, learnerId, qids, now, { settings: DEFAULT_LEARNER_SETTINGS, hashes });
  queue.push(await timed(run));
  queueWarm.push(await timed(run));
}
console.log(`due queue (nextCard, all its queries and the pick, ${qids.length} questions in the deck), a learner's first request: ${fmt(queue)}`);
console.log(`due queue, the same learner's next request: ${fmt(queueWarm)}`);
// A learner in a session asks again and again; the next request above comes right after the first.
// Three more passes over the same learners, each served twice already: the queue once their rows are
// in memory (the first request's extra cost is touching that learner's pages; README, run K).
// In the same loop, the queue's query work as the app sees it: the wall time during which at least one
// of its statements is in flight on the pool (its two first statements run side by side), up to the
// moment pg has parsed the last row. The rest of a call is the app's own work (the pick, the previews).
// Timed by wrapping the pool's query for this loop only.
const queueLoop = [];
const queryWork: number[] = [];
let inFlight: [number, number][] = [];
const poolQuery = pg.Pool.prototype.query;
pg.Pool.prototype.query = function (this: pg.Pool, ...args: unknown[]) {
  const start = performance.now();
  const result = (poolQuery as (...a: unknown[]) => unknown).apply(this, args);
  if (result instanceof Promise) void result.then(() => inFlight.push([start, performance.now()]), () => undefined);
  return result;
} as typeof poolQuery;
const busyTime = (spans: [number, number][]) => {
  let total = 0;
  let end = -Infinity;
  for (const [a, b] of [...spans].sort((x, y) => x[0] - y[0])) {
    total += Math.max(0, b - Math.max(a, end));
    end = Math.max(end, b);
  }
  return total;
};
for (let pass = 0; pass < 3; pass++)
  for (const learnerId of learners) {
    inFlight = [];
    queueLoop.push(await timed(() => nextCard(db, learnerId, qids, now, { settings: DEFAULT_LEARNER_SETTINGS, hashes })));
    await new Promise((r) => setImmediate(r)); // the last statement's span is recorded in a callback after nextCard's
    queryWork.push(busyTime(inFlight));
  }
pg.Pool.prototype.query = poolQuery;
console.log(`due queue, three more passes over the same learners: ${fmt(queueLoop)}`);
console.log(`due queue, its query work in those passes (a statement in flight on the pool): ${fmt(queryWork)}`);
// The queue's two statements exactly as lib/quiz/card-reads.ts queueStatements builds them for
// /api/quiz/next (default settings: slim due rows, started ids read, no preferred card), run through
// the raw client: the time inside PostgreSQL, and the plans.
const ahead = new Date(now.getTime() + 20 * 60_000);
const statementsOf = (learnerId: string) => queueStatements(learnerId, { now, until: ahead, dayStart: startOfDay(now) }, { slim: true, withStarted: true });
const sqlTimes: number[] = [];
for (const learnerId of learners.slice(0, 100)) {
  let ms = 0;
  for (const st of Object.values(statementsOf(learnerId))) {
    const plan = (await raw.query(`EXPLAIN (ANALYZE, FORMAT JSON) ${st.text}`, st.values)).rows[0]["QUERY PLAN"][0];
    ms += plan["Execution Time"] + plan["Planning Time"];
  }
  sqlTimes.push(ms);
}
console.log(`due queue's two statements inside PostgreSQL (planning + execution, both together): ${fmt(sqlTimes)}`);
for (const [name, st] of Object.entries(statementsOf(learners[0]))) {
  const explain = await raw.query(`EXPLAIN (ANALYZE, BUFFERS) ${st.text}`, st.values);
  console.log(`\nEXPLAIN (ANALYZE, BUFFERS) the due queue's ${name === "learner" ? "learner statement (due cards slim, started ids, today's new count, sibling rows)" : "full-row statement (touched new, changed, the earliest due)"}:\n${explain.rows.map((r) => `  ${r["QUERY PLAN"]}`).join("\n")}`);
}

const writes = [];
for (let i = 0; i < 300; i++) {
  const learnerId = learners[i % learners.length];
  const questionId = qids[(i * 7919) % qids.length];
  writes.push(await timed(() => submitReview(db, learnerId, { reviewId: crypto.randomUUID(), questionId, rating: ((i % 4) + 1) as 1 | 2 | 3 | 4 }, new Date())));
}
console.log(`review write (submitReview: one read, then the row lock, conditional card write and log insert in one statement), one answer each for 300 learners: ${fmt(writes)}`);
// A learner in a session answers card after card: 30 learners answer 10 questions each, one after the
// other; the first answer of each is timed apart from the nine after it.
const sessionFirst: number[] = [];
const sessionNext: number[] = [];
for (let l = 0; l < 30; l++) {
  const learnerId = sessionLearners[l];
  for (let k = 0; k < 10; k++) {
    const questionId = qids[(l * 131 + k * 7919 + 17) % qids.length];
    const ms = await timed(() => submitReview(db, learnerId, { reviewId: crypto.randomUUID(), questionId, rating: (((l + k) % 4) + 1) as 1 | 2 | 3 | 4 }, new Date()));
    (k === 0 ? sessionFirst : sessionNext).push(ms);
  }
}
console.log(`review write in a session, a learner's first answer: ${fmt(sessionFirst)}`);
console.log(`review write in a session, the same learner's next nine answers: ${fmt(sessionNext)}`);

const heavy = "scale-000000";
const heavyCount = await db.reviewLog.count({ where: { learnerId: heavy } });
const progress = [];
const stats = [];
const statsNoZone = [];
// In a zone, as the app calls them (the learner's zone comes with every request); without one too, the
// way earlier runs of this bench measured.
const tz = "Europe/Berlin";
// One untimed call of each first: a server process has compiled these paths long before; the first call
// of a fresh process (JIT, Intl's zone data) was the slowest of 20 and so was the whole "p95" of 20.
await getProgress(db, heavy, questions, new Date(), tz);
await getStats(db, heavy, questions, new Date(), tz);
await getStats(db, heavy, questions, new Date());
for (let i = 0; i < 40; i++) {
  progress.push(await timed(() => getProgress(db, heavy, questions, new Date(), tz)));
  stats.push(await timed(() => getStats(db, heavy, questions, new Date(), tz)));
  statsNoZone.push(await timed(() => getStats(db, heavy, questions, new Date())));
}
console.log(`/progress (getProgress, ${tz}) for a learner with ${heavyCount.toLocaleString("en")} reviews: ${fmt(progress)}`);
console.log(`/stats (getStats, includes the progress numbers, ${tz}) for the same learner: ${fmt(stats)}`);
console.log(`/stats without a zone: ${fmt(statsNoZone)}`);

// The whole progress page as the quiz facade builds it (dashboard(): the learner, the study cards, the
// numbers and the 90-day workload projection), which needs the content bundle and the exercise
// artifacts: the app's ingest writes them into a temporary directory (as scale:seed does; its question
// sync finds nothing to change), unless GENERATED_DIR points at an ingest's output already.
if (!process.env.GENERATED_DIR) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "bench-scale-gen-"));
  await ingest(db, contentDirs(), dir);
  process.env.GENERATED_DIR = dir;
}
const { quizSession } = await import("../lib/quiz/session");
const page = [];
await quizSession(db, heavy, { now: new Date(), tz }).dashboard(); // untimed: loads the bundle once per process, as a server does
for (let i = 0; i < 40; i++) page.push(await timed(() => quizSession(db, heavy, { now: new Date(), tz }).dashboard()));
console.log(`/progress, the whole page's data (dashboard(), ${tz}, workload projection included): ${fmt(page)}`);

const lapse = await timed(() => lapseReport(db, { minReviews: 5, limit: 20 }));
console.log(`\nreport:lapses over the whole log: ${(lapse / 1000).toFixed(2)} s`);
const explainLapse = await raw.query(`EXPLAIN SELECT "questionId", count(*), sum(CASE WHEN rating = 1 THEN 1 ELSE 0 END), count(DISTINCT "learnerId") FROM "ReviewLog" WHERE state = 2 GROUP BY "questionId" HAVING count(*) >= 5`);
console.log(`EXPLAIN of its aggregate:\n${explainLapse.rows.map((r) => `  ${r["QUERY PLAN"]}`).join("\n")}`);
await raw.end();
await db.$disconnect();
