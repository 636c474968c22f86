import { defineConfig } from "@playwright/test";

// Two `next start` instances against one PostgreSQL database (E2E_DATABASE_URL: an admin URL of a server
// where this role may create databases), sharing SESSION_SECRET as a deployment behind a load balancer
// would. Run by scripts/e2e.mjs after the main suite, whose build it reuses (it builds if there is none).
const executablePath = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const [portA, portB] = (process.env.E2E_PG_PORTS ?? "3101,3102").split(",").map(Number);
const admin = process.env.E2E_DATABASE_URL ?? "";
const dbUrl = admin ? Object.assign(new URL(admin), { pathname: "/e2e_two_instances" }).toString() : "";
const env = {
  DATABASE_URL: dbUrl,
  DATA_DIR: ".data/e2e-pg",
  SESSION_SECRET: "e2e-shared-secret-for-two-instances-0123456789",
  NEXT_TELEMETRY_DISABLED: "1",
};

export default defineConfig({
  testDir: "test/e2e-pg",
  workers: 1,
  retries: 0,
  timeout: 120_000,
  reporter: [["list"]],
  use: {
    browserName: "chromium",
    launchOptions: { executablePath, args: ["--no-sandbox", "--disable-gpu", "--no-first-run"] },
  },
  metadata: { portA, portB },
  webServer: {
    command: [
      `psql "${admin}" -qc "DROP DATABASE IF EXISTS e2e_two_instances WITH (FORCE)" -c "CREATE DATABASE e2e_two_instances"`,
      "npm run db:migrate",
      "npm run ingest",
      "([ -f .next/BUILD_ID ] || npm run build)",
      `(node scripts/serve.mjs -p ${portB} & node scripts/serve.mjs -p ${portA}; wait)`,
    ].join(" && "),
    url: `http://127.0.0.1:${portA}/`,
    env,
    reuseExistingServer: false,
    timeout: 600_000,
    stdout: "ignore",
    stderr: "pipe",
  },
});
