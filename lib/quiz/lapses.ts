import type { Db } from "../db/client";

export interface LapseRow {
  questionId: string;
  reviews: number;
  lapses: number;
  lapseRate: number;
  learners: number;
  /** Learners for whom this question's card is a leech now (lapsed up to their leech threshold). */
  leeches: number;
}

/**
 * Questions whose learned cards are forgotten most often, across all learners. Only aggregates leave
 * this function: counts per question, never a learner id. A review counts when the card was in the
 * review state before it; a lapse is such a review graded Again.
 */
export async function lapseReport(db: Db, opts: { minReviews?: number; limit?: number } = {}): Promise<LapseRow[]> {
  const minReviews = opts.minReviews ?? 5;
  // One aggregate in the database, not a group per (question, learner) shipped to the process: with
  // 10,000 learners that would be millions of rows. The index on (state, questionId, rating, learnerId)
  // covers it, so PostgreSQL answers with an index-only scan. Plain SQL that SQLite runs unchanged.
  const [rows, leechRows] = await Promise.all([db.$queryRaw<{ questionId: string; reviews: number | bigint; lapses: number | bigint; learners: number | bigint }[]>`
    SELECT "questionId", count(*) AS reviews, sum(CASE WHEN rating = 1 THEN 1 ELSE 0 END) AS lapses, count(DISTINCT "learnerId") AS learners
    FROM "ReviewLog" WHERE state = 2 GROUP BY "questionId" HAVING count(*) >= ${minReviews}`,
    // One row per question that is someone's leech: bounded by the content, not by learners.
    db.$queryRaw<{ questionId: string; n: number | bigint }[]>`SELECT "questionId", count(*) AS n FROM "Card" WHERE "leech" = true GROUP BY "questionId"`,
  ]);
  const leeches = new Map(leechRows.map((r) => [r.questionId, Number(r.n)]));
  return rows
    .map((r) => ({ questionId: r.questionId, reviews: Number(r.reviews), lapses: Number(r.lapses), learners: Number(r.learners), leeches: leeches.get(r.questionId) ?? 0, lapseRate: Number(r.lapses) / Number(r.reviews) }))
    .sort((a, b) => b.lapseRate - a.lapseRate || b.reviews - a.reviews || a.questionId.localeCompare(b.questionId))
    .slice(0, opts.limit ?? 20);
}
