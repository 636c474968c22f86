// Fills a PostgreSQL database with a synthetic population for `npm run bench:scale`: N learners, a card
// row per learner and question (every quizzable question of content/), and a review log whose size per
// learner is heavy-tailed (most learners light, a few heavy), plus one learner with exactly --heavy
// reviews for the /stats and /progress targets. Rows are generated inside PostgreSQL (INSERT … SELECT
// over generate_series), in chunks of learners, so the client does no per-row work.
//
//   SCALE_DATABASE_URL=postgresql://… npm run scale:seed -- [--learners 10000] [--reviews 50000000]
//                                                          [--heavy 20000] [--minutes 40]
//
// --minutes is a time budget: after the first chunk the remaining learners' review counts are scaled
// so the run ends in time (the disk and 2 shared cores decide how many rows fit); the summary line says
// how many rows were written. The database is emptied first. Never point this at real learner data.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { execFileSync } from "node:child_process";
import { parseArgs } from "node:util";
import pg from "pg";
import { createDb } from "../lib/db/client";
import { isPostgresUrl } from "../lib/db/provider";
import { ingest } from "../lib/content/ingest";
import { contentDirs } from "../lib/paths";

const { values } = parseArgs({
  options: {
    learners: { type: "string", default: "10000" },
    reviews: { type: "string", default: "50000000" },
    heavy: { type: "string", default: "20000" },
    minutes: { type: "string", default: "40" },
    chunk: { type: "string", default: "250" },
  },
});
const url = process.env.SCALE_DATABASE_URL;
if (!url || !isPostgresUrl(url)) {
  console.error("Set SCALE_DATABASE_URL to a postgresql:// URL of a database this may empty.");
  process.exit(1);
}
const LEARNERS = Number(values.learners);
const TARGET = Number(values.reviews);
const HEAVY = Number(values.heavy);
const BUDGET_MS = Number(values.minutes) * 60_000;
const CHUNK = Number(values.chunk);
const started = Date.now();
const log = (msg: string) => console.log(`[${((Date.now() - started) / 1000).toFixed(0).padStart(5)} s] ${msg}`);

execFileSync(process.execPath, ["node_modules/prisma/build/index.js", "migrate", "deploy"], { env: { ...process.env, DATABASE_URL: url }, stdio: "ignore" });
const client = new pg.Client({ connectionString: url });
await client.connect();
const q = (sql: string, params: unknown[] = []) => client.query(sql, params);
await q(`SET synchronous_commit = off`);
await q(`TRUNCATE "ReviewLog", "Card", "UndoneReview", "PracticeReview", "Learner" CASCADE`);

// Real question ids, through the app's own ingest.
const prismaDb = createDb(url);
await ingest(prismaDb, contentDirs(), fs.mkdtempSync(path.join(os.tmpdir(), "scale-gen-")));
await prismaDb.$disconnect();
const questions = Number((await q(`SELECT count(*) AS n FROM "Question" WHERE "archivedAt" IS NULL`)).rows[0].n);
log(`${questions} questions`);

// Secondary indexes and foreign keys are dropped for the load and rebuilt once at the end.
const indexes = (await q(`SELECT indexname, indexdef FROM pg_indexes WHERE schemaname = 'public' AND tablename IN ('Card', 'ReviewLog') AND indexname NOT LIKE '%_pkey'`)).rows as { indexname: string; indexdef: string }[];
const fks = (await q(`SELECT conrelid::regclass::text AS tbl, conname, pg_get_constraintdef(oid) AS def FROM pg_constraint WHERE contype = 'f' AND conrelid::regclass::text IN ('"Card"', '"ReviewLog"')`)).rows as { tbl: string; conname: string; def: string }[];
for (const f of fks) await q(`ALTER TABLE ${f.tbl} DROP CONSTRAINT "${f.conname}"`);
for (const i of indexes) await q(`DROP INDEX "${i.indexname}"`);

// The plan: learner k gets weight random()^3 (heavy-tailed); learner 0 is the heavy one.
await q(`SELECT setseed(0.14)`);
await q(`DROP TABLE IF EXISTS scale_plan`);
await q(`CREATE UNLOGGED TABLE scale_plan AS
  SELECT k, 'scale-' || lpad(k::text, 6, '0') AS id, (random() * ${questions})::int AS shift, CASE WHEN k = 0 THEN 0 ELSE random() ^ 3 END AS w
  FROM generate_series(0, ${LEARNERS - 1}) k`);
const wsum = Number((await q(`SELECT sum(w) AS s FROM scale_plan`)).rows[0].s);
await q(`ALTER TABLE scale_plan ADD COLUMN n int`);
await q(`UPDATE scale_plan SET n = CASE WHEN k = 0 THEN ${HEAVY} ELSE round(w * ${Math.max(0, TARGET - HEAVY)} / ${wsum})::int END`);
await q(`INSERT INTO "Learner" (id, "createdAt") SELECT id, now() - interval '400 days' FROM scale_plan`);

