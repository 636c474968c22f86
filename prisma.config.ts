import fs from "node:fs";
import path from "node:path";
import { defineConfig } from "prisma/config";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { MigratePg } from "./lib/db/pg-migrate-adapter";
import { databaseProvider, PRISMA_PATHS, sqliteFile } from "./lib/db/provider";

// The JS schema engine runs migrations through a driver adapter, so no engine binary is downloaded.
// DATABASE_URL=postgresql://… migrates PostgreSQL with the derived schema and its own migrations;
// otherwise the SQLite file. (`prisma generate --schema prisma/postgresql/schema.prisma` overrides
// the schema below to produce the PostgreSQL client.)
const provider = databaseProvider();

export default defineConfig({
  schema: PRISMA_PATHS[provider].schema,
  migrations: { path: PRISMA_PATHS[provider].migrations },
  experimental: { adapter: true },
  engine: "js",
  async adapter() {
    if (provider === "postgresql") return new MigratePg({ connectionString: process.env.DATABASE_URL });
    const file = sqliteFile();
    fs.mkdirSync(path.dirname(file), { recursive: true });
    return new PrismaBetterSQLite3({ url: `file:${file}` });
  },
});
