import { expect, test, type Page } from "@playwright/test";

// Keyboard use of the quiz: shortcuts help, but a focused control always does its own job.

async function openDeck(page: Page, url: string) {
  await page.goto(url);
  await expect(page.getByRole("button", { name: "Show answer" })).toBeFocused();
}

test("Tab to Again and Enter grades Again, not the default Good", async ({ page }) => {
  await openDeck(page, "/quiz?deck=all&size=5");
  await page.keyboard.press("Space");
  await expect(page.getByTestId("quiz-answer")).toBeVisible();
  await expect(page.getByTestId("answer-region")).toBeFocused();
  await page.getByRole("button", { name: /^Again/ }).focus();
  await page.keyboard.press("Enter");
  await expect(page.getByTestId("reviewed-count")).toContainText("1 / 5");
  // Finish the session with Good from the keyboard; the summary must show exactly one Again.
  for (let i = 2; i <= 5; i++) {
    await expect(page.getByRole("button", { name: "Show answer" })).toBeFocused();
    await page.keyboard.press("Space");
    await expect(page.getByTestId("answer-region")).toBeFocused();
    await page.keyboard.press("3");
    if (i < 5) await expect(page.getByTestId("reviewed-count")).toContainText(`${i} / 5`);
  }
  await expect(page.getByTestId("summary-count")).toHaveText("5");
  await expect(page.locator(".summary-table tr", { hasText: "Again" }).locator("td")).toHaveText("1");
  await expect(page.locator(".summary-table tr", { hasText: "Good" }).locator("td")).toHaveText("4");
});

test("Enter on the focused section link follows the link instead of grading", async ({ page }) => {
  await openDeck(page, "/quiz?deck=all&size=5");
  await page.keyboard.press("Space");
  const link = page.getByRole("link", { name: "Read the section that teaches this" });
  await link.focus();
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/\/chapters\//);
});

test("the grade bar stays in view on a long answer, with the card tools", async ({ page }) => {
  await page.setViewportSize({ width: 800, height: 420 });
  await openDeck(page, "/quiz?deck=all&size=5");
  await page.keyboard.press("Space");
  const bar = page.getByTestId("grade-bar");
  await expect(bar).toBeInViewport();
  await expect(bar.getByRole("button", { name: /Flag/ })).toBeVisible();
});

test("F and Shift+F both toggle the flag", async ({ page }) => {
  await openDeck(page, "/quiz?deck=all&size=5");
  await page.keyboard.press("f");
  await expect(page.getByText("Flagged. Find it under the Flagged deck.")).toBeVisible();
  await page.keyboard.press("Shift+F");
  await expect(page.getByText("Flag removed.")).toBeVisible();
});

test("typing mode: after checking, focus is on the first key point", async ({ page }) => {
  await page.goto("/quiz?deck=all&size=5&mode=type");
  const box = page.getByRole("textbox", { name: "Your answer" });
  await expect(box).toBeFocused();
  await box.fill("something");
  await page.keyboard.press("Control+Enter");
  await expect(page.locator(".checklist input[type=checkbox]").first()).toBeFocused();
  // Space on the focused checkbox ticks it; it does not grade.
  await page.keyboard.press("Space");
  await expect(page.locator(".checklist input[type=checkbox]").first()).toBeChecked();
  await expect(page.getByTestId("reviewed-count")).toContainText("0 / 5");
});

test("an empty Flagged deck says so instead of claiming everything is reviewed", async ({ page }) => {
  await page.goto("/quiz?deck=flagged");
  await expect(page.getByTestId("empty-reason")).toContainText("You have not flagged any questions");
  await expect(page.getByText(/reviewed everything due/)).toHaveCount(0);
});

test("the interview deck without a date says so", async ({ page }) => {
  await page.goto("/quiz?deck=interview&size=5");
  await expect(page.getByTestId("no-interview-date")).toBeVisible();
});

test("mock round: keys reveal and grade, and the report opens at the top", async ({ page }) => {
  await page.goto("/mock");
  // The button works once React has hydrated; retry the click until the round starts.
  await expect(async () => {
    await page.getByRole("button", { name: "Start the round" }).click();
    await expect(page.getByText(/Question 1 of/)).toBeVisible({ timeout: 1000 });
  }).toPass();
  const total = Number((await page.getByText(/Question 1 of/).innerText()).match(/of (\d+)/)![1]);
  for (let i = 1; i <= total; i++) {
    await expect(page.getByText(new RegExp(`Question ${i} of`))).toBeVisible();
    // The exercise card loads lazily: wait for either kind of slot before telling them apart.
    await expect(page.getByTestId("quiz-exercise").or(page.getByRole("textbox", { name: "Your answer" }))).toBeVisible();
    if (await page.getByTestId("quiz-exercise").isVisible()) {
      // The SQL slot is a real exercise: give up from the keyboard, then grade with a key like the others.
      const giveUp = page.getByRole("button", { name: "Give up and show the solution" });
      await giveUp.focus();
      await page.keyboard.press("Enter");
      await expect(page.getByTestId("proposed-grade")).toContainText("Not solved");
      await page.keyboard.press("3");
      continue;
    }
    await expect(page.getByRole("textbox", { name: "Your answer" })).toBeFocused();
    await page.keyboard.press("Control+Enter");
    await expect(page.getByTestId("quiz-answer")).toBeVisible();
    await page.keyboard.press("3");
  }
  await expect(page.getByRole("heading", { name: "Round report" })).toBeFocused();
  expect(await page.evaluate(() => window.scrollY)).toBe(0);
});
