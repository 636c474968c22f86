import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";

// Two browsers (contexts) become one learner through a one-time code; the code works once; unlinking
// cuts the second browser off.

async function gradeGood(page: Page, n: number) {
  await page.goto("/quiz?deck=all");
  for (let i = 1; i <= n; i++) {
    await expect(page.getByRole("button", { name: "Show answer" })).toBeFocused();
    await page.keyboard.press("Space");
    await expect(page.getByTestId("answer-region")).toBeFocused();
    await page.keyboard.press("3");
    await expect(page.getByTestId("reviewed-count")).toHaveText(new RegExp(`^${i} / `));
  }
}

const reviewsTotal = (page: Page) => page.getByTestId("stat-reviews-total").locator("strong");

test("a code shown on A links B to A's progress, once; unlinking B cuts it off", async ({ browser }) => {
  // Three browsers, four quiz sessions and an axe run: well past the default minute on a busy machine.
  test.setTimeout(180_000);
  const a = await (await browser.newContext()).newPage();
  const b = await (await browser.newContext()).newPage();
  const c = await (await browser.newContext()).newPage();

  await gradeGood(a, 3);
  await a.goto("/progress");
  await expect(reviewsTotal(a)).toHaveText("3");
  await a.getByRole("button", { name: "Link another device" }).click();
  const code = (await a.getByTestId("link-code").textContent())?.trim() ?? "";
  expect(code).toMatch(/^[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$/);
  await expect(a.getByRole("img", { name: /QR code for http:\/\/.+\/link\?code=/ })).toBeVisible();

  // B starts with progress of its own, so linking visibly switches it.
  await gradeGood(b, 1);
  await b.goto("/link");
  await b.getByLabel("Link code or recovery key").fill(code.toLowerCase().replace("-", " "));
  await b.getByRole("button", { name: "Link this browser" }).click();
  await expect(b).toHaveURL(/\/progress$/);
  await expect(reviewsTotal(b)).toHaveText("3");

  // The same code from a third browser: refused with a message, and C stays on its own (empty) progress.
  await c.goto(`/link?code=${encodeURIComponent(code)}`);
  await expect(c.getByLabel("Link code or recovery key")).toHaveValue(code);
  await c.getByRole("button", { name: "Link this browser" }).click();
  await expect(c.getByTestId("link-status")).toContainText("already been used");
  await c.goto("/progress");
  await expect(reviewsTotal(c)).toHaveText("0");

  // A answers once more; B sees it. Then A unlinks B, and B's next page no longer shows A's progress.
  await gradeGood(a, 1);
  await b.reload();
  await expect(reviewsTotal(b)).toHaveText("4");
  await a.goto("/progress");
  const list = a.getByTestId("device-list");
  await expect(list.locator("li")).toHaveCount(2);
  // The opened widgets (code, QR code, device list, recovery key) pass axe too.
  await a.getByRole("button", { name: "Link another device" }).click();
  await a.getByRole("button", { name: "Create a recovery key" }).click();
  await expect(a.getByTestId("recovery-key")).toHaveText(/^([0-9A-HJKMNP-TV-Z]{4}-){6}[0-9A-HJKMNP-TV-Z]{4}$/);
  const axe = await new AxeBuilder({ page: a }).include("section[aria-labelledby=devices]").withTags(["wcag2a", "wcag2aa", "wcag21aa", "wcag22aa", "best-practice"]).analyze();
  expect(axe.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(" | ")}`)).toEqual([]);
  await list.getByRole("button", { name: /^Unlink/ }).click();
  await expect(a.getByText("Unlinked. That browser no longer sees your progress.")).toBeVisible();
  await expect(list.locator("li")).toHaveCount(1);
  await b.reload();
  await expect(b.getByTestId("unlinked-notice")).toBeVisible();
  await b.goto("/link");
  await expect(b.getByTestId("unlinked-notice")).toBeVisible();
  await b.goto("/progress");
  await expect(reviewsTotal(b)).toHaveText("0");
});
