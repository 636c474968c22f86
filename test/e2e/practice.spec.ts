import { expect, test, type Page } from "@playwright/test";

// Practice exercises run in the browser (PGlite / Pyodide workers) and are graded in the page.
test.describe.configure({ timeout: 240_000 });
// A run finishes in the worker; on a loaded 2-core CI machine a Pyodide run took longer than expect's 5 s default.
const VERDICT = { timeout: 30_000 };

async function open(page: Page, id: string) {
  await page.goto(`/practice/${id}`);
  await expect(page.getByTestId("engine-status")).toHaveText("Engine ready.", { timeout: 180_000 });
}

async function typeCode(page: Page, code: string, opts: { raw?: boolean } = {}) {
  const editor = page.getByTestId("code-editor");
  await editor.click();
  await page.keyboard.press("Control+a");
  await page.keyboard.press("Delete");
  // Python is inserted in one go so the editor's auto-indent does not double the indentation.
  if (opts.raw) await page.keyboard.insertText(code);
  else await page.keyboard.type(code);
}

test("solve an SQL exercise by typing, get it graded and scheduled; the schedule survives a reload", async ({ page }) => {
  await open(page, "ex-customers-without-orders");
  await expect(page.getByTestId("schedule")).toHaveText("not scheduled yet");
  await typeCode(page, "SELECT c.customer_id, c.name FROM customers c WHERE NOT EXISTS (SELECT 1 FROM orders o WHERE o.customer_id = c.customer_id)");
  await page.keyboard.press("Control+Enter");
  await expect(page.getByTestId("verdict")).toContainText("Correct", VERDICT);
  await expect(page.getByTestId("solution").first()).toBeVisible();
  await expect(page.getByText("proposed: Easy")).toBeVisible();
  await page.getByRole("button", { name: "Schedule next review" }).focus();
  await page.keyboard.press("Enter");
  await expect(page.getByTestId("scheduled")).toContainText("Recorded as Easy");
  await page.reload();
  await expect(page.getByTestId("schedule")).toContainText("next review");
  // The draft is kept per exercise.
  await expect(page.getByTestId("code-editor")).toContainText("NOT EXISTS");
});

test("a wrong answer shows missing and extra rows, never the solution", async ({ page }) => {
  await open(page, "ex-customers-without-orders");
  await typeCode(page, "SELECT customer_id, name FROM customers WHERE customer_id BETWEEN 341 AND 360");
  await page.keyboard.press("Control+Enter");
  await expect(page.getByTestId("verdict")).toContainText("Not yet", VERDICT);
  await expect(page.getByTestId("diff")).toContainText("Missing rows");
  await expect(page.getByTestId("diff")).toContainText("Extra rows");
  await expect(page.getByTestId("solution")).toHaveCount(0);
});

test("a runaway query is stopped, the engine restarts and the next run works", async ({ page }) => {
  await open(page, "ex-customers-without-orders");
  await typeCode(page, "WITH RECURSIVE r(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM r) SELECT count(*) FROM r");
  await page.keyboard.press("Control+Enter");
  await expect(page.getByTestId("timeout")).toContainText("Stopped after 5 s", { timeout: 30_000 });
  await expect(page.getByTestId("engine-status")).toHaveText("Engine ready.", { timeout: 180_000 });
  await typeCode(page, "SELECT c.customer_id, c.name FROM customers c LEFT JOIN orders o ON o.customer_id = c.customer_id WHERE o.order_id IS NULL");
  await page.keyboard.press("Control+Enter");
  await expect(page.getByTestId("verdict")).toContainText("Correct", VERDICT);
});

test("a Python exercise passes its tests", async ({ page }) => {
  await open(page, "ex-py-merge-intervals");
  await typeCode(page, "def merge_intervals(intervals):\n    out = []\n    for s, e in sorted(intervals):\n        if out and s <= out[-1][1]:\n            out[-1] = (out[-1][0], max(out[-1][1], e))\n        else:\n            out.append((s, e))\n    return out\n", { raw: true });
  await page.keyboard.press("Control+Enter");
  await expect(page.getByTestId("verdict")).toContainText("Correct: all", VERDICT);
});

test("a wrong Python answer names the failing test with both values", async ({ page }) => {
  await open(page, "ex-py-merge-intervals");
  await typeCode(page, "def merge_intervals(intervals):\n    return sorted(intervals)\n", { raw: true });
  await page.keyboard.press("Control+Enter");
  await expect(page.getByTestId("verdict")).toContainText("Not yet", VERDICT);
  await expect(page.locator(".test-cases li.fail").first()).toContainText("expected");
});

test("a modeling exercise: a failing probe names the unmet requirement, then the fixed DDL passes", async ({ page }) => {
  await open(page, "ex-model-joint-accounts");
  const ddl = (share: string) =>
    [
      "CREATE TABLE customer (customer_id int PRIMARY KEY, name text NOT NULL);",
      "CREATE TABLE account (account_id int PRIMARY KEY, iban text NOT NULL UNIQUE);",
      `CREATE TABLE account_holder (account_id int NOT NULL REFERENCES account, customer_id int NOT NULL REFERENCES customer, share numeric(4,3) NOT NULL${share}, PRIMARY KEY (account_id, customer_id));`,
    ].join("\n");
  // No CHECK on the share: exactly that requirement fails, by name.
  await typeCode(page, ddl(""), { raw: true });
  await page.keyboard.press("Control+Enter");
  await expect(page.getByTestId("verdict")).toContainText("Not yet: 1 requirement(s) unmet.", VERDICT);
  await expect(page.locator(".test-cases li.fail")).toHaveCount(1);
  await expect(page.locator(".test-cases li.fail")).toContainText("the ownership share must be greater than 0 and at most 1");
  await expect(page.getByTestId("solution")).toHaveCount(0);
  await typeCode(page, ddl(" CHECK (share > 0 AND share <= 1)"), { raw: true });
  await page.keyboard.press("Control+Enter");
  await expect(page.getByTestId("verdict")).toContainText("Correct: your schema meets every requirement.", VERDICT);
});

test("the SQL and Python engines run under the site's CSP, which has no 'unsafe-eval'", async ({ page }) => {
  const violations: string[] = [];
  page.on("console", (m) => {
    if (/Content Security Policy|EvalError|unsafe-eval/i.test(m.text())) violations.push(m.text());
  });
  const csps: string[] = [];
  page.on("response", (r) => {
    if (/\/practice\/|\/workers\//.test(r.url())) csps.push(r.headers()["content-security-policy"] ?? "(none)");
  });
  await open(page, "ex-customers-without-orders");
  await typeCode(page, "SELECT c.customer_id, c.name FROM customers c WHERE NOT EXISTS (SELECT 1 FROM orders o WHERE o.customer_id = c.customer_id)");
  await page.keyboard.press("Control+Enter");
  await expect(page.getByTestId("verdict")).toContainText("Correct", VERDICT);
  await open(page, "ex-py-merge-intervals");
  await typeCode(page, "def merge_intervals(intervals):\n    return sorted(intervals)\n", { raw: true });
  await page.keyboard.press("Control+Enter");
  await expect(page.getByTestId("verdict")).toContainText(/Not yet: \d+ of \d+ tests fail/);
  // The page and both worker scripts carried the policy, and nothing was blocked or needed eval.
  expect(csps.length).toBeGreaterThanOrEqual(3);
  for (const c of csps) {
    expect(c).toContain("script-src 'self'");
    expect(c).not.toContain("'unsafe-eval'");
  }
  expect(violations).toEqual([]);
});
