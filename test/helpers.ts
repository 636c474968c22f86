import crypto from "node:crypto";
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
import { isPostgresUrl } from "../lib/db/provider";

/**
 * The integration suite runs on SQLite by default and on PostgreSQL when TEST_DATABASE_URL is a
 * postgresql:// URL of a server where that role may create databases (CI runs the suite both ways).
 */
export const TEST_DATABASE_URL: string | undefined = isPostgresUrl(process.env.TEST_DATABASE_URL) ? process.env.TEST_DATABASE_URL : undefined;
export const testProvider = TEST_DATABASE_URL ? "postgresql" : "sqlite";

const migrate = (env: Record<string, string>) =>
  execFileSync(process.execPath, ["node_modules/prisma/build/index.js", "migrate", "deploy"], { env: { ...process.env, ...env }, stdio: "pipe" });

const psql = (url: string, sql: string) => execFileSync("psql", [url, "-v", "ON_ERROR_STOP=1", "-qAtc", sql], { encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });
const withDb = (url: string, name: string) => Object.assign(new URL(url), { pathname: `/${name}` }).toString();
let template: string | undefined;
let dbSeq = 0;

/**
 * A fresh PostgreSQL database per call, cloned (CREATE DATABASE … TEMPLATE, ~0.1 s) from a template that
 * the same `prisma migrate deploy` the app uses migrated once. The template is named after a hash of the
 * PostgreSQL migrations, so every test process of a run shares it and a changed migration gets a new one.
 * Databases are named after their test process; leftovers of processes that are gone are dropped.
 */
function freshPostgres(admin: string): string {
  if (!template) {
    const dir = "prisma/postgresql/migrations";
    const hash = crypto.createHash("sha256");
    for (const m of fs.readdirSync(dir).sort()) if (fs.existsSync(path.join(dir, m, "migration.sql"))) hash.update(m).update(fs.readFileSync(path.join(dir, m, "migration.sql")));
    const names = psql(admin, "SELECT datname FROM pg_database WHERE datname LIKE 'it\\_%'").split("\n").filter(Boolean);
    for (const name of names) {
      const pid = Number(name.split("_")[1]);
      if (!Number.isInteger(pid) || pid === process.pid) continue;
      try {
        process.kill(pid, 0);
      } catch {
        psql(admin, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      }
    }
    const want = `ittpl_${hash.digest("hex").slice(0, 16)}`;
    if (!psql(admin, `SELECT 1 FROM pg_database WHERE datname = '${want}'`).trim()) {
      // Migrate under a private name, then rename: a half-migrated template is never visible.
      const building = `it_${process.pid}_building`;
      psql(admin, `CREATE DATABASE "${building}"`);
      migrate({ DATABASE_URL: withDb(admin, building) });
      psql(admin, `ALTER DATABASE "${building}" RENAME TO "${want}"`);
    }
    template = want;
  }
  const name = `it_${process.pid}_${++dbSeq}`;
  psql(admin, `CREATE DATABASE "${name}" TEMPLATE "${template}"`);
  return withDb(admin, name);
}

/** A migrated database (a temp SQLite file, or a fresh PostgreSQL database), through `prisma migrate deploy`. */
export function migratedDb(): { db: Db; dataDir: string; url: string } {
  const dataDir = tempDir("data");
  if (TEST_DATABASE_URL) {
    const url = freshPostgres(TEST_DATABASE_URL);
    return { db: createDb(url), dataDir, url };
  }
  migrate({ DATA_DIR: dataDir, DATABASE_URL: "" });
  const file = path.join(dataDir, "app.db");
  return { db: createDb(file), dataDir, url: `file:${file}` };
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
