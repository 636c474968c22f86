// Reviews and undos of one card, fired at once. On PostgreSQL they go through two clients (two
// connection pools: what two app instances are), on SQLite through one (one instance owns the file).
// Whatever interleaving happens, the card must equal replaying the log, and reps must equal its length.
import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { ingest } from "../../lib/content/ingest";
import { createDb, type Db } from "../../lib/db/client";
import { parsePrevCard, rowToCard } from "../../lib/quiz/card-mapper";
import { newCard, review, type CardState, type Rating } from "../../lib/quiz/scheduler";
import { DEFAULT_LEARNER_SETTINGS, schedulerSettings } from "../../lib/quiz/settings";
import { submitReview, undoReview } from "../../lib/quiz/review";
import { newLearnerId } from "../../lib/learner/identity";
import { copyFixtureContent, migratedDb, reviewIds, tempDir, testProvider } from "../helpers";

let a: Db;
let b: Db;
const rid = reviewIds();
const questionId = "sql-fixture-window";

before(async () => {
  const m = migratedDb();
  a = m.db;
  await ingest(a, [copyFixtureContent()], tempDir("generated"));
  b = testProvider === "postgresql" ? createDb(m.url) : a;
});
after(async () => {
  await a.$disconnect();
  if (b !== a) await b.$disconnect();
});

/** The card that replaying the learner's log from a new card gives, in the order the log chains. */
async function replay(db: Db, learnerId: string) {
  const logs = await db.reviewLog.findMany({ where: { learnerId, questionId } });
  // Each log row keeps the card before it; its reps say where the row sits in the chain.
  const position = (prev: string | null) => (prev === null ? 0 : parsePrevCard(prev)!.reps);
  const chain = logs.map((l) => ({ l, at: position(l.prevCard) })).sort((x, y) => x.at - y.at);
  chain.forEach((c, i) => assert.equal(c.at, i, `log rows must form one chain; two rows start from reps ${c.at} (a lost update)`));
  const settings = schedulerSettings(DEFAULT_LEARNER_SETTINGS, new Date(), false);
  let card: CardState | null = null;
  for (const { l } of chain) card = review(card ?? newCard(l.reviewedAt), l.rating as Rating, l.reviewedAt, settings).card;
  return { card, count: logs.length };
}

describe(`concurrent reviews and undos of one card (${testProvider})`, () => {
  it("leave the card equal to replaying the log, with reps equal to the log count", async () => {
    const learner = newLearnerId();
    const t0 = new Date("2026-06-01T08:00:00Z").getTime();
    await submitReview(a, learner, { reviewId: rid(), questionId, rating: 3 }, new Date(t0));
    const acknowledged = new Set<string>();
    const undone = new Set<string>();
    let conflicts = 0;
    for (let round = 1; round <= 4; round++) {
      const ids = Array.from({ length: 6 }, () => rid());
      const now = (i: number) => new Date(t0 + round * 3_600_000 + i * 1000);
      // The latest answer so far: undoing it races this round's new answers (it wins only if it commits first).
      const latest = await a.reviewLog.findFirst({ where: { learnerId: learner }, orderBy: [{ reviewedAt: "desc" }, { createdAt: "desc" }], select: { id: true } });
      const ops = [
        ...(latest ? [() => undoReview(round % 2 ? a : b, learner, latest.id).then(() => void undone.add(latest.id))] : []),
        ...ids.map((id, i) => () => submitReview(i % 2 ? b : a, learner, { reviewId: id, questionId, rating: ((i % 4) + 1) as Rating }, now(i)).then((r) => void (r.duplicate || acknowledged.add(id)))),
        // Undo some of this round's answers from either side: each is refused (not the latest, not stored
        // yet) or takes back exactly that answer.
        ...ids.slice(0, 4).map((id, i) => () => undoReview(i % 2 ? a : b, learner, id).then(() => void undone.add(id))),
      ];
      const results = await Promise.allSettled(ops.map((op) => op()));
      for (const r of results) {
        if (r.status === "rejected") {
          const status = (r.reason as { status?: number }).status;
          assert.ok(status === 404 || status === 409, `only "no such answer" or "not the latest" may fail, got ${String(r.reason)} ${JSON.stringify(r.reason)}`);
          conflicts++;
        }
      }
    }
    const { card, count } = await replay(a, learner);
    const row = await a.card.findUniqueOrThrow({ where: { learnerId_questionId: { learnerId: learner, questionId } } });
    assert.equal(row.reps, count);
    assert.deepEqual(rowToCard(row), card);
    // Every acknowledged answer is either in the log or was undone; every undone one is gone from it.
    const logged = new Set((await a.reviewLog.findMany({ where: { learnerId: learner }, select: { id: true } })).map((r) => r.id));
    for (const id of acknowledged) assert.ok(logged.has(id) !== undone.has(id), `answer ${id} must be logged xor undone`);
    const stored = new Set((await a.undoneReview.findMany({ where: { learnerId: learner }, select: { id: true } })).map((r) => r.id));
    assert.deepEqual([...undone].sort(), [...stored].sort());
    assert.ok(undone.size > 0 && conflicts > 0, `the run must exercise both successful and refused undos (undone ${undone.size}, refused ${conflicts})`);
  });
});
