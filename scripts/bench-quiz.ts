// The quiz's two hot paths on a synthetic population, without the content ingest that makes
// `npm run bench` take minutes: the review write and the due queue, next to the floor that Prisma
// itself sets (a one-row primary-key read) and the number of SQL statements each path issues, through
// Prisma or on PostgreSQL's pool beside it (lib/db/pg-direct.ts); on SQLite a common answer's own write
// transaction runs beside Prisma and is not counted.
// Prints timings; no pass/fail.
//
//   npx tsx scripts/bench-quiz.ts            SQLite (temp file)
//   BENCH_PG_URL=postgresql://… npx tsx scripts/bench-quiz.ts   PostgreSQL (creates and drops a database)
//   … --json                                 one JSON object on the last line
import crypto from "node:crypto";
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { createDb, type Db } from "../lib/db/client";
import { directStatements } from "../lib/db/pg-direct";
import { Rating, State } from "../lib/quiz/enums";
import { nextCard } from "../lib/quiz/queue";
import { submitReview } from "../lib/quiz/review";
import { DEFAULT_LEARNER_SETTINGS } from "../lib/quiz/settings";
import { DAY_MS } from "../lib/quiz/rules";
import { cardToRow, recordToLogRow } from "../lib/quiz/card-mapper";
import { newCard, review } from "../lib/quiz/scheduler";

const QUESTIONS = 1154;
const RUNS = 300;
const pct = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))];
const r3 = (n: number) => Math.round(n * 1000) / 1000;
const stats = (xs: number[]) => ({ min: r3(Math.min(...xs)), p50: r3(pct(xs, 50)), p95: r3(pct(xs, 95)) });
const fmt = (s: ReturnType<typeof stats>) => `min ${s.min.toFixed(3)} ms  p50 ${s.p50.toFixed(3)} ms  p95 ${s.p95.toFixed(3)} ms`;

const pgUrl = process.env.BENCH_PG_URL;
let statements = 0;
let db: Db;
let cleanup = () => {};
let sqliteFile: string | null = null;
const migrate = (env: Record<string, string>) => execFileSync(process.execPath, ["node_modules/prisma/build/index.js", "migrate", "deploy"], { env: { ...process.env, ...env }, stdio: "ignore" });
const log = [{ emit: "event" as const, level: "query" as const }];
if (pgUrl) {
  const name = `bench_quiz_${process.pid}`;
  const admin = new URL(pgUrl);
  const url = Object.assign(new URL(pgUrl), { pathname: `/${name}` }).toString();
  execFileSync("psql", [admin.toString(), "-qAtc", `CREATE DATABASE "${name}"`]);
  migrate({ DATABASE_URL: url });
  db = createDb(url, { log });
  cleanup = () => execFileSync("psql", [admin.toString(), "-qAtc", `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`]);
} else {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "bench-quiz-"));
  migrate({ DATA_DIR: dir, DATABASE_URL: "" });
  // As the app's migrate script and `npm run bench` do: without WAL every commit rewrites a journal file.
  sqliteFile = path.join(dir, "app.db");
  const file = new Database(sqliteFile);
  file.pragma("journal_mode = WAL");
  file.close();
  // The app's own client (createDb), so the review write takes the same paths as in the app.
  db = createDb(sqliteFile, { log });
  cleanup = () => fs.rmSync(dir, { recursive: true, force: true });
}
(db as unknown as { $on: (e: "query", f: () => void) => void }).$on("query", () => statements++);

async function timed(n: number, fn: (i: number) => Promise<unknown>): Promise<{ times: number[]; perCall: number }> {
  const times: number[] = [];
  const before = statements + directStatements();
  for (let i = 0; i < n; i++) {
    const t = performance.now();
    await fn(i);
    times.push(performance.now() - t);
  }
  return { times, perCall: (statements + directStatements() - before) / n };
}

