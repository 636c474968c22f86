import type { Db } from "../db/client";

export interface LapseRow {
  questionId: string;
  reviews: number;
  lapses: number;
  lapseRate: number;
  learners: number;
}

/**
 * Questions whose learned cards are forgotten most often, across all learners. Only aggregates leave
 * this function: counts per question, never a learner id. A review counts when the card was in the
 * review state before it; a lapse is such a review graded Again.
 */
export async function lapseReport(db: Db, opts: { minReviews?: number; limit?: number } = {}): Promise<LapseRow[]> {
  const minReviews = opts.minReviews ?? 5;
  const rows = await db.reviewLog.groupBy({ by: ["questionId", "rating"], where: { state: 2 }, _count: { _all: true } });
  const learners = await db.reviewLog.groupBy({ by: ["questionId", "learnerId"], where: { state: 2 } });
  const perQuestion = new Map<string, LapseRow>();
  for (const r of rows) {
    const row = perQuestion.get(r.questionId) ?? { questionId: r.questionId, reviews: 0, lapses: 0, lapseRate: 0, learners: 0 };
    row.reviews += r._count._all;
    if (r.rating === 1) row.lapses += r._count._all;
    perQuestion.set(r.questionId, row);
  }
  for (const l of learners) perQuestion.get(l.questionId)!.learners++;
  return [...perQuestion.values()]
    .filter((r) => r.reviews >= minReviews)
    .map((r) => ({ ...r, lapseRate: r.lapses / r.reviews }))
    .sort((a, b) => b.lapseRate - a.lapseRate || b.reviews - a.reviews)
    .slice(0, opts.limit ?? 20);
}