// Review g (1-based) of a learner is of question (g - 1 + shift) mod Q: the deck is studied in a
// per-learner order, the first pass introduces each card (state 0 before the review), later passes
// review it (state 2). Times run from a year ago to a few minutes ago, so today has some reviews.
const reviewSql = (from: number, to: number, scale: number) => `
  INSERT INTO "ReviewLog" (id, "learnerId", "questionId", rating, state, due, stability, difficulty, "elapsedDays", "lastElapsedDays", "scheduledDays", "learningSteps", "reviewedAt", "createdAt")
  SELECT md5(p.id || ':' || g)::uuid::text, p.id, qs.ids[1 + ((g - 1 + p.shift) % qs.n)],
         CASE WHEN r < 0.10 THEN 1 WHEN r < 0.22 THEN 2 WHEN r < 0.92 THEN 3 ELSE 4 END,
         CASE WHEN g <= qs.n THEN 0 ELSE 2 END,
         t, 1 + r * 40, 1 + r * 9, (r * 30)::int, (r * 20)::int, (r * 30)::int, 0, t, t
  FROM (SELECT id, shift, CASE WHEN k = 0 THEN n ELSE greatest(1, round(n * ${scale}))::int END AS n FROM scale_plan WHERE k BETWEEN ${from} AND ${to}) p
  CROSS JOIN (SELECT array_agg(id ORDER BY id) AS ids, count(*)::int AS n FROM "Question" WHERE "archivedAt" IS NULL) qs
  CROSS JOIN LATERAL generate_series(1, p.n) g
  CROSS JOIN LATERAL (SELECT random() AS r, now() - interval '365 days' * (1 - g::float8 / p.n) - interval '5 minutes' AS t) x`;

// One card per learner and question; its counters follow from how many of the learner's reviews hit it.
const cardSql = (from: number, to: number, scale: number) => `
  INSERT INTO "Card" ("learnerId", "questionId", due, stability, difficulty, "elapsedDays", "scheduledDays", "learningSteps", reps, lapses, state, "lastReview", "seenHash", "createdAt", "updatedAt")
  SELECT p.id, qs.ids[i + 1],
         CASE WHEN c = 0 THEN now() ELSE now() + interval '1 day' * (r * 40 - 8) END,
         CASE WHEN c = 0 THEN 0 ELSE 1 + r * 40 END, CASE WHEN c = 0 THEN 0 ELSE 1 + r * 9 END,
         0, CASE WHEN c = 0 THEN 0 ELSE (r * 40)::int END, 0, c, c / 10,
         CASE WHEN c = 0 THEN 0 WHEN r < 0.04 THEN 1 WHEN r < 0.07 THEN 3 ELSE 2 END,
         CASE WHEN c = 0 THEN NULL ELSE now() - interval '1 day' * r * 30 END, CASE WHEN c = 0 THEN NULL ELSE h."contentHash" END,
         now() - interval '400 days', now()
  FROM (SELECT id, shift, CASE WHEN k = 0 THEN n ELSE greatest(1, round(n * ${scale}))::int END AS n FROM scale_plan WHERE k BETWEEN ${from} AND ${to}) p
  CROSS JOIN (SELECT array_agg(id ORDER BY id) AS ids, count(*)::int AS n FROM "Question" WHERE "archivedAt" IS NULL) qs
  CROSS JOIN LATERAL generate_series(0, qs.n - 1) i
  CROSS JOIN LATERAL (SELECT ((i - p.shift) % qs.n + qs.n) % qs.n AS idx, random() AS r) y
  CROSS JOIN LATERAL (SELECT CASE WHEN y.idx < p.n THEN (p.n - y.idx - 1) / qs.n + 1 ELSE 0 END AS c) z
  JOIN "Question" h ON h.id = qs.ids[i + 1]`;

let scale = 1;
let reviews = 0;
let cards = 0;
let chunkNo = 0;
for (let from = 0; from < LEARNERS; from += CHUNK) {
  const to = Math.min(LEARNERS, from + CHUNK) - 1;
  const t = Date.now();
  reviews += (await q(reviewSql(from, to, scale))).rowCount ?? 0;
  cards += (await q(cardSql(from, to, scale))).rowCount ?? 0;
  chunkNo++;
  const elapsed = Date.now() - started;
  const left = Math.ceil((LEARNERS - to - 1) / CHUNK);
  // Keep ~35% of the budget for rebuilding indexes; shrink the remaining learners' logs if needed.
  if (left > 0) {
    const perChunk = (Date.now() - t) / Math.max(scale, 0.02);
    const remaining = BUDGET_MS * 0.65 - elapsed;
    const want = Math.min(1, Math.max(0.02, remaining / (left * perChunk)));
    if (want < scale * 0.9 || want > scale * 1.1) scale = want;
  }
  if (chunkNo % 4 === 0 || left === 0) log(`learners ≤ ${to}: ${reviews.toLocaleString("en")} reviews, ${cards.toLocaleString("en")} cards (review scale now ${scale.toFixed(2)})`);
}
await q(`DROP TABLE scale_plan`);
for (const i of indexes) {
  const t = Date.now();
  await q(i.indexdef);
  log(`rebuilt ${i.indexname} in ${((Date.now() - t) / 1000).toFixed(0)} s`);
}
for (const f of fks) await q(`ALTER TABLE ${f.tbl} ADD CONSTRAINT "${f.conname}" ${f.def}`);
log("foreign keys restored; VACUUM ANALYZE (sets the visibility map for index-only scans)");
await q(`VACUUM ANALYZE "Card"`);
await q(`VACUUM ANALYZE "ReviewLog"`);
await q(`VACUUM ANALYZE "Learner"`);
const size = (await q(`SELECT pg_size_pretty(pg_database_size(current_database())) AS s`)).rows[0].s;
log(`done: ${LEARNERS.toLocaleString("en")} learners, ${cards.toLocaleString("en")} cards, ${reviews.toLocaleString("en")} reviews, database ${size}`);
await client.end();
