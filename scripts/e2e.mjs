// Runs the Playwright suite in Debian's Chromium. In CI a missing browser is a failure;
// on a laptop it is a skip with instructions, so `npm test` still checks everything else.
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
fs.rmSync(".data/e2e", { recursive: true, force: true });
const r = spawnSync("npx", ["playwright", "test", ...process.argv.slice(2)], { stdio: "inherit", env: { ...process.env, CHROMIUM_PATH: exe } });
process.exit(r.status ?? 1);
