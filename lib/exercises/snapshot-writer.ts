import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { Worker } from "node:worker_threads";
import { pgliteVersion, snapshotName, SNAPSHOT_DIR } from "./snapshots";
import type { PublicDataset } from "./types";

// Ingest's side of dataset snapshots (snapshots.ts is the server's side: names and reads). Kept apart so
// that the server's bundle never meets the worker thread or PGlite.

export interface SnapshotReport {
  built: string[];
  kept: number;
  removed: number;
  ms: number;
}

type SnapshotSource = Pick<PublicDataset, "id" | "hash" | "setupSql">;

/**
 * Writes a snapshot for every dataset whose file is missing, and removes the ones no dataset names any
 * more. PGlite runs in a worker thread: the SQL is our own content, verified by the exercise check
 * (which ingest runs at the same time). `start()` lets a caller begin initdb ahead of time.
 */
export class SnapshotWriter {
  private workers: Worker[] = [];
  private ready: Promise<void> | null = null;
  /** The empty cluster the first worker made, for a second one to start from. */
  private base: Uint8Array | null = null;

  constructor(private readonly outDir: string) {}

  start(): Promise<void> {
    if (this.ready) return this.ready;
    const { worker, ready } = spawn();
    this.workers = [worker];
    this.ready = ready.then((base) => {
      this.base = base ?? null;
    });
    // Not awaited by everyone who starts it early: the rejection is seen by write().
    this.ready.catch(() => undefined);
    return this.ready;
  }

  async write(datasets: SnapshotSource[]): Promise<SnapshotReport> {
    const started = performance.now();
    const dir = path.join(this.outDir, SNAPSHOT_DIR);
    fs.mkdirSync(dir, { recursive: true });
    const version = pgliteVersion();
    const wanted = new Map(datasets.map((d) => [snapshotName(d, version), d]));
    const have = new Set(fs.readdirSync(dir));
    const missing = [...wanted].filter(([name]) => !have.has(name));
    if (missing.length) {
      await this.start();
      // A first ingest builds nine snapshots (~2 s of CPU each) and they end last, with the other core
      // idle once the solutions are checked: a second worker, from the first one's empty cluster, halves
      // that tail. One dataset, or one core, keeps one worker.
      if (missing.length > 1 && os.availableParallelism() > 1 && this.workers.length === 1 && this.base) {
        const second = spawn(this.base);
        this.workers.push(second.worker);
        await second.ready;
      }
      const items = missing.map(([name, d]) => ({ name, setupSql: d.setupSql }));
      // Largest setup first, dealt in turn, so that the workers end about together.
      items.sort((a, b) => b.setupSql.length - a.setupSql.length);
      const shares = this.workers.map((_, i) => items.filter((_, j) => j % this.workers.length === i));
      const replies = await Promise.all(this.workers.map((w, i) => build(w, dir, shares[i])));
      const failed = replies.flatMap((r) => r.failed);
      if (failed.length) {
        throw new Error(`Could not build the snapshot of ${failed.map((f) => `${f.name} (${f.error})`).join(", ")}. Run npm run exercises:check.`);
      }
    }
    await this.close();
    let removed = 0;
    for (const f of have) {
      if (!wanted.has(f)) {
        fs.rmSync(path.join(dir, f), { force: true });
        removed++;
      }
    }
    return { built: missing.map(([n]) => n), kept: wanted.size - missing.length, removed, ms: Math.round(performance.now() - started) };
  }

  async close(): Promise<void> {
    const ws = this.workers;
    this.workers = [];
    this.ready = null;
    this.base = null;
    await Promise.all(ws.map((w) => w.terminate()));
  }
}

type Item = { name: string; setupSql: string };
type Reply = { built: string[]; failed: { name: string; error: string }[] };

/** A snapshot worker; `ready` gives the empty cluster when this worker made it (no `base` passed in). */
function spawn(base?: Uint8Array): { worker: Worker; ready: Promise<Uint8Array | undefined> } {
  const worker = new Worker(new URL("./snapshot-worker.mjs", import.meta.url), base ? { workerData: { base } } : undefined);
  const ready = new Promise<Uint8Array | undefined>((resolve, reject) => {
    worker.once("message", (m: { base?: Uint8Array }) => resolve(m.base));
    worker.once("error", reject);
    worker.once("exit", (code) => reject(new Error(`The snapshot worker exited (code ${code}) while starting.`)));
  });
  return { worker, ready };
}

function build(worker: Worker, dir: string, items: Item[]): Promise<Reply> {
  if (!items.length) return Promise.resolve({ built: [], failed: [] });
  return new Promise<Reply>((resolve, reject) => {
    worker.once("message", resolve);
    worker.once("error", reject);
    worker.once("exit", (code) => reject(new Error(`The snapshot worker exited (code ${code}) before it finished.`)));
    worker.postMessage({ dir, items });
  });
}

/** True when no snapshot was ever written into `outDir` (a first ingest): worth starting initdb early. */
export function noSnapshotsYet(outDir: string): boolean {
  const dir = path.join(outDir, SNAPSHOT_DIR);
  return !fs.existsSync(dir) || fs.readdirSync(dir).length === 0;
}

export async function writeSnapshots(datasets: SnapshotSource[], outDir: string): Promise<SnapshotReport> {
  const writer = new SnapshotWriter(outDir);
  try {
    return await writer.write(datasets);
  } finally {
    await writer.close();
  }
}
