import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import type { Db } from "../../lib/db/client";
import { newLearnerId } from "../../lib/learner/identity";
import { nextCard, saveSettings, submitReview } from "../../lib/quiz/service";
import { quizDb, reviewIds } from "../helpers";

let db: Db;
const rid = reviewIds();
const t0 = new Date("2026-03-01T09:00:00Z");
const day = 86_400_000;
const deck = ["sql-fixture-rank", "sql-fixture-window", "sql-fixture-anti-join", "sql-fixture-inner-join"];

before(async () => {
  db = await quizDb();
});
after(() => db.$disconnect());

/** Every card in review state and overdue, with clearly different stabilities (so different recall). */
async function learner(order: "due" | "weakest" | "random") {
  const me = newLearnerId();
  await saveSettings(db, me, { reviewOrder: order, newPerDay: 0 });
  for (const q of deck) await submitReview(db, me, { reviewId: rid(), questionId: q, rating: 4 }, t0);
  const stability = { "sql-fixture-rank": 40, "sql-fixture-window": 2, "sql-fixture-anti-join": 10, "sql-fixture-inner-join": 5 } as Record<string, number>;
  // Due order (oldest first) is deliberately not the weakness order.
  const due = { "sql-fixture-rank": 1, "sql-fixture-window": 4, "sql-fixture-anti-join": 2, "sql-fixture-inner-join": 3 } as Record<string, number>;
  for (const q of deck) {
    await db.card.update({ where: { learnerId_questionId: { learnerId: me, questionId: q } }, data: { state: 2, stability: stability[q], due: new Date(t0.getTime() + due[q] * 60_000), lastReview: t0 } });
  }
  return me;
}

async function order(me: string, at: Date): Promise<string[]> {
  const seen: string[] = [];
  for (let i = 0; i < deck.length; i++) {
    const { card } = await nextCard(db, me, deck, at, { exclude: seen });
    // Bury what was served so the next call shows the following card, without grading.
    seen.push(card!.questionId);
    await db.card.update({ where: { learnerId_questionId: { learnerId: me, questionId: card!.questionId } }, data: { buriedUntil: new Date(at.getTime() + day) } });
  }
  return seen;
}

describe("review order", () => {
  const later = new Date(t0.getTime() + 20 * day);

  it("due: oldest due first", async () => {
    assert.deepEqual(await order(await learner("due"), later), ["sql-fixture-rank", "sql-fixture-anti-join", "sql-fixture-inner-join", "sql-fixture-window"]);
  });

  it("weakest: lowest recall first", async () => {
    assert.deepEqual(await order(await learner("weakest"), later), ["sql-fixture-window", "sql-fixture-inner-join", "sql-fixture-anti-join", "sql-fixture-rank"]);
  });

  it("random: a shuffle that is stable within a day and changes across days", async () => {
    const a = await order(await learner("random"), later);
    const b = await order(await learner("random"), later);
    assert.deepEqual(a, b, "same day, same order");
    assert.deepEqual([...a].sort(), [...deck].sort());
    const orders = new Set<string>();
    for (let d = 0; d < 6; d++) orders.add((await order(await learner("random"), new Date(later.getTime() + d * day))).join());
    assert.ok(orders.size > 1, "the order is not fixed across days");
  });
});
