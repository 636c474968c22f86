import { expect, test } from "@playwright/test";

test("the scheduling settings (rollover hour, leeches, load balancing, Easy Days) save and come back", async ({ page }) => {
  await page.goto("/progress");
  const form = page.locator("form.settings-form").filter({ has: page.getByRole("button", { name: "Save settings" }) });
  await expect(form.getByLabel(/Next day starts at/)).toHaveValue("4");
  await form.getByLabel(/Next day starts at/).fill("6");
  await form.getByLabel(/Leech threshold/).fill("5");
  await form.getByLabel("Leech action").selectOption("tag");
  await form.getByLabel(/Load balancing/).selectOption("off");
  await form.getByLabel("Sat").selectOption("r");
  await form.getByLabel("Sun").selectOption("x");
  await form.getByRole("button", { name: "Save settings" }).click();
  await expect(form.getByRole("status")).toHaveText("Settings saved.");

  await page.reload();
  await expect(form.getByLabel(/Next day starts at/)).toHaveValue("6");
  await expect(form.getByLabel(/Leech threshold/)).toHaveValue("5");
  await expect(form.getByLabel("Leech action")).toHaveValue("tag");
  await expect(form.getByLabel(/Load balancing/)).toHaveValue("off");
  await expect(form.getByLabel("Sat")).toHaveValue("r");
  await expect(form.getByLabel("Sun")).toHaveValue("x");
  await expect(form.getByLabel("Mon")).toHaveValue("n");

  // Out of range: refused with the limit from rules.ts, nothing saved.
  await form.getByLabel(/Next day starts at/).fill("24");
  await form.getByLabel(/Next day starts at/).evaluate((el: HTMLInputElement) => el.removeAttribute("max"));
  await form.getByRole("button", { name: "Save settings" }).click();
  await expect(form.getByText("Use at most 23")).toBeVisible();
});
