// Anki 24.11 scheduling options end to end on a temp database: load balancing, Easy Days and leeches.
import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { ingest } from "../../lib/content/ingest";
import type { Db } from "../../lib/db/client";
import { newLearnerId } from "../../lib/learner/identity";
import { cardToRow } from "../../lib/quiz/card-mapper";
import { State } from "../../lib/quiz/enums";
import { review, type CardState } from "../../lib/quiz/scheduler";
import { nextCard, submitReview, undoReview } from "../../lib/quiz/service";
import { quizSession } from "../../lib/quiz/session";
import { saveSettings } from "../../lib/quiz/settings";
import { dayKey, weekdayOfKey } from "../../lib/time";
import { copyFixtureContent, migratedDb, reviewIds, tempDir } from "../helpers";

let db: Db;
const rid = reviewIds();
const t0 = new Date("2026-05-01T10:00:00Z");
const DAY = 86_400_000;
const TZ = "UTC";
const generated = tempDir("generated");
process.env.GENERATED_DIR = generated;

// Load balancing needs many cards of one learner; Question rows are all a card needs.
const BATCH = 80;
const BACKGROUND = 60;
const ids = (prefix: string, n: number) => Array.from({ length: n }, (_, i) => `${prefix}-${String(i).padStart(3, "0")}`);
const batchIds = ids("lb-batch", BATCH);
const backgroundIds = ids("lb-bg", BACKGROUND);

before(async () => {
  db = migratedDb().db;
  await ingest(db, [copyFixtureContent()], generated);
  await db.question.createMany({ data: [...batchIds, ...backgroundIds].map((id) => ({ id, topic: "sql", difficulty: "easy", chapter: "sql", contentHash: "h" })) });
});
after(() => db.$disconnect());

/** A review card last seen `s` days ago with stability `s`, due now: Good gives the same interval to every such card. */
const dueReviewCard = (s: number): CardState => ({
  due: t0,
  stability: s,
  difficulty: 5,
  elapsedDays: s,
  scheduledDays: s,
  learningSteps: 0,
  reps: 3,
  lapses: 0,
  state: State.Review,
  lastReview: new Date(t0.getTime() - s * DAY),
});

const goodInterval = review(dueReviewCard(6), 3, t0, { desiredRetention: 0.9, fuzz: false }).card.scheduledDays;

/**
 * A learner with the batch due now and a cluster of other cards on the two days at the middle of the
 * batch's fuzz range; grades the batch Good and returns the due-per-day histogram over the range.
 */
async function gradeBatch(settings: Parameters<typeof saveSettings>[2]): Promise<{ me: string; histogram: Map<string, number> }> {
  const me = await clusteredLearner(settings);
  for (const questionId of batchIds) await submitReview(db, me, { reviewId: rid(), questionId, rating: 3 }, t0, { tz: TZ });
  const cards = await db.card.findMany({ where: { learnerId: me, state: { not: State.New } }, select: { due: true } });
  const histogram = new Map<string, number>();
  for (const c of cards) histogram.set(dayKey(c.due, TZ, 0), (histogram.get(dayKey(c.due, TZ, 0)) ?? 0) + 1);
  return { me, histogram };
}

async function clusteredLearner(settings: Parameters<typeof saveSettings>[2]): Promise<string> {
  const me = newLearnerId();
  await saveSettings(db, me, { rolloverHour: 0, ...settings });
  const clusterDays = [goodInterval, goodInterval + 1];
  await db.card.createMany({
    data: [
      ...batchIds.map((questionId) => ({ learnerId: me, questionId, ...cardToRow(dueReviewCard(6)) })),
      ...backgroundIds.map((questionId, i) => ({ learnerId: me, questionId, ...cardToRow({ ...dueReviewCard(30), due: new Date(t0.getTime() + clusterDays[i % 2] * DAY) }) })),
    ],
  });
  return me;
}

/** max / mean of cards per day over the days from the first to the last that has any. */
function peakRatio(histogram: Map<string, number>): number {
  const days = [...histogram.keys()].sort();
  const first = new Date(`${days[0]}T00:00:00Z`).getTime();
  const span = Math.round((new Date(`${days.at(-1)}T00:00:00Z`).getTime() - first) / DAY) + 1;
  const total = [...histogram.values()].reduce((a, b) => a + b, 0);
  return Math.max(...histogram.values()) / (total / span);
}

