// Checks that the practice engines start under the site's intended Content-Security-Policy (no
// 'unsafe-eval'): adds the header to every response from a running app and opens an SQL and a Python
// exercise. Usage: BENCH_URL=http://127.0.0.1:3000 npx tsx scripts/csp-probe.ts
import { chromium } from "@playwright/test";

const base = process.env.BENCH_URL ?? "http://127.0.0.1:3000";
const CSP = "default-src 'self'; script-src 'self' 'unsafe-inline' 'wasm-unsafe-eval'; worker-src 'self' blob:; style-src 'self' 'unsafe-inline'; connect-src 'self'; img-src 'self' data:";
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium", args: ["--no-sandbox", "--disable-gpu"] });
try {
  const page = await browser.newPage();
  const violations: string[] = [];
  page.on("console", (m) => {
    if (/Content Security Policy|EvalError|unsafe-eval/i.test(m.text())) violations.push(m.text());
  });
  await page.route("**/*", async (route) => {
    const resp = await route.fetch();
    await route.fulfill({ response: resp, headers: { ...resp.headers(), "content-security-policy": CSP } });
  });
  for (const [id, code] of [
    ["ex-customers-without-orders", "SELECT c.customer_id, c.name FROM customers c WHERE NOT EXISTS (SELECT 1 FROM orders o WHERE o.customer_id = c.customer_id)"],
    ["ex-py-merge-intervals", "def merge_intervals(intervals):\n    out = []\n    for s, e in sorted(intervals):\n        if out and s <= out[-1][1]:\n            out[-1] = (out[-1][0], max(out[-1][1], e))\n        else:\n            out.append((s, e))\n    return out\n"],
  ] as const) {
    await page.goto(`${base}/practice/${id}`);
    await page.getByTestId("engine-status").getByText(/Engine ready\.|failed/).waitFor({ timeout: 300_000 });
    await page.getByTestId("code-editor").click();
    await page.keyboard.insertText(code);
    await page.keyboard.press("Control+Enter");
    const verdict = await page.getByTestId("verdict").or(page.locator(".alert")).first().innerText({ timeout: 60_000 });
    console.log(`${id} under CSP without 'unsafe-eval': engine ${await page.getByTestId("engine-status").innerText()} | ${verdict.slice(0, 80)}`);
  }
  console.log(violations.length ? `CSP violations:\n${violations.join("\n")}` : "no CSP violations reported");
} finally {
  await browser.close();
}
