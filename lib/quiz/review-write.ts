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
import { dayCountsSql, type BalancePlan } from "./load-balance";
import { DAY_MS } from "./rules";

type Writer = Pick<Db, "$executeRaw">;
type Reader = Pick<Db, "$queryRaw">;
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

/** The SET list of a card update, with @updatedAt set by hand (only the model API sets it); `exprs` are SQL values. */
const setClause = (data: CardData, at: Date, exprs: Record<string, Prisma.Sql> = {}) =>
  Prisma.join([...clean({ ...data, updatedAt: at }).map(([k, v]) => Prisma.sql`${column(k)} = ${v}`), ...Object.entries(exprs).map(([k, e]) => Prisma.sql`${column(k)} = ${e}`)]);

/** The card as computed from the row last updated at `seen`; CardConflict when it changed since. */
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
function typed(row: Record<string, Value | undefined>, types: Record<string, string>, exprs: Record<string, Prisma.Sql> = {}) {
  const entries = clean(row);
  for (const [k] of [...entries, ...Object.entries(exprs)]) if (!(k in types)) throw new Error(`no PostgreSQL type for column "${k}"`);
  return {
    columns: Prisma.join([...entries.map(([k]) => column(k)), ...Object.keys(exprs).map(column)]),
    values: Prisma.join([...entries.map(([k, v]) => Prisma.sql`${v}::${Prisma.raw(types[k])}`), ...Object.values(exprs)]),
  };
}

/** Siblings an answer buries (lib/quiz/siblings.ts siblingBury): their question ids, until their learner's next day. */
export interface Bury {
  ids: string[];
  until: Date;
}

// @updatedAt by hand, as every raw card write here: a review computed from a sibling's old row must conflict.
// On PostgreSQL the ids go as one array, so the text is the same for any number of siblings (see pickSql).
const buryUpdate = (learnerId: string, bury: Bury, at: Date, pg = false) =>
  Prisma.sql`UPDATE "Card" SET "buriedUntil" = ${bury.until}, "updatedAt" = ${at}
    WHERE "learnerId" = ${learnerId} AND ${pg ? Prisma.sql`"questionId" = ANY(${bury.ids}::text[]) AND EXISTS (SELECT 1 FROM "card")` : Prisma.sql`"questionId" IN (${Prisma.join(bury.ids)})`}`;

/** The siblings' bury as a statement of its own, for an answer written in a transaction. */
export const buryCards = (c: Writer, learnerId: string, bury: Bury) => c.$executeRaw(buryUpdate(learnerId, bury, new Date()));

/** A load-balanced answer's pick, for writeAnswer: the plan, and the interview clamp's latest due date (null: none). */
export interface SqlPick {
  plan: BalancePlan;
  latest: Date | null;
}

/**
 * The CTEs that pick a balanced answer's day inside the write statement: "counts" is the learner's
 * cards due per candidate window (what dayLoads reads), "pick" the candidate pickDay would choose from
 * those counts. The rule, as pickDay has it: the lowest load (count / Easy Days weight), then the day
 * closest to the computed interval, then the shorter one; days of weight 0 are never picked while
 * another candidate is open, and when none is, plain counts decide. Those two cases are settled here,
 * so the statement only divides by a positive weight.
 *
 * The candidates and the windows go as arrays, so the statement's text is the same for every answer
 * and stays one prepared statement per connection (lib/db/pg-statements.ts names at most 200 texts
 * per connection; a list of values here would make one text per range width). A card's window is
 * found with width_bucket over the windows' bounds, which counts a due date the way dayCountsSql's
 * CASE does: in the first window whose end is after it.
 * test/integration/review-pick.test.ts checks the statement's pick against pickDay's on both counts.
 */
function pickSql({ plan }: SqlPick): Prisma.Sql {
  const open = plan.days.candidates.filter((c) => c.weight > 0);
  const cands = open.length ? open : plan.days.candidates.map((c) => ({ ...c, weight: 1 }));
  const { windows } = plan.days;
  // Timestamps as ISO text: pg would write a Date inside an array in the process's zone (see pg-direct.ts).
  const iso = (d: Date) => d.toISOString();
  const bounds = [windows[0].start, ...windows.map((w) => w.end)].map(iso);
  return Prisma.sql`"counts" AS (${dayCountsSql(plan.days, Prisma.sql`width_bucket("due", ${bounds}::timestamp(3)[]) - 1`)}),
    "pick" AS (SELECT c."days", c."due"
      FROM unnest(${cands.map((c) => c.days)}::integer[], ${cands.map((c) => c.bucket)}::integer[], ${cands.map((c) => c.weight)}::double precision[],
        ${cands.map((c) => iso(new Date(plan.now.getTime() + c.days * DAY_MS)))}::timestamp(3)[]) AS c("days", "bucket", "weight", "due")
      LEFT JOIN "counts" n ON n."bucket" = c."bucket"
      ORDER BY COALESCE(n."n", 0) / c."weight", abs(c."days" - ${plan.interval}::integer), c."days" LIMIT 1),`;
}

