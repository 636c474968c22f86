import { expect, test } from "@playwright/test";

test("favicon, app icons and the web manifest are served", async ({ request }) => {
  const ico = await request.get("/favicon.ico");
  expect(ico.status()).toBe(200);
  expect((await ico.body()).readUInt16LE(2)).toBe(1); // an ICO header, not an HTML error page
  expect((await request.get("/icon.svg")).status()).toBe(200);
  const manifest = await request.get("/manifest.webmanifest");
  expect(manifest.status()).toBe(200);
  const json = (await manifest.json()) as { name: string; icons: { src: string; sizes: string }[] };
  expect(json.name).toBe("DE Interview Prep");
  expect(json.icons.map((i) => i.sizes)).toEqual(expect.arrayContaining(["192x192", "512x512"]));
  for (const icon of json.icons) {
    const r = await request.get(icon.src);
    expect(r.status(), icon.src).toBe(200);
    expect(r.headers()["content-type"]).toBe("image/png");
  }
});

test("robots.txt points at a sitemap that lists the chapters", async ({ request }) => {
  const robots = await (await request.get("/robots.txt")).text();
  expect(robots).toMatch(/Disallow: \/api\//);
  const sitemapUrl = robots.match(/Sitemap: (\S+)/)![1];
  expect(sitemapUrl).toMatch(/\/sitemap\.xml$/);
  const sitemap = await (await request.get("/sitemap.xml")).text();
  expect(sitemap).toContain("/chapters/kafka</loc>");
  expect(sitemap).toContain("/case-studies/airbnb</loc>");
  expect(sitemap.match(/<url>/g)!.length).toBeGreaterThan(100);
});

test("pages carry a description, a canonical URL and OpenGraph tags", async ({ page }) => {
  for (const path of ["/", "/chapters/kafka", "/case-studies/airbnb", "/questions/agile-ad-hoc-requests-during-sprint", "/blueprint"]) {
    await page.goto(path);
    const canonical = await page.locator('link[rel="canonical"]').getAttribute("href");
    expect(new URL(canonical!).pathname, path).toBe(path);
    expect((await page.locator('meta[name="description"]').getAttribute("content"))!.length, path).toBeGreaterThan(40);
    expect(await page.locator('meta[property="og:title"]').getAttribute("content"), path).toBeTruthy();
    expect(await page.locator('meta[property="og:url"]').getAttribute("content"), path).toBe(canonical);
  }
});

test("an unknown address gets a 404 with a real title", async ({ page }) => {
  const res = await page.goto("/no-such-page");
  expect(res!.status()).toBe(404);
  await expect(page).toHaveTitle("Page not found · DE Interview Prep");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Page not found");
});

test("a chapter: highlighted code with a working copy button, edit link, print shows only the article", async ({ page, context }) => {
  await context.grantPermissions(["clipboard-read", "clipboard-write"]);
  await page.goto("/chapters/kafka");
  const block = page.locator(".code-block").first();
  const pre = block.locator("pre");
  await expect(pre).toHaveAttribute("tabindex", "0");
  await expect(pre).toHaveAttribute("aria-label", /code$/i);
  await expect(page.locator("pre.shiki span[style*='--shiki-light']").first()).toBeAttached();
  const copy = block.locator("button.copy-code");
  await expect(copy).toHaveText("Copy");
  // The click handler is attached at hydration, just after the button is shown.
  await expect(async () => {
    await copy.click();
    await expect(copy).toHaveText("Copied", { timeout: 1000 });
  }).toPass();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(await pre.textContent());

  const edit = page.getByRole("link", { name: "Edit this page" });
  expect(await edit.getAttribute("href")).toMatch(/\/blob\/[^/]+\/content\/chapters\/kafka\.md$/);

  await page.emulateMedia({ media: "print" });
  await expect(page.locator("header.site-header")).toBeHidden();
  await expect(page.getByRole("navigation", { name: "Chapters" })).toBeHidden();
  await expect(page.getByRole("navigation", { name: "On this page" })).toBeHidden();
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
});

test("questions and case studies link to their neighbours", async ({ page }) => {
  await page.goto("/case-studies/airbnb");
  const next = page.getByRole("navigation", { name: "Previous and next case study" }).getByRole("link", { name: /^Next/ });
  const company = (await next.textContent())!.replace(/^Next/, "");
  await next.click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText(company);

  await page.goto("/questions/agile-ad-hoc-requests-during-sprint");
  const pager = page.getByRole("navigation", { name: /^Previous and next question/ });
  const link = pager.getByRole("link").first();
  const title = (await link.locator("span").textContent())!;
  await link.click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(title);
});

test("blueprint badges keep bracketed remarks whole", async ({ page }) => {
  await page.goto("/blueprint?stage=buffer");
  const badges = await page.locator(".tool-badges .badge").allTextContents();
  expect(badges.length).toBeGreaterThan(3);
  for (const b of badges) expect((b.match(/\(/g) ?? []).length, b).toBe((b.match(/\)/g) ?? []).length);
  expect(badges.some((b) => b.startsWith("Apache Kafka"))).toBe(true);
  // The stage links are named by their visible words.
  await expect(page.getByRole("link", { name: "Processing framework" })).toBeVisible();
});
