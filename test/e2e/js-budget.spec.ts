import { expect, test } from "@playwright/test";
import { firstLoadJs } from "../../scripts/bench-pages";

// First-load JavaScript per route, in gzip bytes as `next start` sends them: a size budget, not a timing,
// so it can fail the build. Measured 2026-12-05: 137.8–138.5 kB on content pages and 143.6 kB on /quiz,
// of which React DOM and Next's runtime are about 118 kB. The budgets sit just above that, so a new
// client dependency on every page (an editor, a search library) shows up here instead of in Lighthouse.
const BUDGET_KB: Record<string, number> = {
  "/": 145,
  "/chapters/kafka": 145,
  "/questions": 145,
  "/glossary": 145,
  "/quiz": 150,
};

for (const [path, budget] of Object.entries(BUDGET_KB)) {
  test(`first-load JS of ${path} stays within ${budget} kB gz`, async ({ baseURL }) => {
    const { kb, scripts } = await firstLoadJs(baseURL!, path);
    expect(scripts, "the page loads its scripts").toBeGreaterThan(0);
    expect(kb, `${path}: ${kb} kB gz`).toBeLessThanOrEqual(budget);
  });
}
