// Review-write timings only (the review part of `npm run bench`, without the slow ingest first).
import { execFileSync } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { createDb } from "../lib/db/client";
import { syncQuestions } from "../lib/db/sync-questions";
import { submitReview } from "../lib/quiz/service";

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "bench-review-"));
process.on("exit", () => fs.rmSync(dataDir, { recursive: true, force: true }));
execFileSync(process.execPath, ["node_modules/prisma/build/index.js", "migrate", "deploy"], { env: { ...process.env, DATA_DIR: dataDir }, stdio: "ignore" });
const file = path.join(dataDir, "app.db");
new Database(file).pragma("journal_mode = WAL");
const db = createDb(file);
const ids = Array.from({ length: 400 }, (_, i) => `bench-q-${i}`);
await syncQuestions(db, ids.map((id) => ({ id, topic: "sql", difficulty: "mid", chapter: "c", hash: "h" })));
const now = new Date();
const learner = "bench-learner-prisma-000000";
const times: number[] = [];
for (const round of [0, 1]) {
  for (const questionId of ids) {
    const t = performance.now();
    await submitReview(db, learner, { reviewId: crypto.randomUUID(), questionId, rating: 3 }, new Date(now.getTime() + round * 60_000));
    times.push(performance.now() - t);
  }
}
const s = [...times].sort((a, b) => a - b);
console.log(`review write via Prisma p50 ${s[Math.floor(s.length / 2)].toFixed(2)} ms  p95 ${s[Math.floor(s.length * 0.95)].toFixed(2)} ms (${s.length}: new cards, then updates)`);
await db.$disconnect();
