import { expect, test } from "@playwright/test";

test("read a chapter: table of contents, anchors and next chapter", async ({ page }) => {
  await page.goto("/chapters");
  const first = page.locator("a.card").first();
  const title = (await first.locator("h3").textContent())!;
  await first.click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(title);
  await expect(page.getByText(/min read/).first()).toBeVisible();
  const toc = page.getByRole("navigation", { name: "On this page" });
  const section = toc.getByRole("link").nth(1);
  const href = (await section.getAttribute("href"))!;
  await section.click();
  await expect(page).toHaveURL(new RegExp(`${href}$`));
  await expect(page.locator(href)).toBeInViewport();
  const next = page.getByRole("link", { name: /^Next/ });
  const nextTitle = (await next.textContent())!.replace(/^Next/, "");
  await next.click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(nextTitle);
});

test("search from the keyboard shortcut shows results as you type", async ({ page }) => {
  await page.goto("/");
  // The shortcut is wired up once the page has hydrated.
  await expect(page.locator("form.search-box[data-ready]")).toBeAttached();
  await page.keyboard.press("/");
  const box = page.getByRole("combobox", { name: /Search/ });
  await expect(box).toBeFocused();
  await page.keyboard.type("kafka partitio");
  const options = page.getByRole("option");
  await expect(options.first()).toBeVisible();
  await expect(options.first().locator("mark").first()).toBeVisible();
  const target = (await options.first().getAttribute("data-url"))!;
  await page.keyboard.press("ArrowDown");
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(new RegExp(target.replace(/[.*+?^${}()|[\]\\]/g, "\\$&") + "$"));

  await page.keyboard.press("Control+k");
  await expect(box).toBeFocused();
});

test("search works without JavaScript", async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto("/search?q=consumer+group");
  await expect(page.getByText(/results for “consumer group”/)).toBeVisible();
  await expect(page.locator("main ol li").first()).toBeVisible();
  await context.close();
});

test("blueprint stages and glossary terms", async ({ page }) => {
  await page.goto("/blueprint?stage=store");
  await expect(page.getByRole("heading", { level: 2, name: "Store" })).toBeVisible();
  await page.getByRole("list", { name: "The five stages of a data platform" }).getByRole("link", { name: "Buffer", exact: true }).click();
  await expect(page.getByRole("heading", { level: 2, name: "Buffer" })).toBeVisible();
  await expect(page.getByRole("region", { name: "Buffer" }).or(page.locator("#stage")).getByRole("link", { name: /Kafka/ }).first()).toBeVisible();

  await page.goto("/chapters");
  await page.locator("a.card").first().click();
  const term = page.locator("a.term").first();
  await term.focus();
  await expect(term.locator(".term-tip")).toBeVisible();
});

test("a question page hides its answer until revealed", async ({ page }) => {
  await page.goto("/questions?difficulty=senior");
  await page.locator(".question-list a").first().click();
  const answer = page.locator("details.answer");
  await expect(answer.getByRole("heading", { name: "Key points" })).toBeHidden();
  await answer.getByText("Show answer").click();
  await expect(answer.getByRole("heading", { name: "Key points" })).toBeVisible();
});

test("a five-card session with Space and 1–4, then progress survives a reload", async ({ page }) => {
  await page.goto("/quiz?deck=all&size=5");
  const grades = ["3", "4", "1", "2", "3"];
  for (const [i, grade] of grades.entries()) {
    await expect(page.getByTestId("reviewed-count")).toContainText(`${i} / 5`);
    await expect(page.getByRole("button", { name: "Show answer" })).toBeVisible();
    await expect(page.getByTestId("quiz-answer")).toBeHidden();
    await page.keyboard.press("Space");
    await expect(page.getByTestId("quiz-answer")).toBeVisible();
    await expect(page.getByRole("button", { name: /^Good/ })).toContainText(/\d+(s|m|h|d|mo|y)/);
    await page.keyboard.press(grade);
  }
  await expect(page.getByRole("heading", { name: "Session complete" })).toBeVisible();
  await expect(page.getByTestId("summary-count")).toHaveText("5");

  await page.goto("/progress");
  await expect(page.getByTestId("stat-reviews-today")).toContainText("5");
  await page.reload();
  await expect(page.getByTestId("stat-reviews-today")).toContainText("5");
  await expect(page.getByTestId("stat-studied")).toContainText(/^5 of \d+/);

  await page.goto("/");
  await expect(page.getByRole("link", { name: "Continue studying" })).toBeVisible();
  // The home page is prerendered for everyone; the learner's own counts arrive from the API.
  await expect(page.getByTestId("study-summary")).toContainText(/5 of \d+ studied/);
});

test("a tampered learner cookie sees a fresh learner, not someone else's progress", async ({ page, context, browser }) => {
  await page.goto("/quiz?deck=all&size=5");
  await expect(page.getByRole("button", { name: "Show answer" })).toBeVisible();
  await page.keyboard.press("Space");
  await expect(page.getByTestId("quiz-answer")).toBeVisible();
  await page.keyboard.press("3");
  await expect(page.getByTestId("reviewed-count")).toContainText("1 /");
  const cookie = (await context.cookies()).find((c) => c.name === "learner")!;
  expect(cookie.httpOnly).toBe(true);
  expect(cookie.sameSite).toBe("Lax");

  const [id, sig] = cookie.value.split(".");
  const other = await browser.newContext();
  const forgedId = id.slice(0, -2) + (id.endsWith("AA") ? "BB" : "AA");
  await other.addCookies([{ ...cookie, value: `${forgedId}.${sig}` }]);
  const p2 = await other.newPage();
  await p2.goto("/progress");
  await expect(p2.getByTestId("stat-reviews-today")).toContainText(/^0/);
  // Pages never set the cookie (they may be cached); the first API call replaces the forged one.
  await p2.goto("/quiz?deck=all&size=5");
  await expect(p2.getByRole("button", { name: "Show answer" })).toBeVisible();
  const replaced = (await other.cookies()).find((c) => c.name === "learner")!;
  expect(replaced.value).not.toContain(forgedId);
  await other.close();
});

test("bad requests get a 4xx with a message", async ({ request }) => {
  const bad = await request.post("/api/quiz/review", { data: { reviewId: "nope", questionId: "x", rating: 9 } });
  expect(bad.status()).toBe(400);
  expect((await bad.json()).error).toMatch(/rating/);
  const unknown = await request.post("/api/quiz/review", { data: { reviewId: crypto.randomUUID(), questionId: "no-such-question", rating: 3 } });
  expect(unknown.status()).toBe(404);
  expect((await request.get("/api/quiz/next?deck=topic:Bad Value")).status()).toBe(400);
  expect((await request.get("/chapters/no-such-chapter")).status()).toBe(404);
});

test("dark mode toggle sticks across pages", async ({ page }) => {
  await page.goto("/");
  await expect(page.locator("form.search-box[data-ready]")).toBeAttached();
  const toggle = page.getByRole("button", { name: /Switch to (dark|light) theme/ });
  const label = (await toggle.getAttribute("aria-label"))!;
  const target = label.includes("dark") ? "dark" : "light";
  await toggle.click();
  await expect(page.locator("html")).toHaveAttribute("data-theme", target);
  await page.goto("/chapters");
  await expect(page.locator("html")).toHaveAttribute("data-theme", target);
});
