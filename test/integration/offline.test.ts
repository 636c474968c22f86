// Offline study on the server: answers synced late and out of order from two devices, the window an
// answer's own time must fall in, and the pack of cards sent ahead.
import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { AppError } from "../../lib/app-error";
import type { Db } from "../../lib/db/client";
import { newLearnerId } from "../../lib/learner/identity";
import { Rating } from "../../lib/quiz/enums";
import { quizSession } from "../../lib/quiz/session";
import { ingest } from "../../lib/content/ingest";
import { copyFixtureContent, migratedDb, reviewIds, tempDir } from "../helpers";

let db: Db;
const t0 = new Date("2026-05-01T10:00:00Z");
const H = 3_600_000;
const D = 24 * H;
const at = (ms: number) => new Date(t0.getTime() + ms);
const rid = reviewIds();
const Q = "sql-fixture-window";
const generated = tempDir("generated");
// The facade reads the content bundle; point it at this test's ingest output.
process.env.GENERATED_DIR = generated;

before(async () => {
  db = migratedDb().db;
  await ingest(db, [copyFixtureContent()], generated);
});
after(() => db.$disconnect());

type Answer = { reviewId: string; rating: Rating; reviewedAt: Date };
const answer = (rating: Rating, when: number): Answer => ({ reviewId: rid(), rating, reviewedAt: at(when) });

async function send(learner: string, a: Answer, now: Date) {
  return quizSession(db, learner, { now }).grade({ reviewId: a.reviewId, questionId: Q, rating: a.rating, reviewedAt: a.reviewedAt.toISOString() });
}

async function cardOf(learner: string) {
  const { learnerId: _l, createdAt: _c, updatedAt: _u, ...card } = await db.card.findUniqueOrThrow({ where: { learnerId_questionId: { learnerId: learner, questionId: Q } } });
  return card;
}

async function logOf(learner: string) {
  const rows = await db.reviewLog.findMany({ where: { learnerId: learner, questionId: Q }, orderBy: { reviewedAt: "asc" } });
  return rows.map(({ learnerId: _l, createdAt: _c, prevCard, ...r }) => {
    // The snapshot's schedule must be the replayed one; its timestamps and ids differ per learner.
    const p = prevCard ? (JSON.parse(prevCard) as Record<string, unknown>) : null;
    return { ...r, prev: p && { reps: p.reps, state: p.state, stability: p.stability, due: p.due, lastReview: p.lastReview } };
  });
}

