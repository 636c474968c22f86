// A real `next start` for the robustness suite: the production build, a temp DATA_DIR with migrated
// SQLite and freshly ingested content, on its own port. Tests can kill it with any signal and restart it.
import { execFileSync, spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { ingest } from "../../lib/content/ingest";
import { FIXTURE_CONTENT, migratedDb, tempDir } from "../helpers";

export const PORT = Number(process.env.ROBUST_PORT ?? process.env.E2E_PORT ?? 3202);
export const BASE = `http://127.0.0.1:${PORT}`;

/** Builds once if there is no production build (CI runs this after the e2e build, so it reuses it). */
export function ensureBuild() {
  if (fs.existsSync(".next/BUILD_ID")) return;
  console.log("test:robust: no production build in .next; running `npm run ingest && npm run build` first");
  // The build needs an ingested bundle, and ingest needs a migrated database to sync into.
  const env = { ...process.env, DATA_DIR: tempDir("build-data") };
  execFileSync("npm", ["run", "db:migrate"], { stdio: "inherit", env });
  execFileSync("npm", ["run", "ingest"], { stdio: "inherit", env });
  execFileSync("npm", ["run", "build"], { stdio: "inherit" });
}

export interface Env {
  dataDir: string;
  generatedDir: string;
}

/**
 * A migrated temp data dir with the fixture content ingested into it. The API reads this bundle; the
 * prerendered pages of the build come from the real content, which the API tests do not depend on.
 * (Ingesting all of content/ here would take a minute on a loaded CI machine, per test file.)
 */
export async function prepareEnv(): Promise<Env> {
  const { db, dataDir } = migratedDb();
  const generatedDir = tempDir("robust-generated");
  try {
    await ingest(db, [FIXTURE_CONTENT], generatedDir);
  } finally {
    await db.$disconnect();
  }
  return { dataDir, generatedDir };
}

export class Server {
  proc?: ChildProcess;
  log = "";
  constructor(
    readonly env: Env,
    readonly extraEnv: Record<string, string> = {},
  ) {}

  async start(): Promise<void> {
    const proc = spawn(process.execPath, [path.resolve("scripts/serve.mjs"), "-p", String(PORT), "-H", "127.0.0.1"], {
      env: { ...process.env, DATA_DIR: this.env.dataDir, GENERATED_DIR: this.env.generatedDir, NEXT_TELEMETRY_DISABLED: "1", NODE_ENV: "production", ...this.extraEnv },
      stdio: ["ignore", "pipe", "pipe"],
    });
    this.proc = proc;
    proc.stdout!.on("data", (d) => (this.log += d));
    proc.stderr!.on("data", (d) => (this.log += d));
    const deadline = Date.now() + 60_000;
    for (;;) {
      if (proc.exitCode !== null) throw new Error(`next start exited (${proc.exitCode}):\n${this.log}`);
      try {
        const res = await fetch(`${BASE}/api/search?q=kafka`);
        if (res.ok) return;
      } catch (err) {
        if (!(err instanceof TypeError)) throw err; // connection refused while booting
      }
      if (Date.now() > deadline) throw new Error(`next start did not answer within 60 s:\n${this.log}`);
      await new Promise((r) => setTimeout(r, 200));
    }
  }

  async stop(signal: NodeJS.Signals = "SIGTERM"): Promise<void> {
    const proc = this.proc;
    if (!proc || proc.exitCode !== null || proc.signalCode !== null) return;
    const exited = new Promise((r) => proc.once("exit", r));
    proc.kill(signal);
    await exited;
  }
}

/** Server errors written to the log (a 5xx could hide behind a generic page otherwise). */
export function serverErrors(log: string): string[] {
  return log.split("\n").filter((l) => /⨯|Error:|unhandled/i.test(l));
}
