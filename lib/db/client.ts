import fs from "node:fs";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaClient } from "../generated/prisma/client";
import { dataDir, databaseFile } from "../paths";

export type Db = PrismaClient;

/** Opens a client on a given SQLite file. Tests use this with a temp file; the app uses `db()`. */
export function createDb(file = databaseFile()): Db {
  fs.mkdirSync(dataDir(), { recursive: true });
  // WAL lets page reads proceed while a review is being written; the migrate script sets it on the file too.
  return new PrismaClient({ adapter: new PrismaBetterSQLite3({ url: `file:${file}` }) });
}

const globalForDb = globalThis as unknown as { __db?: Db };

/** The one Prisma client of the running app (kept on globalThis so dev-mode reloads do not open more). */
export function db(): Db {
  globalForDb.__db ??= createDb();
  return globalForDb.__db;
}