describe("load balancing", () => {
  it("flattens the forecast: the batch avoids the clustered days", async () => {
    assert.ok(goodInterval >= 5 && goodInterval <= 60, `interval ${goodInterval} is one that is balanced`);
    const off = await gradeBatch({ loadBalance: false });
    const on = await gradeBatch({ loadBalance: true });
    const ratioOff = peakRatio(off.histogram);
    const ratioOn = peakRatio(on.histogram);
    console.log(`load balancing: max/mean cards per day ${ratioOff.toFixed(2)} without, ${ratioOn.toFixed(2)} with (${BATCH} graded, ${BACKGROUND} clustered on 2 days)`);
    assert.ok(ratioOn < ratioOff, `with ${ratioOn} < without ${ratioOff}`);
    // Same number of cards either way: balancing only moves days inside the fuzz range.
    const sum = (h: Map<string, number>) => [...h.values()].reduce((a, b) => a + b, 0);
    assert.equal(sum(on.histogram), BATCH + BACKGROUND);
    assert.equal(sum(off.histogram), BATCH + BACKGROUND);
  });

  it("shows on the grade buttons the day the grade then gives", async () => {
    const me = await clusteredLearner({ loadBalance: true });
    for (const [i, questionId] of batchIds.slice(0, 6).entries()) {
      const rating = i % 2 ? 3 : 4;
      const next = await nextCard(db, me, [questionId], t0, { tz: TZ });
      const graded = await submitReview(db, me, { reviewId: rid(), questionId, rating }, t0, { tz: TZ });
      assert.equal(next.card!.previews[rating].due, graded.card!.due.toISOString(), `${questionId} graded ${rating}`);
    }
  });

  it("stays within the maximum interval", async () => {
    const cap = goodInterval - 1;
    const { me } = await gradeBatch({ loadBalance: true, maximumIntervalDays: cap });
    const batch = await db.card.findMany({ where: { learnerId: me, questionId: { startsWith: "lb-batch" } }, select: { due: true, scheduledDays: true } });
    assert.ok(batch.every((c) => c.scheduledDays <= cap && c.due.getTime() <= t0.getTime() + cap * DAY), `all within ${cap} days`);
    assert.ok(new Set(batch.map((c) => c.scheduledDays)).size > 1, "still spread over the days below the cap");
  });

  it("is deterministic: the same learner state gives the same days", async () => {
    const a = await gradeBatch({ loadBalance: true });
    const b = await gradeBatch({ loadBalance: true });
    assert.deepEqual([...a.histogram].sort(), [...b.histogram].sort());
  });

  it("never puts a card on an Easy Day set to none while another day in its range is open", async () => {
    // The weekdays of the two clustered (least attractive) days' neighbours are made "none": the emptiest days.
    const firstFree = dayKey(new Date(t0.getTime() + (goodInterval - 1) * DAY), TZ, 0);
    const lastFree = dayKey(new Date(t0.getTime() + (goodInterval + 2) * DAY), TZ, 0);
    const none = new Set([weekdayOfKey(firstFree), weekdayOfKey(lastFree)]);
    const easyDays = Array.from({ length: 7 }, (_, i) => (none.has(i) ? "x" : "n")).join("");
    // Without Easy Days those two days take part of the batch (so the check below can fail).
    const normal = await gradeBatch({ loadBalance: true });
    assert.ok((normal.histogram.get(firstFree) ?? 0) > 0 && (normal.histogram.get(lastFree) ?? 0) > 0, JSON.stringify([...normal.histogram]));
    const { me } = await gradeBatch({ loadBalance: true, easyDays });
    const batch = await db.card.findMany({ where: { learnerId: me, questionId: { startsWith: "lb-batch" } }, select: { due: true } });
    assert.equal(batch.length, BATCH);
    for (const c of batch) assert.ok(!none.has(weekdayOfKey(dayKey(c.due, TZ, 0))), `${c.due.toISOString()} is on a "none" day (${easyDays})`);
  });
});

describe("leeches", () => {
  /** Graduates the card, then lapses it `n` times (Again, then Good back into review). */
  async function lapse(me: string, questionId: string, times: number, from: Date): Promise<{ now: Date; lastReviewId: string }> {
    let card = (await submitReview(db, me, { reviewId: rid(), questionId, rating: 4 }, from)).card!;
    let lastReviewId = "";
    for (let i = 0; i < times; i++) {
      const again = await submitReview(db, me, { reviewId: (lastReviewId = rid()), questionId, rating: 1 }, card.due);
      if (i === times - 1) return { now: again.card!.due, lastReviewId };
      card = (await submitReview(db, me, { reviewId: rid(), questionId, rating: 3 }, again.card!.due)).card!;
    }
    return { now: card.due, lastReviewId };
  }
  const cardOf = (learnerId: string, questionId: string) => db.card.findUnique({ where: { learnerId_questionId: { learnerId, questionId } } });

  it("marks and suspends a card exactly at the threshold, and undo takes it back", async () => {
    const me = newLearnerId();
    const q = "sql-fixture-rank";
    await saveSettings(db, me, { leechThreshold: 3, leechAction: "suspend" });
    await lapse(me, q, 2, t0);
    assert.deepEqual({ leech: (await cardOf(me, q))!.leech, suspended: (await cardOf(me, q))!.suspended }, { leech: false, suspended: false }, "2 lapses: not yet");

    const me2 = newLearnerId();
    await saveSettings(db, me2, { leechThreshold: 3, leechAction: "suspend" });
    const { lastReviewId } = await lapse(me2, q, 3, t0);
    const leech = (await cardOf(me2, q))!;
    assert.equal(leech.lapses, 3);
    assert.deepEqual({ leech: leech.leech, suspended: leech.suspended }, { leech: true, suspended: true }, "3 lapses: a leech, suspended");

    const dash = await quizSession(db, me2, { now: t0 }).dashboard();
    assert.deepEqual(
      dash.leeches.map((l) => ({ id: l.questionId, lapses: l.lapses, page: l.href, fixIsSource: /\/blob\/.+\.md$/.test(l.fixHref) })),
      [{ id: q, lapses: 3, page: `/questions/${q}`, fixIsSource: true }],
    );

    await undoReview(db, me2, lastReviewId);
    const undone = (await cardOf(me2, q))!;
    assert.deepEqual({ lapses: undone.lapses, leech: undone.leech, suspended: undone.suspended }, { lapses: 2, leech: false, suspended: false });
  });

  it("only marks it in tag mode", async () => {
    const me = newLearnerId();
    const q = "sql-fixture-window";
    await saveSettings(db, me, { leechThreshold: 2, leechAction: "tag" });
    await lapse(me, q, 2, t0);
    const c = (await cardOf(me, q))!;
    assert.deepEqual({ lapses: c.lapses, leech: c.leech, suspended: c.suspended }, { lapses: 2, leech: true, suspended: false });
  });
});
