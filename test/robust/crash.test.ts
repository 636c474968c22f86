// Racing tabs, retried requests and a kill -9 in the middle of a load, against a real `next start`:
// every acknowledged review is stored exactly once, nothing is stored that was not sent, and each
// card's rep count matches its review log.
import assert from "node:assert/strict";
import { randomUUID } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { after, before, describe, it } from "node:test";
import { BUNDLE_FILE, readBundle } from "../../lib/content/index";
import { BASE, ensureBuild, prepareEnv, Server, type Env } from "./server";

let env: Env;
let server: Server;
let questionIds: string[] = [];

before(async () => {
  ensureBuild();
  env = await prepareEnv();
  server = new Server(env);
  await server.start();
  const bundle = readBundle(path.join(env.generatedDir, BUNDLE_FILE));
  questionIds = bundle.questions.filter((q) => !q.open).map((q) => q.id);
});
after(async () => {
  await server?.stop("SIGKILL");
});

async function newLearner(): Promise<string> {
  const res = await fetch(`${BASE}/api/quiz/next?deck=all`);
  await res.arrayBuffer();
  return (res.headers.get("set-cookie") ?? "").split(";")[0];
}

type Outcome = "ack" | "duplicate" | "failed";
async function send(cookie: string, reviewId: string, questionId: string, rating: number): Promise<Outcome> {
  try {
    const res = await fetch(`${BASE}/api/quiz/review`, {
      method: "POST",
      headers: { cookie, origin: BASE, "content-type": "application/json" },
      body: JSON.stringify({ reviewId, questionId, rating }),
    });
    const text = await res.text();
    assert.ok(res.status < 500, `review ${reviewId} → ${res.status} ${text}`);
    if (res.status !== 200) return "failed";
    return (JSON.parse(text) as { duplicate: boolean }).duplicate ? "duplicate" : "ack";
  } catch (err) {
    if (err instanceof TypeError) return "failed"; // connection reset: the server was killed
    throw err;
  }
}

async function stored(cookie: string) {
  const doc = (await (await fetch(`${BASE}/api/progress/export`, { headers: { cookie } })).json()) as {
    reviews: { id: string; questionId: string }[];
    cards: { questionId: string; reps: number }[];
  };
  const ids = doc.reviews.map((r) => r.id);
  assert.equal(new Set(ids).size, ids.length, "no review is stored twice");
  for (const c of doc.cards) {
    const logs = doc.reviews.filter((r) => r.questionId === c.questionId).length;
    assert.equal(c.reps, logs, `card ${c.questionId}: reps match its review log`);
  }
  return new Set(ids);
}

describe("reviews under races, retries and kill -9", () => {
  it("8 racing tabs, each answer sent by 3 tabs at once: stored exactly once", async () => {
    const cookie = await newLearner();
    const answers = Array.from({ length: 16 }, (_, i) => ({ id: randomUUID(), q: questionIds[i % questionIds.length] }));
    const acked = new Set<string>();
    const tabs = Array.from({ length: 8 }, (_, t) =>
      (async () => {
        for (let i = 0; i < answers.length; i++) {
          if ((i + t) % 8 >= 3) continue; // each answer goes to 3 of the 8 tabs
          const a = answers[i];
          const r = await send(cookie, a.id, a.q, 1 + (i % 4)); // a retry repeats the same body
          if (r !== "failed") acked.add(a.id);
        }
      })(),
    );
    await Promise.all(tabs);
    const ids = await stored(cookie);
    assert.equal(acked.size, answers.length, "every answer was acknowledged by some tab");
    assert.deepEqual([...ids].sort(), [...acked].sort());
  });

  it("kill -9 mid-load, restart: every acknowledged review is stored, and retries make stored == sent", async () => {
    const cookie = await newLearner();
    // Few questions, many answers: concurrent writes to the same cards, the hardest case for reps == log.
    const sent = Array.from({ length: 120 }, (_, i) => ({ id: randomUUID(), q: questionIds[i % questionIds.length], rating: 1 + (i % 4) }));
    const acked = new Set<string>();
    let next = 0;
    const workers = Array.from({ length: 6 }, async () => {
      while (next < sent.length) {
        const a = sent[next++];
        if ((await send(cookie, a.id, a.q, a.rating)) === "ack") acked.add(a.id);
      }
    });
    // Let some land, then kill the server without warning while requests are in flight.
    while (acked.size < 20) await new Promise((r) => setTimeout(r, 10));
    await server.stop("SIGKILL");
    await Promise.all(workers);
    assert.ok(acked.size >= 20 && acked.size < sent.length, `killed mid-load (${acked.size} of ${sent.length} acknowledged)`);

    await server.start();
    const afterCrash = await stored(cookie);
    for (const id of acked) assert.ok(afterCrash.has(id), `acknowledged review ${id} survived kill -9`);
    const sentIds = new Set<string>(sent.map((a) => a.id));
    for (const id of afterCrash) assert.ok(sentIds.has(id), `stored review ${id} was sent`);

    // The client retries everything it has no acknowledgement for; each lands exactly once.
    const retries = sent.filter((a) => !acked.has(a.id));
    await Promise.all(
      Array.from({ length: 6 }, async (_, w) => {
        for (let i = w; i < retries.length; i += 6) {
          const a = retries[i];
          const r = await send(cookie, a.id, a.q, a.rating);
          assert.notEqual(r, "failed", `retry of ${a.id}`);
          assert.equal(r === "duplicate", afterCrash.has(a.id), `retry of ${a.id} is a duplicate exactly when it was already stored`);
          acked.add(a.id);
        }
      }),
    );
    const final = await stored(cookie);
    assert.deepEqual([...final].sort(), [...acked].sort(), "acknowledged == stored");
  });
});
