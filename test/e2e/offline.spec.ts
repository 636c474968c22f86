import { expect, test, type Page } from "@playwright/test";
import { replayLog } from "../../lib/quiz/late-review";
import { newCard, type Rating } from "../../lib/quiz/scheduler";
import { DEFAULT_LEARNER_SETTINGS } from "../../lib/quiz/settings";

// Offline study: answers given without a connection are kept on the device, shown as waiting, and
// stored once when the browser is back online; two linked devices answering the same card offline
// both keep their answer, and the card is what replaying both in time order gives.

interface ExportDoc {
  cards: { questionId: string; due: string; stability: number; difficulty: number; reps: number; lapses: number; state: number; lastReview: string | null }[];
  reviews: { id: string; questionId: string; rating: number; reviewedAt: string }[];
}

const exported = async (page: Page) => (await (await page.request.get("/api/progress/export")).json()) as ExportDoc;

/** Resolves once the quiz has saved this deck's pack in IndexedDB (never creating the database itself). */
async function packSaved(page: Page) {
  await page.waitForFunction(async () => {
    if (!(await indexedDB.databases()).some((d) => d.name === "quiz-offline")) return false;
    return new Promise<boolean>((resolve) => {
      const open = indexedDB.open("quiz-offline");
      open.onerror = () => resolve(false);
      open.onsuccess = () => {
        const db = open.result;
        const get = db.transaction("packs").objectStore("packs").get("all");
        get.onsuccess = () => {
          resolve(((get.result as { cards?: unknown[] } | undefined)?.cards?.length ?? 0) > 0);
          db.close();
        };
        get.onerror = () => resolve(false);
      };
    });
  });
}

async function gradeShown(page: Page, key: string, count: number) {
  await expect(page.getByRole("button", { name: "Show answer" })).toBeFocused();
  await page.keyboard.press("Space");
  await expect(page.getByTestId("answer-region")).toBeFocused();
  await page.keyboard.press(key);
  await expect(page.getByTestId("reviewed-count")).toHaveText(new RegExp(`^${count} / `));
}

test("five answers given offline wait on the device and are stored once back online", async ({ page, context }) => {
  test.setTimeout(120_000);
  await page.goto("/quiz?deck=all&size=20");
  // The second visit runs under the service worker, which saves the page and its scripts.
  await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
  await page.reload();
  await expect(page.getByRole("button", { name: "Show answer" })).toBeFocused();
  await packSaved(page);

  await context.setOffline(true);
  for (let i = 1; i <= 5; i++) await gradeShown(page, "3", i);
  const status = page.getByTestId("offline-status");
  await expect(status).toHaveText("Offline — 5 answers waiting to sync.");
  await expect(status).toHaveAttribute("aria-live", "polite");

  // A reload offline comes from the service worker's copy and goes on with the saved cards.
  await page.reload();
  await expect(status).toHaveText("Offline — 5 answers waiting to sync.");
  await expect(page.getByRole("button", { name: "Show answer" })).toBeFocused();

  await context.setOffline(false);
  await expect(status).toHaveText("Synced 5 answers.");
  const doc = await exported(page);
  expect(doc.reviews).toHaveLength(5);
  expect(new Set(doc.reviews.map((r) => r.questionId)).size).toBe(5);

  // Sending a stored answer again (a lost response) stores nothing new.
  const again = doc.reviews[0];
  const res = await page.request.post("/api/quiz/review", {
    data: { reviewId: again.id, questionId: again.questionId, rating: again.rating, reviewedAt: again.reviewedAt },
    headers: { origin: new URL(page.url()).origin },
  });
  expect((await res.json()) as { duplicate: boolean }).toMatchObject({ duplicate: true });
  await page.reload();
  expect((await exported(page)).reviews).toHaveLength(5);
});

test("two linked devices answer the same card offline: both answers are kept and the card is their replay", async ({ browser }) => {
  test.setTimeout(180_000);
  const aContext = await browser.newContext();
  const bContext = await browser.newContext();
  const a = await aContext.newPage();
  const b = await bContext.newPage();

  await a.goto("/progress");
  await a.getByRole("button", { name: "Link another device" }).click();
  const code = (await a.getByTestId("link-code").textContent())?.trim() ?? "";
  await b.goto("/link");
  await b.getByLabel("Link code or recovery key").fill(code);
  await b.getByRole("button", { name: "Link this browser" }).click();
  await expect(b).toHaveURL(/\/progress$/);

  for (const p of [a, b]) {
    await p.goto("/quiz?deck=all&size=20");
    await expect(p.getByRole("button", { name: "Show answer" })).toBeFocused();
    await packSaved(p);
  }
  const question = await a.getByTestId("quiz-question").innerText();
  await expect(b.getByTestId("quiz-question")).toHaveText(question);

  await aContext.setOffline(true);
  await bContext.setOffline(true);
  // B answers first (Good), A later (Again); A syncs first, so B's earlier answer arrives late.
  await gradeShown(b, "3", 1);
  await b.waitForTimeout(50);
  await gradeShown(a, "1", 1);
  await aContext.setOffline(false);
  await expect(a.getByTestId("offline-status")).toHaveText("Synced 1 answer.");
  await bContext.setOffline(false);
  await expect(b.getByTestId("offline-status")).toHaveText("Synced 1 answer.");

  const doc = await exported(a);
  expect(doc.reviews).toHaveLength(2);
  const [first, second] = doc.reviews;
  expect(first.questionId).toBe(second.questionId);
  expect([first.rating, second.rating]).toEqual([3, 1]);
  const card = doc.cards.find((c) => c.questionId === first.questionId)!;
  const replay = replayLog(
    newCard(new Date(first.reviewedAt)),
    doc.reviews.map((r) => ({ rating: r.rating as Rating, reviewedAt: new Date(r.reviewedAt) })),
    DEFAULT_LEARNER_SETTINGS,
    true,
  ).card;
  expect(card).toMatchObject({
    due: replay.due.toISOString(),
    stability: replay.stability,
    difficulty: replay.difficulty,
    reps: 2,
    lapses: replay.lapses,
    state: replay.state,
    lastReview: second.reviewedAt,
  });
  await aContext.close();
  await bContext.close();
});
