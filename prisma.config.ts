import fs from "node:fs";
import { defineConfig } from "prisma/config";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { dataDir, databaseFile } from "./lib/paths";

// The JS schema engine runs migrations through better-sqlite3, so no engine binary is downloaded.
export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
  experimental: { adapter: true },
  engine: "js",
  async adapter() {
    fs.mkdirSync(dataDir(), { recursive: true });
    return new PrismaBetterSQLite3({ url: `file:${databaseFile()}` });
  },
});
