import fs from "node:fs";
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
  private worker: Worker | null = null;
  private ready: Promise<void> | null = null;

  constructor(private readonly outDir: string) {}

  start(): Promise<void> {
    if (this.ready) return this.ready;
    const worker = new Worker(new URL("./snapshot-worker.mjs", import.meta.url));
    this.worker = worker;
    this.ready = new Promise<void>((resolve, reject) => {
      worker.once("message", () => resolve());
      worker.once("error", reject);
      worker.once("exit", (code) => reject(new Error(`The snapshot worker exited (code ${code}) while starting.`)));
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
      const worker = this.worker!;
      const reply = await new Promise<{ built: string[]; failed: { name: string; error: string }[] }>((resolve, reject) => {
        worker.once("message", resolve);
        worker.once("error", reject);
        worker.once("exit", (code) => reject(new Error(`The snapshot worker exited (code ${code}) before it finished.`)));
        worker.postMessage({ dir, items: missing.map(([name, d]) => ({ name, setupSql: d.setupSql })) });
      });
      if (reply.failed.length) {
        throw new Error(`Could not build the snapshot of ${reply.failed.map((f) => `${f.name} (${f.error})`).join(", ")}. Run npm run exercises:check.`);
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
    const w = this.worker;
    this.worker = null;
    this.ready = null;
    if (w) await w.terminate();
  }
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