// The card's due date and interval from the pick; LEAST ignores a null clamp.
const pickedColumns = (pick: SqlPick): Record<string, Prisma.Sql> => ({
  due: Prisma.sql`LEAST((SELECT "due" FROM "pick"), ${pick.latest}::timestamp(3))`,
  scheduledDays: Prisma.sql`(SELECT "days" FROM "pick")`,
});

/**
 * PostgreSQL only: an answer written as one statement, which is its own transaction. It takes the
 * learner's row lock (lib/db/locks.ts); then, for a card the learner has (`seen` is when it was last
 * updated), updates it only if it is still that row, or, for a first answer (`seen` null), inserts it;
 * and it inserts the log row only if the card was written, so both are written or neither. A stored
 * review id fails the log insert and with it the whole statement, and so does a card inserted meanwhile
 * (a unique violation, as with insertCard). Against the interactive transaction (BEGIN, lock, insert,
 * update, COMMIT) this saves four round trips. Throws CardConflict when the card changed since `seen`
 * (or the learner row is gone): nothing was written.
 *
 * With `pick`, load balancing chooses the card's day inside the statement (pickSql) rather than from
 * counts read in a round trip before it: `data`'s due date and interval are replaced by the pick's,
 * and the picked interval (whole days) is returned. Without it, null.
 */
export async function writeAnswer(c: Reader, learnerId: string, questionId: string, seen: Date | null, data: CardData, log: LogRow, pick?: SqlPick, bury: Bury | null = null): Promise<number | null> {
  const at = new Date();
  const logRow = typed({ ...log, createdAt: at }, LOG_TYPES);
  const exprs = pick ? pickedColumns(pick) : {};
  const own = pick ? Object.fromEntries(Object.entries(data).filter(([k]) => !(k in exprs))) : data;
  let card: Prisma.Sql;
  if (seen) {
    card = Prisma.sql`UPDATE "Card" SET ${setClause(own, at, exprs)}
      WHERE "learnerId" = ${learnerId} AND "questionId" = ${questionId} AND "updatedAt" = ${seen} AND EXISTS (SELECT 1 FROM "lock")
      RETURNING "scheduledDays"`;
  } else {
    const row = typed({ learnerId, questionId, ...own, createdAt: at, updatedAt: at }, CARD_TYPES, exprs);
    card = Prisma.sql`INSERT INTO "Card" (${row.columns}) SELECT ${row.values} FROM "lock" RETURNING "scheduledDays"`;
  }
  const rows = await c.$queryRaw<{ days: number }[]>`
    WITH "lock" AS (SELECT 1 FROM "Learner" WHERE "id" = ${learnerId} FOR UPDATE), ${pick ? pickSql(pick) : Prisma.empty}
      "card" AS (${card}),
      "log" AS (INSERT INTO "ReviewLog" (${logRow.columns}) SELECT ${logRow.values} FROM "card" RETURNING 1)${bury?.ids.length ? Prisma.sql`,
      "bury" AS (${buryUpdate(learnerId, bury, at, true)})` : Prisma.empty}
    SELECT "card"."scheduledDays" AS "days" FROM "card", "log"`;
  if (rows.length !== 1) throw new CardConflict();
  return pick ? Number(rows[0].days) : null;
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
export function writeAnswerOnConnection(c: SqliteConnection, learnerId: string, questionId: string, seen: Date | null, data: CardData, log: LogRow, bury: Bury | null = null): Promise<void> {
  return directTransaction(c, async (run) => {
    const w = directWriter(run);
    await insertLog(w, log);
    if (bury?.ids.length) await buryCards(w, learnerId, bury);
    if (seen) await updateCard(w, learnerId, questionId, seen, data);
    else await insertCard(w, learnerId, questionId, data);
  });
}
