// Sibling burying (Anki's "bury review/new siblings"): questions that test the same concept share a
// concept key on their Question row (lib/content/siblings.ts computes it at ingest). Grading one buries
// its siblings that would come up before the next day; the queue skips any card whose concept another
// question was reviewed under today, which also covers new siblings that have no card row to bury.
// Every query is bounded by the learner and the concept key (an indexed column); the only id lists are
// one sibling group's, which the content check caps at MAX_SIBLING_GROUP.
import { z } from "zod";
import { Prisma } from "../generated/prisma/client";
import type { Db } from "../db/client";
import { MAX_SIBLING_GROUP } from "../content/siblings";
import { questionIdSchema } from "./rules";
import type { Bury } from "./review-write";

type Tx = Omit<Db, "$connect" | "$disconnect" | "$on" | "$transaction" | "$extends">;

export interface SiblingBury {
  /** Value for ReviewLog.buriedSiblings: the ids this answer buries (JSON), or null for none. */
  column: string | null;
  /**
   * The cards to bury (at most MAX_SIBLING_GROUP) and until when, or null for none: every writer of an
   * answer buries them with it (lib/quiz/review-write.ts), in the same transaction as its log row and card.
   */
  bury: Bury | null;
}

const NONE: SiblingBury = { column: null, bury: null };

/**
 * What grading a question buries, given the siblings to bury (lib/quiz/card-reads.ts siblingsToBury
 * reads them: the learner's new and review cards of the same concept that are due before the next day
 * begins, not suspended and not already buried; read before the write so the log row can name them for undo).
 */
export function siblingBury(ids: string[], until: Date): SiblingBury {
  if (ids.length === 0) return NONE;
  return { column: JSON.stringify(ids), bury: { ids: ids.slice(0, MAX_SIBLING_GROUP), until } };
}

// The column may come from an imported file: parsed, never trusted; a bad value unburies nothing.
const buriedSchema = z.array(questionIdSchema).max(MAX_SIBLING_GROUP * 4);

/** Undo of an answer: its buried siblings come back (they were unburied before it, or it would not have buried them). */
export async function unburySiblings(tx: Tx, learnerId: string, column: string | null): Promise<void> {
  if (!column) return;
  let ids: string[];
  try {
    const parsed = buriedSchema.safeParse(JSON.parse(column));
    if (!parsed.success) return;
    ids = parsed.data;
  } catch (err) {
    if (err instanceof SyntaxError) return;
    throw err;
  }
  if (ids.length) await tx.card.updateMany({ where: { learnerId, questionId: { in: ids } }, data: { buriedUntil: null } });
}

/**
 * For the queue: the rows the sibling rule needs, as a select list of ("questionId", "concept",
 * "reviewed") for lib/quiz/card-reads.ts queueReads, which runs it in one statement with the queue's
 * other reads. The rule (siblingRule below): a question not reviewed today whose concept another
 * question was reviewed under today (since `dayStart`) is skipped. A card already reviewed today keeps
 * its learning steps: the rule keeps a second card of a concept from starting, not the first from
 * finishing. The rows: the questions of every concept reviewed today (a range on the learner's log,
 * then the concept index), each marked if it was itself reviewed today.
 */
export function sameDaySiblingRows(learnerId: string, dayStart: Date): Prisma.Sql {
  return Prisma.sql`
    SELECT s."id" AS "questionId", s."concept" AS "concept",
      CASE WHEN EXISTS (SELECT 1 FROM "ReviewLog" r WHERE r."learnerId" = ${learnerId} AND r."questionId" = s."id" AND r."reviewedAt" >= ${dayStart}) THEN 1 ELSE 0 END AS "reviewed"
    FROM "Question" s
    WHERE s."concept" IN (
      SELECT q."concept" FROM "ReviewLog" r JOIN "Question" q ON q."id" = r."questionId"
      WHERE r."learnerId" = ${learnerId} AND r."reviewedAt" >= ${dayStart} AND q."concept" IS NOT NULL)`;
}

/** The sibling rule over sameDaySiblingRows' rows: true for a question the queue must skip today. */
export function siblingRule(rows: { questionId: string; concept: string; reviewed: boolean }[]): (questionId: string) => boolean {
  if (rows.length === 0) return () => false;
  const conceptOf = new Map<string, string>();
  const seenUnder = new Set<string>();
  const reviewed = new Set<string>();
  for (const r of rows) {
    conceptOf.set(r.questionId, r.concept);
    if (r.reviewed) {
      seenUnder.add(r.concept);
      reviewed.add(r.questionId);
    }
  }
  return (questionId) => {
    const key = conceptOf.get(questionId);
    return !!key && seenUnder.has(key) && !reviewed.has(questionId);
  };
}
