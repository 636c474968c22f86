import AxeBuilder from "@axe-core/playwright";
import { expect, test } from "@playwright/test";
import { PAGES, VIEWPORTS } from "./pages";

// Every page type, in both themes, on a desktop and a phone: any axe violation fails the run.
const TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"];

for (const [size, viewport] of Object.entries(VIEWPORTS)) {
  for (const scheme of ["light", "dark"] as const) {
    test.describe(`axe ${size} ${scheme}`, () => {
      test.use({ viewport, colorScheme: scheme });
      for (const p of PAGES) {
        test(p.name, async ({ page }) => {
          // The question list and glossary are long pages; axe needs time on them on a busy machine.
          test.setTimeout(180_000);
          await page.goto(p.path);
          await expect(page.locator("h1").first()).toBeVisible();
          const { violations } = await new AxeBuilder({ page }).withTags(TAGS).analyze();
          const summary = violations.map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(" ")).slice(0, 5).join(" | ")}`);
          expect(summary).toEqual([]);
        });
      }
    });
  }
}

test.describe("axe on opened widgets", () => {
  test("phone menu open, chapter lists expanded", async ({ page }) => {
    await page.setViewportSize(VIEWPORTS.mobile);
    await page.goto("/chapters/kafka");
    await page.locator(".menu-button[data-ready]").click();
    for (const summary of await page.locator("details.collapsible > summary").all()) await summary.click();
    const { violations } = await new AxeBuilder({ page }).withTags(TAGS).analyze();
    expect(violations.map((v) => v.id)).toEqual([]);
  });
});

test.describe("axe with studied cards", () => {
  // Progress and stats render charts, a leech list and the workload simulator only once there are reviews.
  for (const scheme of ["light", "dark"] as const) {
    test(`progress and stats after six answers (${scheme})`, async ({ page }) => {
      test.setTimeout(180_000);
      await page.emulateMedia({ colorScheme: scheme });
      await page.goto("/quiz?deck=all&size=20");
      for (let i = 1; i <= 6; i++) {
        await expect(page.getByRole("button", { name: "Show answer" })).toBeFocused();
        await page.keyboard.press("Space");
        await expect(page.getByTestId("answer-region")).toBeFocused();
        await page.keyboard.press(i % 3 === 0 ? "1" : "3");
        await expect(page.getByTestId("reviewed-count")).toHaveText(new RegExp(`^${i} / `));
      }
      for (const path of ["/progress", "/stats"]) {
        await page.goto(path);
        await expect(page.locator("h1").first()).toBeVisible();
        const { violations } = await new AxeBuilder({ page }).withTags(TAGS).analyze();
        const summary = violations.map((v) => `${path} ${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(" ")).slice(0, 5).join(" | ")}`);
        expect(summary).toEqual([]);
      }
    });
  }
});