// Questions: every third one in a sibling pair (concept key), as real content has some.
// Frozen, as the app's deck arrays are (lib/quiz/decks.ts deckCardIds): the queue then reuses its Set of them.
const ids = Object.freeze(Array.from({ length: QUESTIONS }, (_, i) => `bench-q-${String(i).padStart(4, "0")}`));
const hashes = new Map(ids.map((id) => [id, `h-${id}`]));
await db.question.createMany({
  data: ids.map((id, i) => ({ id, topic: `t${i % 12}`, difficulty: "medium", chapter: `c${i % 30}`, contentHash: hashes.get(id)!, concept: i % 3 === 0 ? ids[i - (i % 6)] : null })),
});

const now = new Date();
// A full learner: a card for every question, spread as a learner some months in looks (most reviews
// not yet due, a tenth due today or overdue, a few in learning).
async function seedLearner(learnerId: string, cards: number) {
  await db.learner.create({ data: { id: learnerId } });
  const rows = ids.slice(0, cards).map((questionId, i) => {
    const kind = i % 20;
    const state = kind === 0 ? State.Learning : kind === 1 ? State.Relearning : State.Review;
    const offsetDays = kind < 2 ? 0.005 * ((i % 7) - 3) : kind < 4 ? -((i % 9) + 0.5) : ((i * 7919) % 90) + 0.5;
    return {
      learnerId, questionId, state, due: new Date(now.getTime() + offsetDays * DAY_MS), stability: 5 + (i % 40), difficulty: 3 + (i % 6), elapsedDays: 3,
      scheduledDays: 10, learningSteps: 0, reps: 4, lapses: i % 5, lastReview: new Date(now.getTime() - 3 * DAY_MS), seenHash: hashes.get(questionId)!,
    };
  });
  for (let i = 0; i < rows.length; i += 200) await db.card.createMany({ data: rows.slice(i, i + 200) });
}
await seedLearner("bench-full", QUESTIONS);
await seedLearner("bench-part", 300);

const out: Record<string, unknown> = { provider: pgUrl ? "postgresql" : "sqlite", cores: os.cpus().length, node: process.version, load1: r3(os.loadavg()[0]) };
const print = (label: string, r: { times: number[]; perCall: number }) => {
  const s = stats(r.times);
  console.log(`${label.padEnd(58)} ${fmt(s)}  ${r.perCall.toFixed(1)} statements`);
  return { ...s, statements: r3(r.perCall) };
};

// The floor: one primary-key read of one row through Prisma, and a round trip with no table at all.
await timed(50, () => db.learner.findUnique({ where: { id: "bench-full" } }));
out.floorFindUnique = print("floor: learner.findUnique (one row by primary key)", await timed(RUNS, () => db.learner.findUnique({ where: { id: "bench-full" } })));
out.floorSelect1 = print("floor: $queryRaw SELECT 1", await timed(RUNS, () => db.$queryRaw`SELECT 1`));

// Review writes. First answers (new cards, as `npm run bench` does) and later answers of review cards
// (load balancing applies: the card is in Review with an interval in the balanced range).
const settings = DEFAULT_LEARNER_SETTINGS;
await db.learner.create({ data: { id: "bench-writer" } });
out.reviewNew = print("review write, new card (submitReview, no settings)", await timed(RUNS, (i) => submitReview(db, "bench-writer", { reviewId: crypto.randomUUID(), questionId: ids[i], rating: Rating.Good }, now)));
out.reviewNewFacade = print(
  "review write, new card (settings known, as the facade)",
  await timed(RUNS, (i) => submitReview(db, "bench-writer", { reviewId: crypto.randomUUID(), questionId: ids[RUNS + i], rating: Rating.Good }, now, { settings, learnerExists: true })),
);
const due = ids.filter((_, i) => i % 20 === 2 || i % 20 === 3).slice(0, 100);
out.reviewDue = print(
  "review write, due review card, balanced (settings known)",
  await timed(due.length, (i) => submitReview(db, "bench-full", { reviewId: crypto.randomUUID(), questionId: due[i], rating: Rating.Good }, now, { settings, learnerExists: true })),
);

