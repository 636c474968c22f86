import type { Db } from "./client";
import { lockQuestionSync } from "./locks";

const CHUNK = 500;

export interface QuestionRow {
  id: string;
  topic: string;
  difficulty: string;
  chapter: string;
  hash: string;
  /** The sibling group's concept key (lib/content/siblings.ts); null or absent without siblings. */
  concept?: string | null;
}

export interface SyncReport {
  inserted: number;
  updated: number;
  archived: number;
  restored: number;
  unchanged: number;
}

/**
 * Mirrors content question ids into the database in one transaction: new → insert, changed → update,
 * gone → archive. Sibling concept keys are written with the rows, so a group is never half-updated. Learner rows (cards, reviews) are never touched, so progress survives any content PR.
 */
export async function syncQuestions(db: Db, questions: QuestionRow[], now = new Date()): Promise<SyncReport> {
  const report: SyncReport = { inserted: 0, updated: 0, archived: 0, restored: 0, unchanged: 0 };
  await db.$transaction(async (tx) => {
    // Two instances starting at once would both insert the same new ids: the second waits, then sees them.
    await lockQuestionSync(db, tx);
    // Only the compared columns: the timestamps' Date mapping was most of this read's ~20 ms.
    const rows = await tx.question.findMany({ select: { id: true, topic: true, difficulty: true, chapter: true, contentHash: true, concept: true, archivedAt: true } });
    const existing = new Map(rows.map((q) => [q.id, q]));
    const toInsert: { id: string; topic: string; difficulty: string; chapter: string; contentHash: string; concept: string | null }[] = [];
    for (const q of questions) {
      const row = existing.get(q.id);
      const data = { topic: q.topic, difficulty: q.difficulty, chapter: q.chapter, contentHash: q.hash, concept: q.concept ?? null };
      if (!row) {
        toInsert.push({ id: q.id, ...data });
        continue;
      }
      existing.delete(q.id);
      const changed = row.topic !== q.topic || row.difficulty !== q.difficulty || row.chapter !== q.chapter || row.contentHash !== q.hash || row.concept !== data.concept;
      if (!changed && !row.archivedAt) {
        report.unchanged++;
        continue;
      }
      // A new hash makes the learners' cards of it "changed since seen": the queue finds those from here.
      const changedAt = row.contentHash !== q.hash ? { changedAt: now } : {};
      await tx.question.update({ where: { id: q.id }, data: { ...data, archivedAt: null, ...changedAt } });
      if (row.archivedAt) report.restored++;
      else report.updated++;
    }
    if (toInsert.length) report.inserted = (await tx.question.createMany({ data: toInsert })).count;
    const gone = [...existing.values()].filter((q) => !q.archivedAt).map((q) => q.id);
    // In chunks: one `IN (...)` over every removed id grows with the content until SQLite refuses it.
    for (let i = 0; i < gone.length; i += CHUNK) {
      report.archived += (await tx.question.updateMany({ where: { id: { in: gone.slice(i, i + CHUNK) } }, data: { archivedAt: now } })).count;
    }
  }, { timeout: 60_000, maxWait: 60_000 });
  return report;
}
