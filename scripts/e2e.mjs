// Runs the Playwright suites in Debian's Chromium. In CI a missing browser is a failure;
// on a laptop it is a skip with instructions, so `npm test` still checks everything else.
// Then the two-instance test on PostgreSQL (playwright.pg.config.ts) when E2E_DATABASE_URL names a
// server; without one it is skipped with a message locally and fails in CI.
import { spawnSync } from "node:child_process";
import fs from "node:fs";

const exe = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
if (!fs.existsSync(exe)) {
  const how = "Install Debian's Chromium (`sudo apt-get install chromium`) or point CHROMIUM_PATH at a Chromium binary.";
  if (process.env.CI) {
    console.error(`e2e: no Chromium at ${exe}. ${how}`);
    process.exit(1);
  }
  console.log(`e2e: SKIPPED — no Chromium at ${exe}. ${how}`);
  process.exit(0);
}
const args = process.argv.slice(2);
const env = { ...process.env, CHROMIUM_PATH: exe };
fs.rmSync(".data/e2e", { recursive: true, force: true });
const r = spawnSync("npx", ["playwright", "test", ...args], { stdio: "inherit", env });
if (r.status !== 0 || args.length) process.exit(r.status ?? 1);

const pg = process.env.E2E_DATABASE_URL;
const reachable = pg && spawnSync("psql", [pg, "-qAtc", "SELECT 1"], { stdio: "ignore" }).status === 0;
if (!reachable) {
  const why = pg ? `PostgreSQL at E2E_DATABASE_URL is not reachable (psql "${pg}" -c "SELECT 1" fails)` : "E2E_DATABASE_URL is not set";
  if (process.env.CI) {
    console.error(`e2e (two instances on PostgreSQL): ${why}.`);
    process.exit(1);
  }
  console.log(`e2e (two instances on PostgreSQL): SKIPPED — ${why}. Start one with \`.ci/postgres.sh\` and set E2E_DATABASE_URL to the URL it prints.`);
  process.exit(0);
}
fs.rmSync(".data/e2e-pg", { recursive: true, force: true });
const pgRun = spawnSync("npx", ["playwright", "test", "-c", "playwright.pg.config.ts"], { stdio: "inherit", env });
process.exit(pgRun.status ?? 1);
