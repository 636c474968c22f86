// The statistics page's work (getStats: its queries and its bucketing) for a learner with 20,000 reviews
// over the heatmap's half year and a card for every question, in a time zone as real learners have.
import Database from "better-sqlite3";
import type { Db } from "../lib/db/client";
import { Rating, State } from "../lib/quiz/enums";
import { getStats } from "../lib/quiz/stats";

const LEARNER = "bench-learner-stats-00000000";
const DAY = 86_400_000;
// The adapter's own DateTime format, so that the app reads these rows as it reads its own.
const iso = (d: Date) => d.toISOString().replace("Z", "+00:00");

export async function benchStats(db: Db, dbFile: string, questions: Map<string, string>, now: Date, log: (line: string) => void) {
  const raw = new Database(dbFile);
  const ids = [...questions.keys()];
  // A fixed generator: the same population on every run.
  let seed = 42;
  const rand = () => ((seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31);
  raw.transaction(() => {
    raw.prepare(`INSERT OR IGNORE INTO "Learner" (id) VALUES (?)`).run(LEARNER);
    const card = raw.prepare(`INSERT INTO "Card" (learnerId, questionId, due, stability, difficulty, elapsedDays, scheduledDays, learningSteps, reps, lapses, state, lastReview, updatedAt)
      VALUES (?, ?, ?, 10, 5, 3, 10, 0, 8, 1, ?, ?, ?)`);
    for (const q of ids) card.run(LEARNER, q, iso(new Date(now.getTime() + Math.floor(rand() * 60) * DAY)), rand() < 0.9 ? State.Review : State.Relearning, iso(now), iso(now));
    const review = raw.prepare(`INSERT INTO "ReviewLog" (id, learnerId, questionId, rating, state, due, stability, difficulty, elapsedDays, lastElapsedDays, scheduledDays, learningSteps, reviewedAt)
      VALUES (?, ?, ?, ?, ?, ?, 10, 5, 3, 2, 10, 0, ?)`);
    // Daily sessions of ~110 answers twelve seconds apart, in the evening UTC, over 182 days.
    let n = 0;
    for (let d = 182; d >= 1; d--) {
      const start = now.getTime() - d * DAY + 18 * 3_600_000;
      for (let i = 0; i < 110 && n < 20_000; i++, n++) {
        const at = new Date(start + i * 12_000);
        const state = rand() < 0.75 ? State.Review : rand() < 0.5 ? State.Learning : State.New;
        review.run(`bench-stats-${n}`, LEARNER, ids[n % ids.length], rand() < 0.12 ? Rating.Again : Rating.Good, state, iso(at), iso(at));
      }
    }
  })();
  raw.close();
  const out: Record<string, { p50: number; p95: number }> = {};
  for (const tz of ["Europe/Berlin", undefined]) {
    const times: number[] = [];
    for (let i = 0; i < 25; i++) {
      const t = performance.now();
      await getStats(db, LEARNER, questions, now, tz);
      times.push(performance.now() - t);
    }
    times.sort((a, b) => a - b);
    const r = { p50: Math.round(times[12] * 10) / 10, p95: Math.round(times[23] * 10) / 10 };
    out[tz ?? "none"] = r;
    log(`/stats (getStats) for a learner with 20,000 reviews and ${ids.length} cards, zone ${tz ?? "none"}: p50 ${r.p50} ms, p95 ${r.p95} ms (25 runs)`);
  }
  return out;
}
