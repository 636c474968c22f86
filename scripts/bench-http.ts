// Reviews per second over HTTP, in one run: one `next start` on SQLite, then two instances on one
// PostgreSQL database behind a round-robin client (what a proxy does). Each virtual learner loops
// GET /api/quiz/next → POST /api/quiz/review. Needs a build (`npm run build`). Prints figures only.
//
//   BENCH_PG_URL=postgresql://…/postgres npm run bench:http -- [--ports 3207,3208] [--learners 16] [--seconds 20]
import { Rating } from "../lib/quiz/enums";
import { spawn, execFileSync, type ChildProcess } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";

const { values } = parseArgs({ options: { ports: { type: "string", default: "3207,3208" }, learners: { type: "string", default: "16" }, seconds: { type: "string", default: "20" } } });
const ports = values.ports.split(",").map(Number);
const LEARNERS = Number(values.learners);
const SECONDS = Number(values.seconds);
const admin = process.env.BENCH_PG_URL;
if (!admin || !fs.existsSync(".next/BUILD_ID")) {
  console.error("Set BENCH_PG_URL to an admin postgresql:// URL, and build first (npm run build).");
  process.exit(1);
}
const secret = crypto.randomBytes(32).toString("base64url");
const node = (args: string[], env: Record<string, string>) => execFileSync(process.execPath, args, { env: { ...process.env, ...env, SESSION_SECRET: secret }, stdio: "ignore" });

function prepare(env: Record<string, string>) {
  node(["node_modules/tsx/dist/cli.mjs", "scripts/migrate.ts"], env);
  node(["node_modules/tsx/dist/cli.mjs", "scripts/ingest.ts"], env);
}
function start(port: number, env: Record<string, string>): ChildProcess {
  return spawn(process.execPath, ["scripts/serve.mjs", "-p", String(port)], { env: { ...process.env, ...env, SESSION_SECRET: secret, NEXT_TELEMETRY_DISABLED: "1" }, stdio: "ignore" });
}
async function ready(port: number) {
  for (let i = 0; i < 600; i++) {
    const ok = await fetch(`http://127.0.0.1:${port}/api/quiz/next?deck=all`).then((r) => r.ok, () => false);
    if (ok) return;
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`instance on ${port} did not start`);
}

async function load(bases: string[]): Promise<{ reviews: number; errors: number; perSecond: number; p95: number }> {
  let reviews = 0;
  let errors = 0;
  const latencies: number[] = [];
  const until = Date.now() + SECONDS * 1000;
  let turn = 0;
  const learner = async () => {
    let cookie = "";
    while (Date.now() < until) {
      const base = bases[turn++ % bases.length];
      const t = performance.now();
      const next = await fetch(`${base}/api/quiz/next?deck=all`, { headers: { cookie } });
      const set = next.headers.get("set-cookie")?.match(/learner=[^;]+/)?.[0];
      if (set) cookie = set;
      const body = (await next.json()) as { card: { questionId: string } | null };
      if (!body.card) break;
      const b2 = bases[turn++ % bases.length];
      const res = await fetch(`${b2}/api/quiz/review`, {
        method: "POST",
        headers: { cookie, "content-type": "application/json", origin: b2 },
        body: JSON.stringify({ reviewId: crypto.randomUUID(), questionId: body.card.questionId, rating: Rating.Good }),
      });
      await res.arrayBuffer();
      latencies.push(performance.now() - t);
      if (res.ok) reviews++;
      else errors++;
    }
  };
  const t0 = Date.now();
  await Promise.all(Array.from({ length: LEARNERS }, learner));
  const s = [...latencies].sort((a, b) => a - b);
  return { reviews, errors, perSecond: reviews / ((Date.now() - t0) / 1000), p95: s[Math.floor(s.length * 0.95)] ?? 0 };
}

const procs: ChildProcess[] = [];
process.on("exit", () => procs.forEach((p) => p.kill()));
console.log(`bench:http on ${os.cpus().length} cores: ${LEARNERS} virtual learners, ${SECONDS} s each, next → review loops\n`);

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "bench-http-"));
const sqliteEnv = { DATA_DIR: dataDir, DATABASE_URL: "" };
prepare(sqliteEnv);
procs.push(start(ports[0], sqliteEnv));
await ready(ports[0]);
const sqlite = await load([`http://127.0.0.1:${ports[0]}`]);
console.log(`SQLite, 1 instance:      ${sqlite.perSecond.toFixed(1)} reviews/s  (${sqlite.reviews} reviews, ${sqlite.errors} errors, next+review p95 ${sqlite.p95.toFixed(0)} ms)`);
procs.pop()!.kill();

execFileSync("psql", [admin, "-qc", "DROP DATABASE IF EXISTS bench_http WITH (FORCE)", "-c", "CREATE DATABASE bench_http"]);
const pgEnv = { DATA_DIR: dataDir, DATABASE_URL: Object.assign(new URL(admin), { pathname: "/bench_http" }).toString() };
prepare(pgEnv);
for (const p of ports.slice(0, 2)) procs.push(start(p, pgEnv));
await Promise.all(ports.slice(0, 2).map(ready));
const pg = await load(ports.slice(0, 2).map((p) => `http://127.0.0.1:${p}`));
console.log(`PostgreSQL, 2 instances: ${pg.perSecond.toFixed(1)} reviews/s  (${pg.reviews} reviews, ${pg.errors} errors, next+review p95 ${pg.p95.toFixed(0)} ms)`);
for (const p of procs) p.kill();
process.exit(0);
