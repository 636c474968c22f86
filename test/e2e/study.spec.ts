import { expect, test } from "@playwright/test";

test("typing mode: type, tick key points, accept the proposed grade", async ({ page }) => {
  await page.goto("/quiz?deck=all&size=5&mode=type");
  const box = page.getByRole("textbox", { name: "Your answer" });
  await expect(box).toBeFocused();
  await box.fill("A partition is read by one consumer per group.");
  await page.keyboard.press("Control+Enter");
  await expect(page.getByTestId("typed-answer")).toHaveText("A partition is read by one consumer per group.");
  const points = page.locator(".checklist input[type=checkbox]");
  const count = await points.count();
  expect(count).toBeGreaterThanOrEqual(2);
  await expect(page.getByTestId("proposed-grade")).toContainText("Again");
  for (let i = 0; i < count; i++) await points.nth(i).check();
  await expect(page.getByTestId("proposed-grade")).toContainText("Good");
  await expect(page.locator(".grades button.proposed")).toContainText("Good");
  await page.getByRole("button", { name: /^Good/ }).focus();
  await page.keyboard.press("Enter");
  await expect(page.getByTestId("reviewed-count")).toContainText("1 / 5");
});

test("undo with U brings the last card back and un-counts it", async ({ page }) => {
  await page.goto("/quiz?deck=all&size=5");
  await expect(page.getByRole("button", { name: "Show answer" })).toBeVisible();
  const first = await page.getByTestId("quiz-question").innerText();
  await page.keyboard.press("Space");
  await page.keyboard.press("4");
  await expect(page.getByTestId("reviewed-count")).toContainText("1 / 5");
  await expect(page.getByTestId("quiz-question")).not.toHaveText(first);
  await page.keyboard.press("u");
  await expect(page.getByTestId("reviewed-count")).toContainText("0 / 5");
  await expect(page.getByTestId("quiz-question")).toHaveText(first);
  await expect(page.getByText("Last answer undone.")).toBeVisible();

  await page.goto("/progress");
  await expect(page.getByTestId("stat-reviews-today")).toContainText(/^0/);
});

test("practice mode leaves the schedule alone", async ({ page }) => {
  await page.goto("/quiz?deck=all&size=5&practice=1");
  await expect(page.getByText(/Practice mode/)).toBeVisible();
  await expect(page.getByRole("button", { name: "Show answer" })).toBeVisible();
  await page.keyboard.press("Space");
  await expect(page.getByTestId("quiz-answer")).toBeVisible();
  await page.keyboard.press("1");
  await expect(page.getByTestId("reviewed-count")).toContainText("1 / 5");
  await page.goto("/progress");
  await expect(page.getByTestId("stat-reviews-today")).toContainText(/^0/);
  await expect(page.getByTestId("stat-studied")).toContainText(/^0 of/);
});

test("a mock round: timed questions, self-grading, and a round report", async ({ page }) => {
  await page.goto("/mock");
  await expect(page.locator("form.search-box[data-ready]")).toBeAttached();
  await page.getByRole("button", { name: "Start the round" }).click();
  await expect(page.getByTestId("mock-timer")).toContainText(/left/);
  for (let i = 0; i < 8; i++) {
    await expect(page.getByText(`Question ${i + 1} of 8`)).toBeVisible();
    if (i === 6) {
      // The SQL slot is a real exercise: giving up reveals the solution and proposes Again.
      await expect(page.getByTestId("quiz-exercise")).toBeVisible();
      await page.getByRole("button", { name: "Give up and show the solution" }).click();
      await expect(page.getByTestId("proposed-grade")).toContainText("Not solved");
    } else {
      await page.getByRole("button", { name: /show the model answer/ }).click();
      await page.locator(".checklist input[type=checkbox]").first().check();
    }
    await page.getByRole("button", { name: i % 2 ? /^Good/ : /^Hard/ }).click();
  }
  await expect(page.getByRole("heading", { name: "Round report" })).toBeVisible();
  await expect(page.locator("table tbody tr")).toHaveCount(8);
  await expect(page.locator("table tbody tr").nth(6)).toContainText("gave up");
  await expect(page.getByTestId("mock-score")).toHaveText("4");

  await page.goto("/stats");
  await expect(page.getByTestId("streak")).toContainText(/^1 day streak/);
  await expect(page.getByRole("img", { name: /Reviews per day/ })).toBeVisible();
});

test("export downloads the learner's progress as JSON", async ({ page }) => {
  await page.goto("/quiz?deck=all&size=5");
  await expect(page.getByRole("button", { name: "Show answer" })).toBeVisible();
  await page.keyboard.press("Space");
  await expect(page.getByTestId("quiz-answer")).toBeVisible();
  await page.keyboard.press("3");
  await expect(page.getByTestId("reviewed-count")).toContainText("1 / 5");
  const res = await page.request.get("/api/progress/export");
  expect(res.ok()).toBe(true);
  const body = await res.json();
  expect(body.format).toBe("de-interview-prep/progress");
  expect(body.reviews).toHaveLength(1);
  const bad = await page.request.post("/api/progress/import", { data: { format: "nope" } });
  expect(bad.status()).toBe(400);
});
