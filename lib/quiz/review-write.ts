// The review write's statements as plain SQL, for the reason lib/quiz/card-reads.ts gives (each model
// call costs a compile step, and a model write more than a read). They keep the model API's guarantees that submitReview relies on:
// - a duplicate primary key still fails the statement (a retried review id is a replay);
// - the card update is conditional on the updatedAt it was computed from, and matching no row throws
//   CardConflict, which rolls the transaction back like the model API's P2025 did;
// - @updatedAt and @default(now()) are set here, since only the model API fills them.
// Date and boolean parameters are stored by the driver adapters exactly as the model API stores them.
import { Prisma } from "../generated/prisma/client";
import type { Db } from "../db/client";
import { directTransaction, type RunStatement, type SqliteConnection } from "../db/sqlite-adapter";
import { UniqueViolation } from "../db/unique-violation";

type Writer = Pick<Db, "$executeRaw">;
type Value = string | number | boolean | Date | null;

/** The card changed between the read and the write: grade again from a fresh read. */
export class CardConflict extends Error {
  constructor() {
    super("the card changed while this answer was being graded");
  }
}

export { UniqueViolation };

/** A raw statement failed on a unique key (the model API reports this as P2002). */
export function isUniqueViolation(err: unknown): boolean {
  if (err instanceof UniqueViolation) return true;
  if (!(err instanceof Prisma.PrismaClientKnownRequestError) || err.code !== "P2010") return false;
  const cause = (err.meta as { driverAdapterError?: { cause?: { kind?: string } } } | undefined)?.driverAdapterError?.cause;
  return cause?.kind === "UniqueConstraintViolation";
}

// Column names come from this module's callers (fixed object literals), never from input.
const column = (name: string) => Prisma.raw(`"${name}"`);
const clean = (row: Record<string, Value | undefined>) => Object.entries(row).map(([k, v]) => [k, v === undefined ? null : v] as const);

async function insert(c: Writer, table: string, row: Record<string, Value | undefined>): Promise<void> {
  const entries = clean(row);
  await c.$executeRaw`INSERT INTO ${column(table)} (${Prisma.join(entries.map(([k]) => column(k)))}) VALUES (${Prisma.join(entries.map(([, v]) => v))})`;
}

export interface LogRow {
  id: string;
  learnerId: string;
  questionId: string;
  rating: number;
  state: number;
  due: Date;
  stability: number;
  difficulty: number;
  elapsedDays: number;
  lastElapsedDays: number;
  scheduledDays: number;
  learningSteps: number;
  reviewedAt: Date;
  durationMs?: number | null;
  prevCard: string | null;
  buriedSiblings: string | null;
}

/** The answer's log row; fails with a unique violation when this review id is stored. */
export const insertLog = (c: Writer, row: LogRow) => insert(c, "ReviewLog", { ...row, createdAt: new Date() });

export type CardData = Record<string, Value | undefined>;

/** A first card for this learner and question; fails with a unique violation if one appeared meanwhile. */
export function insertCard(c: Writer, learnerId: string, questionId: string, data: CardData): Promise<void> {
  const at = new Date();
  return insert(c, "Card", { learnerId, questionId, ...data, createdAt: at, updatedAt: at });
}

/** The card as computed from the row last updated at `seen`; CardConflict when it changed since. */
/** The SET list of a card update, with @updatedAt set by hand (only the model API sets it). */
const setClause = (data: CardData, at: Date) => Prisma.join(clean({ ...data, updatedAt: at }).map(([k, v]) => Prisma.sql`${column(k)} = ${v}`));

export async function updateCard(c: Writer, learnerId: string, questionId: string, seen: Date, data: CardData): Promise<void> {
  const set = setClause(data, new Date());
  const n = await c.$executeRaw`UPDATE "Card" SET ${set} WHERE "learnerId" = ${learnerId} AND "questionId" = ${questionId} AND "updatedAt" = ${seen}`;
  if (n !== 1) throw new CardConflict();
}

// PostgreSQL types of the log's columns, for the one-statement write below: its values go through a
// SELECT, where a parameter has no column to take its type from.
const LOG_TYPES: Record<keyof LogRow | "createdAt", string> = {
  id: "text",
  learnerId: "text",
  questionId: "text",
  rating: "integer",
  state: "integer",
  due: "timestamp(3)",
  stability: "double precision",
  difficulty: "double precision",
  elapsedDays: "integer",
  lastElapsedDays: "integer",
  scheduledDays: "integer",
  learningSteps: "integer",
  reviewedAt: "timestamp(3)",
  durationMs: "integer",
  prevCard: "text",
  buriedSiblings: "text",
  createdAt: "timestamp(3)",
};

// The same for the card's columns, when a first answer inserts the card.
const CARD_TYPES: Record<keyof typeof Prisma.CardScalarFieldEnum, string> = {
  learnerId: "text",
  questionId: "text",
  due: "timestamp(3)",
  stability: "double precision",
  difficulty: "double precision",
  elapsedDays: "integer",
  scheduledDays: "integer",
  learningSteps: "integer",
  reps: "integer",
  lapses: "integer",
  state: "integer",
  lastReview: "timestamp(3)",
  seenHash: "text",
  buriedUntil: "timestamp(3)",
  suspended: "boolean",
  flagged: "boolean",
  leech: "boolean",
  createdAt: "timestamp(3)",
  updatedAt: "timestamp(3)",
};

