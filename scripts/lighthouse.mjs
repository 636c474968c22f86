// Lighthouse (mobile preset) on the pages a new visitor sees first, in Debian's Chromium.
// Usage: start the site (`npm start`), then `npm run lighthouse` (LIGHTHOUSE_URL to point elsewhere).
// Exits non-zero when accessibility, best practices or SEO is under 100, so CI can gate on it.
import * as chromeLauncher from "chrome-launcher";
import lighthouse from "lighthouse";

const base = (process.env.LIGHTHOUSE_URL ?? `http://127.0.0.1:${process.env.PORT ?? 3000}`).replace(/\/+$/, "");
const paths = process.argv.slice(2).length ? process.argv.slice(2) : ["/", "/chapters/kafka", "/questions", "/quiz"];
const GATED = ["accessibility", "best-practices", "seo"];

const chrome = await chromeLauncher.launch({
  chromePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
  chromeFlags: ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run", "--disable-background-networking"],
});
let failed = false;
try {
  const rows = [];
  for (const path of paths) {
    // Mobile is Lighthouse's default form factor and throttling (the "mobile preset").
    const result = await lighthouse(`${base}${path}`, { port: chrome.port, output: "json", logLevel: "error", onlyCategories: ["performance", "accessibility", "best-practices", "seo"] });
    const lhr = result.lhr;
    const scores = Object.fromEntries(Object.entries(lhr.categories).map(([id, c]) => [id, Math.round((c.score ?? 0) * 100)]));
    rows.push({ path, ...scores });
    for (const id of GATED) {
      if (scores[id] < 100) {
        failed = true;
        const audits = lhr.categories[id].auditRefs.map((r) => lhr.audits[r.id]).filter((a) => a.score !== null && a.score < 1 && a.scoreDisplayMode !== "informative" && a.scoreDisplayMode !== "manual");
        for (const a of audits) console.log(`  ${path} ${id}: ${a.id} — ${a.title}`);
      }
    }
  }
  console.table(rows);
} finally {
  await chrome.kill();
}
process.exit(failed ? 1 : 0);
