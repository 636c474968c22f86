import fs from "node:fs";
import os from "node:os";
import path from "node:path";

export const FIXTURE_CONTENT = path.resolve("test/fixtures/content");

const tempDirs: string[] = [];
process.on("exit", () => {
  for (const dir of tempDirs) fs.rmSync(dir, { recursive: true, force: true });
});

/** A fresh temp dir removed at process exit. */
export function tempDir(prefix: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `${prefix}-`));
  tempDirs.push(dir);
  return dir;
}

/** Copies the fixture content root so a test can edit it freely. */
export function copyFixtureContent(extra?: string): string {
  const dir = path.join(tempDir("content"), "content");
  fs.cpSync(FIXTURE_CONTENT, dir, { recursive: true });
  if (extra) fs.cpSync(extra, dir, { recursive: true });
  return dir;
}

import { execFileSync } from "node:child_process";
import { createDb, type Db } from "../lib/db/client";

/** A migrated SQLite file in a temp data dir, through the same `prisma migrate deploy` the app uses. */
export function migratedDb(): { db: Db; dataDir: string } {
  const dataDir = tempDir("data");
  execFileSync(process.execPath, ["node_modules/prisma/build/index.js", "migrate", "deploy"], {
    env: { ...process.env, DATA_DIR: dataDir },
    stdio: "pipe",
  });
  return { db: createDb(path.join(dataDir, "app.db")), dataDir };
}

import { ingest } from "../lib/content/ingest";

/** A migrated temp database with the fixture content ingested: the starting point of quiz tests. */
export async function quizDb(): Promise<Db> {
  const { db } = migratedDb();
  await ingest(db, [copyFixtureContent()], tempDir("generated"));
  return db;
}

/** Review ids that are valid UUIDs and unique within a test file. */
export function reviewIds(): () => string {
  let n = 0;
  return () => `00000000-0000-4000-8000-${String(++n).padStart(12, "0")}`;
}
