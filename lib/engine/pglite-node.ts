import { Worker } from "node:worker_threads";

// The embedded PostgreSQL-dialect engine for Node: content:check runs code samples and exercise
// solutions here, and the browser runs the same PGlite build, so the dialect a learner practises is the
// one the check verified. Each engine owns one worker thread; a statement that runs past its time limit
// terminates the thread and the next call starts a new one (PGlite cannot be interrupted otherwise).

export interface SqlField {
  name: string;
  dataTypeID: number;
}
export interface SqlResult {
  fields: SqlField[];
  rows: Record<string, unknown>[];
  affectedRows: number;
}

export class SqlEngineError extends Error {
  constructor(
    message: string,
    readonly kind: "sql" | "timeout",
    readonly position?: string,
    /** SQLSTATE, e.g. 23505 for a unique violation. */
    readonly code?: string,
  ) {
    super(message);
  }
}

interface Pending {
  resolve: (r: SqlResult[]) => void;
  reject: (e: Error) => void;
  timer: NodeJS.Timeout;
}

/** The empty cluster the process's first engine made (null if it could not), for the next ones. */
let emptyCluster: Promise<Uint8Array | null> | null = null;

export class SqlEngine {
  private worker: Worker | null = null;
  private ready: Promise<void> | null = null;
  private pending = new Map<number, Pending>();
  private seq = 0;

  constructor(private readonly defaultTimeoutMs = 5000) {}

  /**
   * Starts the worker, lazily from exec/query: the first engine of the process runs initdb (≈3–5 s),
   * the others start from its empty cluster (≈1 s).
   */
  start(): Promise<void> {
    if (this.ready) return this.ready;
    const token = (this.token = {});
    let share: ((base: Uint8Array | null) => void) | undefined;
    const waitFor = emptyCluster;
    if (!waitFor) emptyCluster = new Promise((resolve) => (share = resolve));
    this.ready = (async () => {
      const base = waitFor ? await waitFor : null;
      if (this.token !== token) throw new SqlEngineError("engine closed", "sql");
      await this.listen(new Worker(new URL("./pglite-worker.mjs", import.meta.url), { workerData: base ? { base } : { share: Boolean(share) } }), share);
    })();
    // Idle engines must not keep a CLI alive; send() refs the thread while a statement runs.
    void this.ready.then(() => {
      if (this.token === token && this.worker && this.pending.size === 0) this.worker.unref();
    }, () => undefined);
    return this.ready;
  }

  private token: object | null = null;

  private async listen(worker: Worker, share?: (base: Uint8Array | null) => void): Promise<void> {
    this.worker = worker;
    await new Promise<void>((resolve, reject) => {
      worker.once("message", (msg: { base?: Uint8Array }) => {
        share?.(msg.base ?? null);
        resolve();
      });
      worker.once("error", reject);
      // Closed or crashed before it was ready: whoever awaits start() hears so, and an engine waiting for
      // this one's cluster runs initdb itself.
      worker.once("exit", () => {
        share?.(null);
        reject(new SqlEngineError("engine closed", "sql"));
      });
    });
    worker.on("message", (msg: { id?: number; ok?: boolean; results?: SqlResult[]; error?: string; position?: string; code?: string }) => {
      if (msg.id === undefined) return;
      const p = this.pending.get(msg.id);
      if (!p) return;
      this.pending.delete(msg.id);
      clearTimeout(p.timer);
      if (msg.ok) p.resolve(msg.results ?? []);
      else p.reject(new SqlEngineError(msg.error ?? "query failed", "sql", msg.position, msg.code));
    });
    worker.on("error", (err) => this.failAll(err));
  }

  /** Runs one or more statements (no parameters); returns one result per statement. */
  exec(sql: string, timeoutMs = this.defaultTimeoutMs): Promise<SqlResult[]> {
    return this.send("exec", sql, undefined, timeoutMs);
  }

  /** Runs a single statement, optionally with $1-style parameters. */
  async query(sql: string, params?: unknown[], timeoutMs = this.defaultTimeoutMs): Promise<SqlResult> {
    const [r] = await this.send("query", sql, params, timeoutMs);
    return r;
  }

  /** Stops the worker; the next call starts a fresh database. */
  async close(): Promise<void> {
    const w = this.worker;
    this.worker = null;
    this.ready = null;
    this.token = null;
    this.failAll(new SqlEngineError("engine closed", "sql"));
    if (w) await w.terminate();
  }

  private async send(op: "exec" | "query", sql: string, params: unknown[] | undefined, timeoutMs: number): Promise<SqlResult[]> {
    await this.start();
    const worker = this.worker!;
    worker.ref();
    const id = ++this.seq;
    try {
      return await new Promise<SqlResult[]>((resolve, reject) => {
        const timer = setTimeout(() => {
          this.pending.delete(id);
          reject(new SqlEngineError(`stopped after ${timeoutMs} ms: the statement did not finish (an unbounded recursive CTE or a cross join?)`, "timeout"));
          // The thread is stuck inside WASM: replace it. State (tables) is lost with it.
          void this.close();
        }, timeoutMs);
        this.pending.set(id, { resolve, reject, timer });
        worker.postMessage({ id, op, sql, params });
      });
    } finally {
      if (this.worker === worker && this.pending.size === 0) worker.unref();
    }
  }

  private failAll(err: Error) {
    for (const [id, p] of this.pending) {
      clearTimeout(p.timer);
      p.reject(err);
      this.pending.delete(id);
    }
  }
}
