import { defineConfig } from "@playwright/test";

// Debian's Chromium, never a downloaded browser (see scripts/e2e.mjs for how it is found).
const executablePath = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const port = Number(process.env.E2E_PORT ?? 3100);

export default defineConfig({
  testDir: "test/e2e",
  fullyParallel: false,
  workers: 1,
  retries: process.env.CI ? 1 : 0,
  timeout: 60_000,
  reporter: [["list"]],
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    browserName: "chromium",
    launchOptions: {
      executablePath,
      args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
    },
    trace: "retain-on-failure",
  },
  webServer: {
    // A fresh database for every run; the same content and build steps as `npm start`.
    command: `npm run db:migrate && npm run ingest && npm run build && node scripts/serve.mjs -p ${port}`,
    url: `http://127.0.0.1:${port}/`,
    env: { DATA_DIR: ".data/e2e", NEXT_TELEMETRY_DISABLED: "1" },
    reuseExistingServer: false,
    timeout: 600_000,
    stdout: "ignore",
    stderr: "pipe",
  },
});