// The due queue as the facade calls it (settings and hashes known), all questions in the deck.
const queue = (learnerId: string) => () => nextCard(db, learnerId, ids, now, { settings, hashes, tz: "UTC" });
await timed(20, queue("bench-full"));
out.queueFull = print(`queue: nextCard, learner with ${QUESTIONS} cards`, await timed(RUNS, queue("bench-full")));
out.queuePart = print("queue: nextCard, learner with 300 cards (new cards left)", await timed(RUNS, queue("bench-part")));
const sample = await nextCard(db, "bench-full", ids, now, { settings, hashes, tz: "UTC" });
out.queueFullCounts = sample.counts;
console.log(`queue counts (full learner): ${JSON.stringify(sample.counts)}, next ${sample.card?.questionId}`);

await db.$disconnect();

// SQLite only: the same first-answer transaction as `npm run bench` writes it in raw better-sqlite3, so
// the Prisma / raw ratio comes from the same file and the same minute as the Prisma figures above.
if (sqliteFile) {
  const raw = new Database(sqliteFile);
  raw.prepare(`INSERT OR IGNORE INTO "Learner" (id) VALUES (?)`).run("bench-raw");
  const findLog = raw.prepare(`SELECT id FROM "ReviewLog" WHERE "learnerId" = ? AND id = ?`);
  const findCard = raw.prepare(`SELECT * FROM "Card" WHERE "learnerId" = ? AND "questionId" = ?`);
  const insertCard = raw.prepare(`INSERT INTO "Card" ("learnerId", "questionId", due, stability, difficulty, "elapsedDays", "scheduledDays", "learningSteps", reps, lapses, state, "lastReview", "updatedAt")
    VALUES (@learnerId, @questionId, @due, @stability, @difficulty, @elapsedDays, @scheduledDays, @learningSteps, @reps, @lapses, @state, @lastReview, @now)`);
  const insertLog = raw.prepare(`INSERT INTO "ReviewLog" (id, "learnerId", "questionId", rating, state, due, stability, difficulty, "elapsedDays", "lastElapsedDays", "scheduledDays", "learningSteps", "reviewedAt")
    VALUES (@id, @learnerId, @questionId, @rating, @state, @due, @stability, @difficulty, @elapsedDays, @lastElapsedDays, @scheduledDays, @learningSteps, @reviewedAt)`);
  const ms = (d: Date | null) => (d ? d.getTime() : null);
  const tx = raw.transaction((questionId: string) => {
    const id = crypto.randomUUID();
    if (findLog.get("bench-raw", id)) return;
    findCard.get("bench-raw", questionId);
    const { card, log: l } = review(newCard(now), Rating.Good, now, { desiredRetention: 0.9 });
    const row = cardToRow(card);
    insertCard.run({ learnerId: "bench-raw", questionId, ...row, due: ms(row.due), lastReview: ms(row.lastReview), now: now.getTime() });
    const lr = recordToLogRow(l);
    insertLog.run({ id, learnerId: "bench-raw", questionId, ...lr, due: ms(lr.due), reviewedAt: ms(lr.reviewedAt) });
  });
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const t = performance.now();
    tx(ids[i]);
    times.push(performance.now() - t);
  }
  raw.close();
  out.reviewRawSqlite = print("review write, new card, raw better-sqlite3 (as npm run bench)", { times, perCall: 4 });
  const a = out.reviewNew as { p50: number; min: number };
  const b = out.reviewRawSqlite as { p50: number; min: number };
  console.log(`Prisma / raw ratio (new card, no settings): p50 ${(a.p50 / b.p50).toFixed(1)}×  min ${(a.min / b.min).toFixed(1)}×`);
}
cleanup();
if (process.argv.includes("--json")) console.log(JSON.stringify(out));
