import { expect, test } from "@playwright/test";

// A chapter deck holds the chapter's questions and its exercises; an exercise is solved inline on the
// quiz page (the practice workbench, run in the browser), graded with the quiz's grade bar, undoable,
// and scheduled like any card.
test.describe.configure({ timeout: 300_000 });
const VERDICT = { timeout: 30_000 };

test("practise a chapter: an exercise comes up in the deck, is solved by typing, undone, solved again and scheduled", async ({ page }) => {
  await page.goto("/chapters/sql-fundamentals");
  await page.getByTestId("practise-chapter").click();
  await expect(page).toHaveURL(/\/quiz\?deck=chapter:sql-fundamentals/);

  // Exercises are spread among the questions: one comes up within the first few cards.
  const exercise = page.getByTestId("quiz-exercise");
  for (let i = 0; i < 3 && !(await exercise.isVisible()); i++) {
    await expect(page.getByRole("button", { name: "Show answer" }).or(exercise)).toBeVisible();
    if (await exercise.isVisible()) break;
    await page.keyboard.press("Space");
    await page.keyboard.press("3");
    await expect(page.getByTestId("reviewed-count")).toContainText(`${i + 1} / 20`);
  }
  await expect(exercise).toBeVisible();
  const done = Number((await page.getByTestId("reviewed-count").textContent())!.split(" ")[0]);
  await expect(page.getByTestId("engine-status")).toHaveText("Engine ready.", { timeout: 180_000 });

  // The reference solution, as the reveal endpoint gives it after giving up; typed in by hand.
  const href = (await exercise.getByRole("link", { name: /open on its own page/ }).getAttribute("href"))!;
  const id = href.split("/").pop()!;
  const reveal = (await (await page.request.get(`/api/practice/reveal?id=${id}`)).json()) as { solutions: string[] };
  await page.getByTestId("code-editor").click();
  await page.keyboard.type(reveal.solutions[0]);
  await page.keyboard.press("Control+Enter");
  await expect(page.getByTestId("verdict")).toContainText("Correct", VERDICT);
  await expect(page.getByTestId("proposed-grade")).toContainText("Solved");
  await expect(page.getByTestId("solution").first()).toBeVisible();
  await page.getByRole("button", { name: /^Good/ }).click();
  await expect(page.getByTestId("reviewed-count")).toContainText(`${done + 1} / 20`);

  // Undo brings the same exercise back; the draft is kept, so running it again passes.
  await page.getByRole("button", { name: /^Undo/ }).click();
  await expect(page.getByText("Last answer undone.")).toBeVisible();
  await expect(exercise.getByRole("link", { name: /open on its own page/ })).toHaveAttribute("href", href);
  await expect(page.getByTestId("reviewed-count")).toContainText(`${done} / 20`);
  await expect(page.getByTestId("engine-status")).toHaveText("Engine ready.", { timeout: 180_000 });
  await page.getByTestId("run").click();
  await expect(page.getByTestId("verdict")).toContainText("Correct", VERDICT);
  await page.getByRole("button", { name: /^Good/ }).click();
  await expect(page.getByTestId("reviewed-count")).toContainText(`${done + 1} / 20`);

  // Scheduled: its own page shows the next review, and Stats counts it under SQL exercises.
  await page.goto(href);
  await expect(page.getByTestId("schedule")).toContainText("next review");
  await page.goto("/stats");
  await expect(page.getByTestId("exercise-stats")).toContainText(/SQL exercises\s*1 \/ \d+/);
});