describe("offline answers", () => {
  it("merges two devices' interleaved offline answers into the card a replay in time order gives; a second sync adds nothing", async () => {
    const deviceA = [answer(Rating.Good, 0), answer(Rating.Good, 1 * D), answer(Rating.Again, 5 * D)];
    const deviceB = [answer(Rating.Hard, 12 * H), answer(Rating.Good, 3 * D), answer(Rating.Easy, 5 * D + H)];
    const merged = newLearnerId();
    // A syncs first, then B: B's first two answers land before A's later ones.
    for (const a of deviceA) assert.equal((await send(merged, a, at(6 * D))).duplicate, false);
    for (const a of deviceB) assert.equal((await send(merged, a, at(6 * D + 60_000))).duplicate, false);

    const straight = newLearnerId();
    const inTime = [...deviceA, ...deviceB].sort((x, y) => x.reviewedAt.getTime() - y.reviewedAt.getTime());
    for (const a of inTime) await send(straight, { ...a, reviewId: rid() }, a.reviewedAt);

    const card = await cardOf(merged);
    assert.equal(card.reps, 6);
    assert.deepEqual(card, await cardOf(straight));
    const log = await logOf(merged);
    assert.equal(log.length, 6, "both devices' rows are kept");
    assert.deepEqual(log.map(({ id: _i, durationMs: _d, ...r }) => r), (await logOf(straight)).map(({ id: _i, durationMs: _d, ...r }) => r));

    // Both devices sync again (a lost response): every answer is a duplicate and nothing changes.
    for (const a of [...deviceB, ...deviceA]) assert.equal((await send(merged, a, at(7 * D))).duplicate, true);
    assert.equal(await db.reviewLog.count({ where: { learnerId: merged } }), 6);
    assert.deepEqual(await cardOf(merged), card);
  });

  it("ends in the same card when late answers from two devices arrive at once", async () => {
    const deviceA = [answer(Rating.Good, 0), answer(Rating.Good, 2 * D)];
    const deviceB = [answer(Rating.Again, H), answer(Rating.Hard, D), answer(Rating.Good, 3 * D)];
    const racing = newLearnerId();
    for (const a of deviceA) await send(racing, a, at(4 * D));
    const results = await Promise.all([...deviceB, ...deviceA].map((a) => send(racing, a, at(4 * D + 60_000))));
    assert.deepEqual(results.map((r) => r.duplicate), [false, false, false, true, true]);
    const straight = newLearnerId();
    for (const a of [...deviceA, ...deviceB].sort((x, y) => x.reviewedAt.getTime() - y.reviewedAt.getTime())) await send(straight, { ...a, reviewId: rid() }, a.reviewedAt);
    assert.deepEqual(await cardOf(racing), await cardOf(straight));
    assert.equal(await db.reviewLog.count({ where: { learnerId: racing } }), 5);
  });

  it("lets the latest answer be undone after a late merge", async () => {
    const learner = newLearnerId();
    const late = answer(Rating.Again, 2 * D);
    await send(learner, answer(Rating.Good, 0), at(H));
    const last = answer(Rating.Good, 4 * D);
    await send(learner, last, at(4 * D));
    await send(learner, late, at(4 * D + H));
    assert.equal((await cardOf(learner)).reps, 3);
    await quizSession(db, learner, { now: at(4 * D + 2 * H) }).undo(last.reviewId);
    const card = await cardOf(learner);
    assert.equal(card.reps, 2);
    assert.equal(card.lastReview?.toISOString(), late.reviewedAt.toISOString());
  });

  it("grades at the answer's own time inside the window and refuses times outside it", async () => {
    const learner = newLearnerId();
    const now = at(40 * D);
    const quiz = quizSession(db, learner, { now });
    await quiz.grade({ reviewId: rid(), questionId: Q, rating: Rating.Good, reviewedAt: at(39 * D).toISOString() });
    assert.equal((await cardOf(learner)).lastReview?.toISOString(), at(39 * D).toISOString());
    const refused = (e: unknown) => e instanceof AppError && e.status === 422;
    await assert.rejects(quiz.grade({ reviewId: rid(), questionId: Q, rating: Rating.Good, reviewedAt: at(40 * D + 10 * 60_000).toISOString() }), refused);
    await assert.rejects(quiz.grade({ reviewId: rid(), questionId: Q, rating: Rating.Good, reviewedAt: at(40 * D - 31 * D).toISOString() }), refused);
    // A clock a minute fast is dated "now" rather than in the future.
    await quiz.grade({ reviewId: rid(), questionId: Q, rating: Rating.Good, reviewedAt: at(40 * D + 60_000).toISOString() });
    assert.equal((await cardOf(learner)).lastReview?.toISOString(), now.toISOString());
    assert.equal(await db.reviewLog.count({ where: { learnerId: learner } }), 2);
  });

  it("sends the deck's next cards with their answers, and leaves out what is not due today", async () => {
    const learner = newLearnerId();
    const first = await quizSession(db, learner, { now: t0 }).pack({ deck: "topic:sql" });
    assert.ok(first.cards.length >= 3, `${first.cards.length} cards`);
    assert.ok(first.cards.every((c) => c.answerHtml.length > 0 && c.topic === "sql"));
    const easy = first.cards[0].questionId;
    await quizSession(db, learner, { now: t0 }).grade({ reviewId: rid(), questionId: easy, rating: Rating.Easy });
    const again = await quizSession(db, learner, { now: at(H) }).pack({ deck: "topic:sql" });
    assert.equal(again.cards.length, first.cards.length - 1);
    assert.ok(!again.cards.some((c) => c.questionId === easy), "a card due in days is not sent");
  });
});
