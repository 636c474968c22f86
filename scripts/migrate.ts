// Applies committed migrations to the SQLite file and switches it to WAL mode (a persistent setting of the file).
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import Database from "better-sqlite3";
import { dataDir, databaseFile } from "../lib/paths";

fs.mkdirSync(dataDir(), { recursive: true });
execFileSync(process.execPath, ["node_modules/prisma/build/index.js", "migrate", "deploy"], { stdio: "inherit" });
const sqlite = new Database(databaseFile());
const mode = sqlite.pragma("journal_mode = WAL", { simple: true });
sqlite.close();
console.log(`database ready: ${databaseFile()} (journal_mode=${mode})`);