/** `SELECT`-able values with their column types, and the column list they go to. */
function typed(row: Record<string, Value | undefined>, types: Record<string, string>) {
  const entries = clean(row);
  for (const [k] of entries) if (!(k in types)) throw new Error(`no PostgreSQL type for column "${k}"`);
  return {
    columns: Prisma.join(entries.map(([k]) => column(k))),
    values: Prisma.join(entries.map(([k, v]) => Prisma.sql`${v}::${Prisma.raw(types[k])}`)),
  };
}

/**
 * PostgreSQL only: an answer written as one statement, which is its own transaction. It takes the
 * learner's row lock (lib/db/locks.ts); then, for a card the learner has (`seen` is when it was last
 * updated), updates it only if it is still that row, or, for a first answer (`seen` null), inserts it;
 * and it inserts the log row only if the card was written, so both are written or neither. A stored
 * review id fails the log insert and with it the whole statement, and so does a card inserted meanwhile
 * (a unique violation, as with insertCard). Against the interactive transaction (BEGIN, lock, insert,
 * update, COMMIT) this saves four round trips. Throws CardConflict when the card changed since `seen`
 * (or the learner row is gone): nothing was written.
 */
export async function writeAnswer(c: Writer, learnerId: string, questionId: string, seen: Date | null, data: CardData, log: LogRow): Promise<void> {
  const at = new Date();
  const logRow = typed({ ...log, createdAt: at }, LOG_TYPES);
  let card: Prisma.Sql;
  if (seen) {
    card = Prisma.sql`UPDATE "Card" SET ${setClause(data, at)}
      WHERE "learnerId" = ${learnerId} AND "questionId" = ${questionId} AND "updatedAt" = ${seen} AND EXISTS (SELECT 1 FROM "lock")
      RETURNING 1`;
  } else {
    const row = typed({ learnerId, questionId, ...data, createdAt: at, updatedAt: at }, CARD_TYPES);
    card = Prisma.sql`INSERT INTO "Card" (${row.columns}) SELECT ${row.values} FROM "lock" RETURNING 1`;
  }
  const n = await c.$executeRaw`
    WITH "lock" AS (SELECT 1 FROM "Learner" WHERE "id" = ${learnerId} FOR UPDATE), "card" AS (${card})
    INSERT INTO "ReviewLog" (${logRow.columns}) SELECT ${logRow.values} FROM "card"`;
  if (n !== 1) throw new CardConflict();
}

// Values bound as @prisma/adapter-better-sqlite3 6.19 binds them (its mapArg, default iso8601 timestamps),
// so a row written here is stored exactly as a Prisma write stores it, and a later `"updatedAt" = ?`
// through Prisma still matches (test/integration/review-write.test.ts reads such rows back both ways).
function sqliteValue(v: unknown): unknown {
  if (v === null || v === undefined) return null;
  if (typeof v === "boolean") return v ? 1 : 0;
  if (v instanceof Date) return v.toISOString().replace("Z", "+00:00");
  return v;
}

const isSqliteUnique = (err: unknown) => {
  const code = (err as { code?: unknown } | null)?.code;
  return code === "SQLITE_CONSTRAINT_PRIMARYKEY" || code === "SQLITE_CONSTRAINT_UNIQUE";
};

/** The Writer the statements above need, running each on the connection as it comes. */
function directWriter(run: RunStatement): Writer {
  const exec = (first: TemplateStringsArray | Prisma.Sql, ...values: unknown[]) => {
    const q = first instanceof Prisma.Sql ? first : Prisma.sql(first, ...(values as Prisma.Sql[]));
    try {
      return Promise.resolve(run(q.sql, q.values.map(sqliteValue)));
    } catch (err) {
      return Promise.reject(isSqliteUnique(err) ? new UniqueViolation() : err);
    }
  };
  return { $executeRaw: exec as unknown as Writer["$executeRaw"] };
}

/**
 * SQLite's counterpart of writeAnswer: the log row, then the card (updated if still the row last updated
 * at `seen`, or inserted when `seen` is null), as one transaction on the connection itself rather than a
 * Prisma interactive transaction, which cost more than the statements in it (lib/db/sqlite-adapter.ts).
 * The same statements as the transactional path, so the same guarantees: a stored review id, a changed
 * card or a card inserted meanwhile throws, and neither row is written.
 */
export function writeAnswerOnConnection(c: SqliteConnection, learnerId: string, questionId: string, seen: Date | null, data: CardData, log: LogRow): Promise<void> {
  return directTransaction(c, async (run) => {
    const w = directWriter(run);
    await insertLog(w, log);
    if (seen) await updateCard(w, learnerId, questionId, seen, data);
    else await insertCard(w, learnerId, questionId, data);
  });
}
