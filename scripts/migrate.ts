// Applies the committed migrations of the selected database (DATABASE_URL, see lib/db/provider.ts).
// SQLite: the file is switched to WAL mode (a persistent setting of the file).
import { execFileSync } from "node:child_process";
import Database from "better-sqlite3";
import { databaseProvider, describeDatabase, sqliteFile } from "../lib/db/provider";
import { missingSharedSecret } from "../lib/learner/identity";

// `npm start` runs this first: stop before building an app whose instances would not share cookies.
const missing = missingSharedSecret();
if (missing) {
  console.error(missing);
  process.exit(1);
}

execFileSync(process.execPath, ["node_modules/prisma/build/index.js", "migrate", "deploy"], { stdio: "inherit" });
if (databaseProvider() === "sqlite") {
  const sqlite = new Database(sqliteFile());
  const mode = sqlite.pragma("journal_mode = WAL", { simple: true });
  sqlite.close();
  console.log(`database ready: ${describeDatabase()} (journal_mode=${mode})`);
} else {
  console.log(`database ready: ${describeDatabase()}`);
}
