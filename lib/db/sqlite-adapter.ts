import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";

// @prisma/adapter-better-sqlite3 (6.19) runs every query of a client on one connection. Its interactive
// transactions take a mutex against each other, but a query outside any transaction does not: it runs at
// once, on that connection, inside whatever transaction another request has open and is awaiting. A write
// made there is committed or rolled back with that other transaction. So a settings save, the fit status
// or a device row could be reported saved and then vanish because an unrelated review rolled back
// (a replayed review id or a changed card roll back by design), and a read could see rows that were never
// committed. This factory wraps the adapter so that such a query waits until the open transaction ends.
// Transactions still run one at a time, as before. Code inside a transaction must use its `tx` client; a
// query through the outer client there would now wait on its own transaction (the tests would time out).

type Adapter = Awaited<ReturnType<PrismaBetterSQLite3["connect"]>>;
type AdapterTx = Awaited<ReturnType<Adapter["startTransaction"]>>;

/**
 * One transaction at a time on the shared connection; queries outside it wait for it to end. The check
 * that no transaction is open and the action that relies on it (starting a query, taking the gate) happen
 * in one synchronous step: with an `await` between them, another waiter woken by the same release could
 * get in first (the race test caught exactly that).
 */
class Gate {
  private open: Promise<void> | null = null;

  /** Runs `fn` as soon as no transaction is open, in the same step as that check. */
  async whenIdle<T>(fn: () => T): Promise<Awaited<T>> {
    while (this.open) await this.open;
    return await fn();
  }

  /** Waits for the open transaction, then holds the gate until the returned release is called. */
  async enter(): Promise<() => void> {
    while (this.open) await this.open;
    let release!: () => void;
    this.open = new Promise<void>((resolve) => (release = resolve));
    let done = false;
    return () => {
      if (done) return;
      done = true;
      this.open = null;
      release();
    };
  }
}

function wrapTx(tx: AdapterTx, release: () => void): AdapterTx {
  return {
    provider: tx.provider,
    adapterName: tx.adapterName,
    options: tx.options,
    queryRaw: (q) => tx.queryRaw(q),
    executeRaw: (q) => tx.executeRaw(q),
    async commit() {
      try {
        await tx.commit();
      } finally {
        release();
      }
    },
    async rollback() {
      try {
        await tx.rollback();
      } finally {
        release();
      }
    },
  };
}

// The adapter prepares every statement anew (parsing and planning its SQL each time) and binds its
// arguments with bind(), which better-sqlite3 allows once per statement object. Prisma's SQL text is the
// same for every call of a query, so the connection keeps its prepared statements (a bounded LRU by SQL
// text) and hands the adapter a view whose bind() passes the arguments on each run instead.
interface NativeStatement {
  reader: boolean;
  columns(): unknown[];
  run(args: unknown[]): { changes: number };
  raw(on: boolean): NativeStatement;
  all(args: unknown[]): unknown[];
}
/** What the adapter (and directTransaction) use of a statement: run or read with these arguments. */
interface BoundStatement {
  reader: boolean;
  columns(): unknown[];
  run(): { changes: number };
  raw(): { all(): unknown[] };
}
type Prepare = (sql: string) => BoundStatement & { bind(args: unknown[]): BoundStatement };
interface Connection {
  prepare(sql: string): unknown;
  inTransaction: boolean;
}
const KEPT_STATEMENTS = 256;

function bound(stmt: NativeStatement, args: unknown[]): BoundStatement {
  return { reader: stmt.reader, columns: () => stmt.columns(), run: () => stmt.run(args), raw: () => ({ all: () => stmt.raw(true).all(args) }) };
}

/** Replaces the connection's prepare with one that keeps statements, and returns it. */
function keepStatements(conn: Connection): Prepare {
  const native = conn.prepare.bind(conn) as (sql: string) => NativeStatement;
  const kept = new Map<string, NativeStatement>();
  const prepare: Prepare = (sql) => {
    let stmt = kept.get(sql);
    if (stmt) kept.delete(sql);
    else {
      stmt = native(sql);
      if (kept.size >= KEPT_STATEMENTS) kept.delete(kept.keys().next().value!);
    }
    kept.set(sql, stmt);
    return { ...bound(stmt, []), bind: (args) => bound(stmt, args) };
  };
  conn.prepare = prepare;
  return prepare;
}

/** The connection and its gate, once the client has connected (Prisma connects on the first query). */
export interface SqliteConnection {
  conn: { prepare: Prepare; inTransaction(): boolean } | null;
  gate: Gate;
}

function wrap(inner: Adapter, handle: SqliteConnection): Adapter {
  const conn = (inner as unknown as { client?: Connection }).client;
  if (!conn || typeof conn.prepare !== "function") throw new Error("sqlite-adapter: @prisma/adapter-better-sqlite3 no longer exposes its connection; check this wrapper against its new version");
  handle.conn = { prepare: keepStatements(conn), inTransaction: () => conn.inTransaction };
  const gate = handle.gate;
  const wrapped: Adapter = {
    provider: inner.provider,
    adapterName: inner.adapterName,
    queryRaw: (q) => gate.whenIdle(() => inner.queryRaw(q)),
    executeRaw: (q) => gate.whenIdle(() => inner.executeRaw(q)),
    executeScript: (script) => gate.whenIdle(() => inner.executeScript(script)),
    async startTransaction(isolationLevel) {
      const release = await gate.enter();
      try {
        return wrapTx(await inner.startTransaction(isolationLevel), release);
      } catch (err) {
        release();
        throw err;
      }
    },
    dispose: () => inner.dispose(),
  };
  if (inner.getConnectionInfo) wrapped.getConnectionInfo = () => inner.getConnectionInfo!();
  return wrapped;
}

const handles = new WeakMap<object, SqliteConnection>();

/** The better-sqlite3 adapter factory whose connection never lets an outside query into an open transaction. */
export function sqliteAdapter(url: string): PrismaBetterSQLite3 {
  const factory = new PrismaBetterSQLite3({ url });
  const connect = factory.connect.bind(factory);
  const handle: SqliteConnection = { conn: null, gate: new Gate() };
  handles.set(factory, handle);
  // The factory's other members (provider, adapterName, the shadow database for migrate) are unchanged.
  return Object.assign(factory, { connect: async () => wrap(await connect(), handle) });
}

/** The connection behind an adapter made by sqliteAdapter (null before its first query). */
export const sqliteConnection = (adapter: object): SqliteConnection | null => {
  const h = handles.get(adapter);
  return h?.conn ? h : null;
};

/** A statement run straight on the connection: its SQL with `?` placeholders and already-mapped values. */
export type RunStatement = (sql: string, values: unknown[]) => number;

/**
 * Runs `fn` as one transaction on the connection itself, not through Prisma: the review write's hot path,
 * where Prisma's interactive transaction cost more than the statements in it. It holds the same gate as a
 * Prisma transaction, so nothing else runs on the connection meanwhile; a throw rolls everything back.
 * `fn` may only use `run` (a Prisma query in it would wait for this very transaction).
 */
export async function directTransaction<T>(c: SqliteConnection, fn: (run: RunStatement) => Promise<T>): Promise<T> {
  const conn = c.conn!;
  const release = await c.gate.enter();
  try {
    conn.prepare("BEGIN IMMEDIATE").run();
    try {
      const out = await fn((sql, values) => conn.prepare(sql).bind(values).run().changes);
      conn.prepare("COMMIT").run();
      return out;
    } catch (err) {
      if (conn.inTransaction()) conn.prepare("ROLLBACK").run();
      throw err;
    }
  } finally {
    release();
  }
}
