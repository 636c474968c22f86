import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";

const BUDGET = 100 * 1024;

async function openSearch(page: Page, query: string) {
  await expect(page.locator("form.search-box[data-ready]")).toBeAttached();
  await page.keyboard.press("/");
  const box = page.getByRole("combobox", { name: /Search/ });
  await expect(box).toBeFocused();
  await page.keyboard.type(query);
  await expect(page.getByRole("option").first()).toBeVisible();
  return box;
}

test("relevance: swapped letters, stop words, a question in words", async ({ request }) => {
  const urls = async (q: string) => ((await (await request.get(`/api/search?limit=5&q=${encodeURIComponent(q)}`)).json()) as { hits: { url: string }[] }).hits.map((h) => h.url);
  expect((await urls("kafak"))[0]).toBe("/chapters/kafka");
  expect((await urls("parquet vs avro")).slice(0, 3)).toContain("/questions/parquet-vs-avro-difference");
  expect((await urls("what is kafka"))[0]).toBe("/chapters/kafka");
});

test("snippets show the text a reader sees, not entities", async ({ request }) => {
  const res = await request.get(`/api/search?limit=50&q=${encodeURIComponent("jira status progress updated")}`);
  const hits = ((await res.json()) as { hits: { snippet: string }[] }).hits;
  expect(hits.length).toBeGreaterThan(0);
  for (const h of hits) expect(h.snippet).not.toMatch(/&amp;#x?[0-9a-f]+;/i);
});

test("header search on a phone: fits the screen, Escape keeps the text, the highlighted result stays in view", async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto("/");
  const box = await openSearch(page, "kafka");
  const popup = page.locator(".search-results");
  const rect = (await popup.boundingBox())!;
  expect(rect.x).toBeGreaterThanOrEqual(0);
  expect(rect.x + rect.width).toBeLessThanOrEqual(390);

  const count = await page.getByRole("option").count();
  for (let i = 0; i < count; i++) await page.keyboard.press("ArrowDown");
  const selected = page.locator('[role="option"][aria-selected="true"]');
  await expect(selected).toHaveCount(1);
  await expect(selected).toBeInViewport({ ratio: 0.9 });

  await page.keyboard.press("Escape");
  await expect(page.getByRole("listbox")).toHaveCount(0);
  await expect(box).toHaveValue("kafka");
  await expect(box).toBeFocused();
});

test("search listbox and landmarks pass axe", async ({ page }) => {
  await page.goto("/search?q=kafka");
  await openSearch(page, "kafka");
  const results = await new AxeBuilder({ page }).withRules(["aria-required-children", "nested-interactive", "landmark-unique", "aria-allowed-attr", "aria-valid-attr-value"]).analyze();
  expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);
});

test("/search pages past 50 results without JavaScript", async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto("/search?q=data");
  await expect(page.locator("main ol > li")).toHaveCount(50);
  await page.getByRole("navigation", { name: "Result pages" }).getByRole("link", { name: /Next/ }).click();
  await expect(page).toHaveURL(/page=2/);
  await expect(page.locator("main ol > li").first()).toBeVisible();
  await context.close();
});

test("list pages stay under 100 kB of HTML, paged with filters in the URL", async ({ request, browser }) => {
  const size = async (url: string) => {
    const res = await request.get(url);
    expect(res.status(), url).toBe(200);
    return (await res.body()).byteLength;
  };
  for (const url of ["/questions", "/questions?topic=system-design", "/questions?page=2&difficulty=senior", "/glossary", "/glossary/s", "/glossary/s-2", "/glossary/d", "/glossary/d-2", "/glossary/c"]) {
    expect(await size(url), url).toBeLessThanOrEqual(BUDGET);
  }
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto("/questions?topic=system-design");
  await expect(page.locator(".question-list > li")).toHaveCount(50);
  await page.getByRole("navigation", { name: "Question pages" }).getByRole("link", { name: /Next/ }).click();
  await expect(page).toHaveURL(/topic=system-design.*page=2|page=2.*topic=system-design/);
  await expect(page.locator(".question-list > li").first()).toBeVisible();
  await context.close();
});

test("an old /glossary#term link lands on the term's letter page", async ({ page }) => {
  await page.goto("/glossary#python-decorator");
  await expect(page).toHaveURL(/\/glossary\/d(-2)?#python-decorator$/, { timeout: 20_000 });
  await expect(page.locator("#python-decorator")).toBeVisible();
  await page.goto("/glossary#acid");
  await expect(page.locator("#acid")).toBeVisible({ timeout: 20_000 });
});

test("the question list marks what this learner has studied, and only for them", async ({ page, browser, baseURL }) => {
  await page.goto("/questions?topic=kafka-messaging");
  const first = page.locator(".question-list > li").first();
  const href = (await first.getByRole("link").getAttribute("href"))!;
  await expect(first.getByText("studied", { exact: true })).toHaveCount(0);
  const res = await page.request.post("/api/quiz/review", {
    headers: { Origin: baseURL! },
    data: { reviewId: crypto.randomUUID(), questionId: href.split("/").pop(), rating: 3 },
  });
  expect(res.status()).toBe(200);
  await page.reload();
  await expect(page.locator(".question-list > li").first().getByText("studied", { exact: true })).toBeVisible();

  const other = await browser.newContext();
  const stranger = await other.newPage();
  await stranger.goto("/questions?topic=kafka-messaging");
  await expect(stranger.locator(".question-list > li").first().getByText("studied", { exact: true })).toHaveCount(0);
  await other.close();
});
