import { expect, test } from "@playwright/test";

test("progress projects the workload and advances, then postpones, reviews", async ({ page }) => {
  // Three cards graded Easy graduate at once to review, due in a few days.
  await page.goto("/quiz?deck=all&size=5");
  for (let i = 1; i <= 3; i++) {
    await expect(page.getByRole("button", { name: "Show answer" })).toBeVisible();
    await page.keyboard.press("Space");
    await page.keyboard.press("4");
    await expect(page.getByTestId("reviewed-count")).toContainText(`${i} / 5`);
  }

  await page.goto("/progress");
  await expect(page.getByRole("img", { name: /Expected reviews per day for the next 90 days/ })).toBeVisible();
  const totals = page.getByTestId("workload-total");
  await expect(totals).toHaveCount(4);
  await expect(totals.filter({ hasText: "90%, your setting" })).toHaveCount(1);

  const advance = page.getByTestId("advance-form");
  await advance.getByRole("spinbutton").fill("2");
  await advance.getByRole("button", { name: "Advance" }).click();
  await expect(advance.getByRole("status")).toHaveText("2 cards are due now, weakest first.");

  // Two cards due now, spread over today and the next 3 days: the stronger one moves.
  const postpone = page.getByTestId("postpone-form");
  await postpone.getByRole("spinbutton").fill("3");
  await postpone.getByRole("button", { name: "Postpone" }).click();
  await expect(postpone.getByRole("status")).toHaveText("Moved 1 card to the next 3 days; the weakest stay due today.");
});
