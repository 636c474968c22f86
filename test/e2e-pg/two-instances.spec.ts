import crypto from "node:crypto";
import { expect, test, type APIRequestContext } from "@playwright/test";

// One learner, two app instances on one PostgreSQL: every request goes to the other instance than the
// one before. The cookie signed by one instance is accepted by the other (shared SESSION_SECRET), no
// answer is lost, and an answer given on one instance is undone on the other.
test("alternating a learner's requests between two instances loses nothing and undo works across them", async ({ playwright }, info) => {
  const { portA, portB } = info.config.metadata as { portA: number; portB: number };
  const bases = [`http://127.0.0.1:${portA}`, `http://127.0.0.1:${portB}`];
  // Instance B starts alongside A; wait until it answers too.
  await expect.poll(async () => (await fetch(`${bases[1]}/`).catch(() => null))?.status ?? 0, { timeout: 120_000 }).toBe(200);

  // Cookies are per host, not per port: one context carries the learner to both instances.
  const ctx: APIRequestContext = await playwright.request.newContext();
  let turn = 0;
  const base = () => bases[turn++ % 2];
  const post = (path: string, data: unknown) => {
    const b = base();
    return ctx.post(`${b}${path}`, { data, headers: { origin: b } });
  };

  const given: { reviewId: string; questionId: string }[] = [];
  for (let i = 0; i < 8; i++) {
    const next = await ctx.get(`${base()}/api/quiz/next?deck=all`);
    expect(next.status()).toBe(200);
    const { card } = (await next.json()) as { card: { questionId: string } | null };
    expect(card).not.toBeNull();
    const reviewId = crypto.randomUUID();
    const res = await post("/api/quiz/review", { reviewId, questionId: card!.questionId, rating: i % 3 === 0 ? 1 : 3 });
    expect(res.status(), await res.text()).toBe(200);
    given.push({ reviewId, questionId: card!.questionId });
  }
  // A retry of the last answer on the other instance is stored once.
  const last = given[given.length - 1];
  const retry = await post("/api/quiz/review", { ...last, rating: 3 });
  expect(retry.status()).toBe(200);
  expect(((await retry.json()) as { duplicate: boolean }).duplicate).toBe(true);

  const exported = async () => (await (await ctx.get(`${base()}/api/progress/export`)).json()) as { reviews: { id: string }[]; cards: { questionId: string; reps: number }[] };
  let file = await exported();
  expect(file.reviews.map((r) => r.id).sort()).toEqual(given.map((g) => g.reviewId).sort());
  const repsBefore = file.cards.find((c) => c.questionId === last.questionId)!.reps;

  // Undo on whichever instance is next; the answer was stored through the other one.
  const undo = await post("/api/quiz/undo", { reviewId: last.reviewId });
  expect(undo.status(), await undo.text()).toBe(200);
  file = await exported();
  expect(file.reviews.map((r) => r.id)).not.toContain(last.reviewId);
  expect(file.reviews).toHaveLength(given.length - 1);
  expect(file.cards.find((c) => c.questionId === last.questionId)?.reps ?? 0).toBe(repsBefore - 1);
  // Undoing it again on the other instance finds nothing to undo, and a late retry does not bring it back.
  expect((await post("/api/quiz/undo", { reviewId: last.reviewId })).status()).toBe(404);
  expect(((await (await post("/api/quiz/review", { ...last, rating: 3 })).json()) as { duplicate: boolean }).duplicate).toBe(true);
  expect((await exported()).reviews).toHaveLength(given.length - 1);
  await ctx.dispose();
});
