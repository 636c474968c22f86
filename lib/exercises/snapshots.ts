import fs from "node:fs";
import path from "node:path";
import { generatedDir } from "../paths";
import type { PublicDataset } from "./types";

// Each dataset's PGlite data directory, dumped once at ingest after loading its SQL. The browser worker
// starts from it (`PGlite.create({ loadDataDir })`), so it skips initdb and the inserts. The file name
// holds the PGlite version and the dataset's content hash: an unchanged dataset is never rebuilt, and a
// response can be cached forever.

export const SNAPSHOT_DIR = "snapshots";
const NAME = /^[a-z0-9-]+-\d+\.\d+\.\d+-[0-9a-f]{16}\.tar\.gz$/;

function pgliteVersion(): string {
  const file = path.resolve(/*turbopackIgnore: true*/ process.cwd(), "node_modules/@electric-sql/pglite/package.json");
  return (JSON.parse(fs.readFileSync(file, "utf8")) as { version: string }).version;
}

export function snapshotName(d: Pick<PublicDataset, "id" | "hash">, version = pgliteVersion()): string {
  return `${d.id}-${version}-${d.hash.slice(0, 16)}.tar.gz`;
}

/** The URL the SQL worker loads a dataset's snapshot from, or null when ingest wrote none. */
export function snapshotUrl(d: Pick<PublicDataset, "id" | "hash">): string | null {
  const name = snapshotName(d);
  return fs.existsSync(path.join(generatedDir(), SNAPSHOT_DIR, name)) ? `/engine/data/${name}` : null;
}

/** The bytes of a snapshot by its file name, or null for any name ingest could not have written. */
export function readSnapshot(name: string): Buffer | null {
  if (!NAME.test(name)) return null;
  try {
    return fs.readFileSync(path.join(generatedDir(), SNAPSHOT_DIR, name));
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === "ENOENT") return null;
    throw err;
  }
}

export interface SnapshotReport {
  built: string[];
  kept: number;
  removed: number;
  ms: number;
}

/**
 * Writes a snapshot for every dataset whose file is missing, and removes the ones no dataset names any
 * more. Runs PGlite in this process: the SQL is our own content, already verified by the check.
 */
export async function writeSnapshots(datasets: PublicDataset[], outDir: string): Promise<SnapshotReport> {
  const started = performance.now();
  const dir = path.join(outDir, SNAPSHOT_DIR);
  fs.mkdirSync(dir, { recursive: true });
  const version = pgliteVersion();
  const wanted = new Map(datasets.map((d) => [snapshotName(d, version), d]));
  const have = new Set(fs.readdirSync(dir));
  const missing = [...wanted].filter(([name]) => !have.has(name));
  if (missing.length) {
    const { PGlite } = await import("@electric-sql/pglite");
    // initdb once; every dataset then starts from a copy of the empty cluster.
    const empty = await PGlite.create();
    const base = await empty.dumpDataDir("gzip");
    await empty.close();
    for (const [name, d] of missing) {
      const pg = await PGlite.create({ loadDataDir: base });
      try {
        await pg.exec(d.setupSql);
        // VACUUM FREEZE leaves no work for autovacuum in the browser and compacts the heap files.
        await pg.exec("VACUUM FREEZE ANALYZE");
        const dump = await pg.dumpDataDir("gzip");
        const tmp = path.join(dir, `${name}.${process.pid}.tmp`);
        fs.writeFileSync(tmp, new Uint8Array(await dump.arrayBuffer()));
        fs.renameSync(tmp, path.join(dir, name));
      } finally {
        await pg.close();
      }
    }
  }
  let removed = 0;
  for (const f of have) {
    if (!wanted.has(f)) {
      fs.rmSync(path.join(dir, f), { force: true });
      removed++;
    }
  }
  return { built: missing.map(([n]) => n), kept: wanted.size - missing.length, removed, ms: Math.round(performance.now() - started) };
}
