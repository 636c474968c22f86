import type { Db } from "./client";
import { providerOf } from "./client";

// Concurrency across app instances. SQLite needs none of this: it runs one writer at a time, and one
// instance owns the file. On PostgreSQL at READ COMMITTED, several instances write at once, so:
//
// - Every write of a learner's study state (review, undo, study controls, import) first takes that
//   learner's row lock, SELECT … FOR UPDATE on "Learner". Writes of one learner then run one after
//   another, and a check made inside the transaction ("only the latest answer can be undone", "is this
//   review id stored") cannot be invalidated by another instance before commit. Different learners
//   never wait for each other, and one learner's own requests are sequential in practice, so the lock
//   is uncontended unless the same learner really races (two tabs, a retried request).
//   We chose this over SERIALIZABLE-with-retry (every transaction may fail and must be replayed, and
//   the review write reads before its transaction and cannot re-run those reads) and over a version column alone (undo
//   restores a row wholesale and needs the "latest answer" check to hold until commit). The review
//   write also stays conditional on the card's updatedAt (lib/quiz/review.ts), which is what keeps a
//   review computed from a stale read from landing.
// - The question sync (ingest at every instance's start) takes a transaction-scoped advisory lock, so two
//   instances starting together do not both insert the same new question ids.
//
// Both are `$executeRaw` (the rows are not needed, and @prisma/adapter-pg cannot map `void`).

type Tx = Pick<Db, "$executeRaw">;

/** Inside an interactive transaction: the learner's row lock, held to the end of the transaction (PostgreSQL only). */
export async function lockLearner(db: Db, tx: Tx, learnerId: string): Promise<void> {
  if (providerOf(db) === "postgresql") await tx.$executeRaw`SELECT 1 FROM "Learner" WHERE id = ${learnerId} FOR UPDATE`;
}

/** The same lock as a statement to put first in a batch transaction (`$transaction([...])`); none on SQLite. */
export function learnerLockStatements(db: Db, learnerId: string) {
  return providerOf(db) === "postgresql" ? [db.$executeRaw`SELECT 1 FROM "Learner" WHERE id = ${learnerId} FOR UPDATE`] : [];
}

/** Serializes question syncs across instances (PostgreSQL); nothing to do on SQLite. */
export async function lockQuestionSync(db: Db, tx: Tx): Promise<void> {
  if (providerOf(db) === "postgresql") await tx.$executeRaw`SELECT 1 FROM pg_advisory_xact_lock(74001)`;
}
