// The quiz's hot statements on PostgreSQL, run on the adapter's own pg pool instead of through
// Prisma's `$queryRaw`. Why: Prisma 6.19 hands each raw statement through its query interpreter, the
// driver adapter (rows as arrays with column types) and back into objects, ~0.3 ms of Node CPU per
// statement plus a per-row cost, and the queue and the review write are nothing but raw statements.
// Measured on this project's 2-core machine, the queue's two statements side by side for a learner
// with 1,623 cards (600 calls, a population like `scripts/bench-quiz.ts`'s): Node CPU per call 2.4-4.5
// ms through Prisma against 1.1-1.4 ms on the pool, p50 2.7-4.5 against 1.9-2.3 ms.
//
// Only a root client has a direct path: a statement inside an interactive transaction must run on that
// transaction's connection, so `directOf(tx)` returns the transaction itself. The values read back are
// the ones `$queryRaw` returns through the adapter (test/integration/pg-direct.test.ts compares them):
// timestamp columns as Dates (stored as UTC, like the adapter's), counts as numbers (callers already
// take number, bigint or string), Json parsed.
import pg from "pg";
import { Prisma } from "../generated/prisma/client";
import type { Db } from "./client";
import { UniqueViolation } from "./unique-violation";

type Reader = Pick<Db, "$queryRaw">;
type Writer = Pick<Db, "$executeRaw">;
/** What the hot paths need of a client: its two raw-statement methods. */
export type Direct = Reader & Writer;

const pools = new WeakMap<object, pg.Pool>();
const directs = new WeakMap<object, Direct>();

/** createDb registers the pool of each PostgreSQL client it opens. */
export function registerPool(client: object, pool: pg.Pool): void {
  pools.set(client, pool);
}

// timestamp(3) without a zone holds UTC (Prisma writes it so): "2026-12-07 18:00:00.123" is that instant.
const utcTimestamp = (text: string) => new Date(`${text.replace(" ", "T")}Z`);
const TIMESTAMP = 1114;
const INT8 = 20;
const types = {
  getTypeParser: (oid: number, format?: "text" | "binary") => {
    if (oid === TIMESTAMP) return utcTimestamp;
    // count(*) and SUM: small numbers; the adapter's bigint would only be converted back by the callers.
    if (oid === INT8) return Number;
    return (pg.types.getTypeParser as (oid: number, format?: string) => unknown)(oid, format);
  },
};

// A Date parameter as an instant: for a timestamp column PostgreSQL drops the "Z" and keeps the UTC wall
// time, which is how the adapter stores it; pg's own conversion would use the process's zone.
const arg = (v: unknown) => (v instanceof Date ? v.toISOString() : v);

const UNIQUE = "23505";

function sqlOf(first: TemplateStringsArray | Prisma.Sql, values: unknown[]): Prisma.Sql {
  return first instanceof Prisma.Sql ? first : Prisma.sql(first, ...values);
}

let statements = 0;
/** Statements run on the pools so far (Prisma's query events do not see them): `bench-quiz` counts them. */
export const directStatements = () => statements;

async function run(pool: pg.Pool, sql: Prisma.Sql): Promise<pg.QueryResult> {
  statements++;
  try {
    // A plain config: lib/db/pg-statements.ts names it, so the statement stays prepared per connection.
    return await pool.query({ text: sql.text, values: sql.values.map(arg), types } as pg.QueryConfig);
  } catch (err) {
    if ((err as { code?: unknown } | null)?.code === UNIQUE) throw new UniqueViolation();
    throw err;
  }
}

/** The pool-backed statements for a root PostgreSQL client; the client (or transaction) itself otherwise. */
export function directOf<T extends Reader | Writer>(client: T): T | Direct {
  const pool = pools.get(client);
  if (!pool) return client;
  let d = directs.get(client);
  if (!d) {
    const $queryRaw = async (first: TemplateStringsArray | Prisma.Sql, ...values: unknown[]) => (await run(pool, sqlOf(first, values))).rows;
    const $executeRaw = async (first: TemplateStringsArray | Prisma.Sql, ...values: unknown[]) => (await run(pool, sqlOf(first, values))).rowCount ?? 0;
    d = { $queryRaw, $executeRaw } as unknown as Direct;
    directs.set(client, d);
  }
  return d;
}
