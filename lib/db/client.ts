import fs from "node:fs";
import path from "node:path";
import { sqliteAdapter, sqliteConnection, type SqliteConnection } from "./sqlite-adapter";
import { PrismaPg } from "@prisma/adapter-pg";
import { statementPool } from "./pg-statements";
import { registerPool } from "./pg-direct";
import { PrismaClient } from "../generated/prisma/client";
import { PrismaClient as PgPrismaClient } from "../generated/prisma-pg/client";
import { databaseProvider, isPostgresUrl, sqliteFile, type Provider } from "./provider";

// Two generated clients, one API. Prisma 6.19's `prisma-client` generator bakes the provider into the
// client (its query compiler emits that dialect's SQL, and the client refuses an adapter of another
// provider), so prisma/schema.prisma generates the SQLite client and its derived twin
// prisma/postgresql/schema.prisma the PostgreSQL one. The models are the same text, so the generated
// model APIs are the same; the app types everything against the SQLite client and never uses an
// operator only one provider has.
export type Db = PrismaClient;

const providers = new WeakMap<object, Provider>();

/**
 * Opens a client. `target` is a postgresql:// URL, a SQLite file path or `file:` URL; by default
 * DATABASE_URL decides (see provider.ts). Tests pass a temp file or a throwaway database's URL.
 */
export function createDb(target: string | undefined = process.env.DATABASE_URL, options: { log?: { emit: "event"; level: "query" }[] } = {}): Db {
  if (isPostgresUrl(target)) {
    // pg's pool: a handful of connections per instance is plenty (a review holds one for a few ms).
    const max = Number(process.env.DATABASE_POOL_SIZE ?? 10);
    // Our own pool so its connections can keep statements prepared (lib/db/pg-statements.ts); the
    // adapter ends it on $disconnect as it would its own.
    const pool = statementPool({ connectionString: target, max, allowExitOnIdle: true });
    const client = new PgPrismaClient({ ...options, adapter: new PrismaPg(pool, { disposeExternalPool: true }) }) as unknown as Db;
    providers.set(client, "postgresql");
    registerPool(client, pool);
    return client;
  }
  const file = target && !target.startsWith("file:") ? target : sqliteFile(target);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  // WAL lets page reads proceed while a review is being written; the migrate script sets it on the file too.
  const adapter = sqliteAdapter(`file:${file}`);
  const client = new PrismaClient({ ...options, adapter });
  providers.set(client, "sqlite");
  adapters.set(client, adapter);
  return client;
}

const adapters = new WeakMap<object, object>();

/** A SQLite client's own connection, for the review write's direct path (null on PostgreSQL or before the first query). */
export function sqliteConnectionOf(db: Db): SqliteConnection | null {
  const adapter = adapters.get(db);
  return adapter ? sqliteConnection(adapter) : null;
}

/** Which database a client talks to: the few provider-specific statements (row locks) ask this. */
export function providerOf(db: Db): Provider {
  return providers.get(db) ?? databaseProvider();
}

const globalForDb = globalThis as unknown as { __db?: Db };

/** The one Prisma client of the running app (kept on globalThis so dev-mode reloads do not open more). */
export function db(): Db {
  globalForDb.__db ??= createDb();
  return globalForDb.__db;
}
