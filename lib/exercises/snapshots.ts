import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { generatedDir } from "../paths";
import type { PublicDataset } from "./types";

// Each dataset's PGlite data directory, dumped once at ingest after loading its SQL. The browser worker
// starts from it (`PGlite.create({ loadDataDir })`), so it skips initdb and the inserts. The file name
// holds the PGlite version and a hash of the dataset's content hash with the build format: an unchanged
// dataset is never rebuilt, and a response can be cached forever.

export const SNAPSHOT_DIR = "snapshots";
const NAME = /^[a-z0-9-]+-\d+\.\d+\.\d+-[0-9a-f]{16}\.tar\.gz$/;

export function pgliteVersion(): string {
  const file = path.resolve(/*turbopackIgnore: true*/ process.cwd(), "node_modules/@electric-sql/pglite/package.json");
  return (JSON.parse(fs.readFileSync(file, "utf8")) as { version: string }).version;
}

/** Bump when the worker builds snapshots differently (snapshot-worker.mjs), so that every one is rebuilt. */
const FORMAT = 2;

export function snapshotName(d: Pick<PublicDataset, "id" | "hash">, version = pgliteVersion()): string {
  const key = createHash("sha256").update(`${FORMAT}:${d.hash}`).digest("hex").slice(0, 16);
  return `${d.id}-${version}-${key}.tar.gz`;
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
