// Owns one practice worker (SQL or Python) in the browser. A call past its time limit terminates the
// worker (WASM cannot be interrupted from outside) and the next call starts a fresh one, re-running
// the init message (engine load + dataset).

export class RunTimeout extends Error {
  constructor(readonly ms: number) {
    super(`Stopped after ${(ms / 1000).toFixed(0)} s: your code did not finish (an endless loop or a recursive CTE without an end?). The engine was restarted; fix the code and run again.`);
  }
}

export interface WorkerReply {
  id: number;
  ok: boolean;
  ms?: number;
  error?: { message: string; code?: string; position?: string };
  [key: string]: unknown;
}

export class WorkerHost {
  private worker: Worker | null = null;
  private ready: Promise<WorkerReply> | null = null;
  private seq = 0;
  private pending = new Map<number, { resolve: (r: WorkerReply) => void; reject: (e: Error) => void; timer: ReturnType<typeof setTimeout> | null }>();
  /** Times of the last start, for the page's status line and the bench. */
  lastStartMs = 0;
  restarts = 0;

  constructor(
    private readonly script: string,
    private readonly init: Record<string, unknown>,
    private readonly initTimeoutMs = 120_000,
  ) {}

  start(): Promise<WorkerReply> {
    if (this.ready) return this.ready;
    const t0 = performance.now();
    const w = new Worker(this.script, { type: "module" });
    this.worker = w;
    w.onmessage = (e: MessageEvent<WorkerReply>) => {
      const p = this.pending.get(e.data.id);
      if (!p) return;
      this.pending.delete(e.data.id);
      if (p.timer) clearTimeout(p.timer);
      p.resolve(e.data);
    };
    w.onerror = (e) => this.failAll(new Error(`The engine failed to load: ${e.message || "worker error"}`));
    this.ready = this.send({ op: "init", ...this.init }, this.initTimeoutMs).then((r) => {
      if (!r.ok) throw new Error(`The engine failed to start: ${r.error?.message}`);
      this.lastStartMs = performance.now() - t0;
      return r;
    });
    this.ready.catch(() => this.stop());
    return this.ready;
  }

  async call(msg: Record<string, unknown>, timeoutMs: number): Promise<WorkerReply> {
    await this.start();
    return this.send(msg, timeoutMs);
  }

  /** Kills the worker; the next call starts a new one. */
  stop() {
    this.worker?.terminate();
    this.worker = null;
    this.ready = null;
    this.failAll(new Error("The engine was stopped."));
  }

  private send(msg: Record<string, unknown>, timeoutMs: number): Promise<WorkerReply> {
    const id = ++this.seq;
    const w = this.worker!;
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.pending.delete(id);
        reject(new RunTimeout(timeoutMs));
        this.restarts++;
        this.stop();
      }, timeoutMs);
      this.pending.set(id, { resolve, reject, timer });
      w.postMessage({ id, ...msg });
    });
  }

  private failAll(err: Error) {
    for (const [id, p] of this.pending) {
      if (p.timer) clearTimeout(p.timer);
      p.reject(err);
      this.pending.delete(id);
    }
  }
}
