import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { AppError } from "../../lib/app-error";
import { ingest } from "../../lib/content/ingest";
import type { Db } from "../../lib/db/client";
import { createLinkCode, createRecoveryKey, deviceOverview, redeemSecret, resolveIdentity, revokeDevice, type Identity } from "../../lib/learner/devices";
import { setDeviceEventSink } from "../../lib/learner/events";
import { newDeviceId, newLearnerId, type LearnerCookie } from "../../lib/learner/identity";
import { DEFAULT_LIMITS } from "../../lib/learner/rate-limit";
import { quizSession } from "../../lib/quiz/session";
import { copyFixtureContent, migratedDb, reviewIds, tempDir } from "../helpers";

let db: Db;
const rid = reviewIds();
const generated = tempDir("generated");
process.env.GENERATED_DIR = generated;
const secret = Buffer.from("s".repeat(32));
const UA_A = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36";
const UA_B = "Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Mobile/15E148 Safari/604.1";
const events: Record<string, unknown>[] = [];

before(async () => {
  db = migratedDb().db;
  await ingest(db, [copyFixtureContent()], generated);
  setDeviceEventSink((line) => events.push(JSON.parse(line)));
});
after(() => db.$disconnect());

let clock = new Date("2026-04-01T09:00:00Z").getTime();
/** A fixed clock that each test moves on by hand (rate-limit windows must not overlap between tests). */
const at = (minutes = 0) => new Date(clock + minutes * 60_000);
const advance = (minutes: number) => (clock += minutes * 60_000);

const browser = (): LearnerCookie => ({ learnerId: newLearnerId(), deviceId: newDeviceId() });
let clientSeq = 0;
const client = () => `client-${++clientSeq}`;

async function studied(learnerId: string, n: number, now: Date) {
  const quiz = quizSession(db, learnerId, { now });
  for (let i = 0; i < n; i++) {
    const next = await quiz.next({ deck: "all", practice: false, exclude: [] });
    assert.ok(next.card, "the fixture has cards to study");
    await quizSession(db, learnerId, { now }).grade({ reviewId: rid(), questionId: next.card.questionId, rating: 3 });
  }
}
const reviewsTotal = async (learnerId: string, now: Date) => (await quizSession(db, learnerId, { now }).dashboard()).progress.reviewsTotal;

function redeem(secretText: string, current: LearnerCookie | null, opts: { client?: string; now?: Date; ua?: string } = {}) {
  return redeemSecret(db, { secret: secretText, client: opts.client ?? client(), now: opts.now ?? at(), userAgent: opts.ua ?? UA_B, current, sessionSecret: secret });
}
const activeLearner = (id: Identity) => (id.kind === "active" ? id.learnerId : null);
const status = (n: number, text?: RegExp) => (err: unknown) => err instanceof AppError && err.status === n && (!text || text.test(err.message));

describe("device linking", () => {
  it("links B to A's learner: B sees A's progress, and B's answers land on A", async () => {
    const a = browser();
    await studied(a.learnerId, 2, at());
    assert.equal(activeLearner(await resolveIdentity(db, a, { now: at(), userAgent: UA_A })), a.learnerId);
    const { code, expiresAt } = await createLinkCode(db, { learnerId: a.learnerId, deviceId: a.deviceId, userAgent: UA_A, secret, now: at() });
    assert.match(code, /^[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$/);
    assert.equal(expiresAt.getTime(), at(10).getTime());
    assert.equal(await db.linkCode.count({ where: { hash: code } }), 0, "the code itself is not stored");

    const b = browser();
    await studied(b.learnerId, 1, at());
    const linked = await redeem(code.toLowerCase(), b, { now: at(3) });
    assert.equal(linked.learnerId, a.learnerId);
    assert.equal(linked.via, "link-code");
    assert.notEqual(linked.deviceId, b.deviceId, "a new device row, not B's old one");
    const bNow = { learnerId: linked.learnerId, deviceId: linked.deviceId };
    assert.equal(activeLearner(await resolveIdentity(db, bNow, { now: at(4), userAgent: UA_B })), a.learnerId);
    assert.equal(await reviewsTotal(bNow.learnerId, at(4)), 2);
    await studied(bNow.learnerId, 1, at(5));
    assert.equal(await reviewsTotal(a.learnerId, at(5)), 3, "an answer on B shows on A");

    const overview = await deviceOverview(db, a.learnerId, a.deviceId);
    assert.deepEqual(overview.devices.map((d) => [d.label, d.current]).sort(), [["Chrome on Linux", true], ["Safari on iPhone", false]]);
    // B's previous learner no longer lists B's browser.
    assert.deepEqual((await deviceOverview(db, b.learnerId, null)).devices, []);
    assert.equal(await reviewsTotal(b.learnerId, at(5)), 1, "B's own progress is kept under its old learner, untouched");
    advance(20);
  });

  it("a code works once, also when two browsers race with it", async () => {
    const a = browser();
    await studied(a.learnerId, 1, at());
    const { code } = await createLinkCode(db, { learnerId: a.learnerId, deviceId: a.deviceId, userAgent: UA_A, secret, now: at() });
    const results = await Promise.allSettled([redeem(code, browser(), { now: at(1) }), redeem(code, browser(), { now: at(1) })]);
    assert.equal(results.filter((r) => r.status === "fulfilled").length, 1);
    const lost = results.find((r) => r.status === "rejected");
    assert.ok(lost && status(410, /already been used/)(lost.reason), String(lost?.status === "rejected" && lost.reason));
    await assert.rejects(redeem(code, browser(), { now: at(2) }), status(410, /already been used/));
    advance(20);
  });

  it("refuses an expired code at ten minutes, accepts it just before, and 404s an unknown one", async () => {
    const a = browser();
    const first = await createLinkCode(db, { learnerId: a.learnerId, deviceId: a.deviceId, userAgent: UA_A, secret, now: at() });
    await assert.rejects(redeem(first.code, browser(), { now: at(10) }), status(410, /expired/));
    const second = await createLinkCode(db, { learnerId: a.learnerId, deviceId: a.deviceId, userAgent: UA_A, secret, now: at(11) });
    assert.equal((await redeem(second.code, browser(), { now: at(20.99) })).learnerId, a.learnerId);
    // A new code replaces the learner's earlier one.
    const third = await createLinkCode(db, { learnerId: a.learnerId, deviceId: a.deviceId, userAgent: UA_A, secret, now: at(21) });
    const fourth = await createLinkCode(db, { learnerId: a.learnerId, deviceId: a.deviceId, userAgent: UA_A, secret, now: at(21) });
    await assert.rejects(redeem(third.code, browser(), { now: at(22) }), status(404));
    assert.equal(await db.linkCode.count({ where: { learnerId: a.learnerId, usedAt: null } }), 1);
    assert.equal((await redeem(fourth.code, browser(), { now: at(22) })).learnerId, a.learnerId);
    // A used code stays known for a day, so entering it again says so, even after a newer code.
    await createLinkCode(db, { learnerId: a.learnerId, deviceId: a.deviceId, userAgent: UA_A, secret, now: at(23) });
    await assert.rejects(redeem(fourth.code, browser(), { now: at(24) }), status(410, /already been used/));
    await assert.rejects(redeem("ZZZZ-ZZZZ", browser(), { now: at(22) }), status(404, /does not exist/));
    await assert.rejects(redeem("ZZZZ-ZZZ", browser(), { now: at(22) }), status(400, /8 characters/));
    await assert.rejects(redeem("UUUU-UUUU", browser(), { now: at(22) }), status(400));
    advance(40);
  });

  it("a revoked device loses access; a learner cannot revoke its own browser or another learner's", async () => {
    const a = browser();
    await studied(a.learnerId, 1, at());
    const { code } = await createLinkCode(db, { learnerId: a.learnerId, deviceId: a.deviceId, userAgent: UA_A, secret, now: at() });
    const b = await redeem(code, browser(), { now: at(1) });
    const bCookie = { learnerId: b.learnerId, deviceId: b.deviceId };
    await assert.rejects(revokeDevice(db, a.learnerId, a.deviceId, a.deviceId!, at(2)), status(400, /browser you are using/));
    const stranger = browser();
    await assert.rejects(revokeDevice(db, stranger.learnerId, stranger.deviceId, b.deviceId, at(2)), status(404));
    await revokeDevice(db, a.learnerId, a.deviceId, b.deviceId, at(2));
    const after = await resolveIdentity(db, bCookie, { now: at(3), userAgent: UA_B });
    assert.equal(after.kind, "revoked");
    assert.equal(after.kind === "revoked" && after.revokedAt?.getTime(), at(2).getTime());
    assert.equal((await resolveIdentity(db, a, { now: at(3) })).kind, "active", "A keeps working");
    assert.deepEqual((await deviceOverview(db, a.learnerId, a.deviceId)).devices.map((d) => d.id), [a.deviceId]);
    await assert.rejects(revokeDevice(db, a.learnerId, a.deviceId, b.deviceId, at(4)), status(404), "twice");
    advance(20);
  });

  it("the recovery key restores the learner on a new browser; a new key replaces the old", async () => {
    const a = browser();
    await studied(a.learnerId, 2, at());
    const { key } = await createRecoveryKey(db, { learnerId: a.learnerId, deviceId: a.deviceId, userAgent: UA_A, now: at() });
    assert.match(key, /^([0-9A-HJKMNP-TV-Z]{4}-){6}[0-9A-HJKMNP-TV-Z]{4}$/);
    const restored = await redeem(key.replaceAll("-", " ").toLowerCase(), null, { now: at(1) });
    assert.equal(restored.learnerId, a.learnerId);
    assert.equal(restored.via, "recovery-key");
    assert.equal(await reviewsTotal(restored.learnerId, at(1)), 2);
    const { key: newer } = await createRecoveryKey(db, { learnerId: a.learnerId, deviceId: a.deviceId, userAgent: UA_A, now: at(2) });
    await assert.rejects(redeem(key, null, { now: at(3) }), status(404, /recovery key/));
    assert.equal((await redeem(newer, null, { now: at(3) })).learnerId, a.learnerId);
    assert.equal(await db.recoveryKey.count({ where: { learnerId: a.learnerId } }), 1);
    advance(20);
  });

  it("brute force meets the per-client limit, then the global ceiling; a refused try does not even check", async () => {
    const a = browser();
    const { code } = await createLinkCode(db, { learnerId: a.learnerId, deviceId: a.deviceId, userAgent: UA_A, secret, now: at() });
    const attacker = client();
    for (let i = 0; i < DEFAULT_LIMITS.perClient; i++) {
      await assert.rejects(redeem(`0000-${String(i).padStart(4, "0")}`, null, { client: attacker, now: at(1) }), status(404));
    }
    // The right code, but from a client over its limit: 429, and the code is not spent.
    await assert.rejects(redeem(code, null, { client: attacker, now: at(2) }), status(429, /Wait 10 minutes/));
    assert.equal((await db.linkCode.findFirst({ where: { learnerId: a.learnerId } }))?.usedAt, null);
    // Another client is unaffected, and the attacker may try again once the window has passed.
    const fresh = await createLinkCode(db, { learnerId: a.learnerId, deviceId: a.deviceId, userAgent: UA_A, secret, now: at(2) });
    assert.equal((await redeem(fresh.code, null, { now: at(3) })).learnerId, a.learnerId);
    await assert.rejects(redeem("0000-AAAA", null, { client: attacker, now: at(11.5) }), status(404));
    advance(30);

    // Many clients (a spoofed X-Forwarded-For): each under its own limit, together over the ceiling.
    const perClient = DEFAULT_LIMITS.perClient;
    for (let c = 0; c < DEFAULT_LIMITS.global / perClient; c++) {
      const who = client();
      await Promise.all(Array.from({ length: perClient }, (_, i) => redeem(`1111-${String(i).padStart(4, "0")}`, null, { client: who, now: at(1) }).catch((err: unknown) => assert.ok(status(404)(err), String(err)))));
    }
    await assert.rejects(redeem("2222-2222", null, { client: client(), now: at(2) }), status(429, /on this site/));
    advance(30);
    await assert.rejects(redeem("2222-2222", null, { now: at() }), status(404), "the ceiling lifts after the window");
    assert.ok(events.some((e) => e.event === "link.rate-limited"));
    advance(30);
  });

  it("device rows: created lazily, last seen at most once a day, device-less cookies upgraded once", async () => {
    // A visitor with no stored progress: nothing is written.
    const passer = browser();
    assert.equal((await resolveIdentity(db, passer, { now: at() })).kind, "active");
    assert.equal(await db.device.count({ where: { id: passer.deviceId! } }), 0);

    const a = browser();
    await studied(a.learnerId, 1, at());
    await resolveIdentity(db, a, { now: at(), userAgent: UA_A });
    const seen = async () => (await db.device.findUniqueOrThrow({ where: { id: a.deviceId! } })).lastSeenAt.getTime();
    assert.equal(await seen(), at().getTime());
    await resolveIdentity(db, a, { now: at(23 * 60) });
    assert.equal(await seen(), at().getTime(), "not rewritten within a day");
    await resolveIdentity(db, a, { now: at(24 * 60) });
    assert.equal(await seen(), at(24 * 60).getTime());

    // A cookie from before devices: upgraded on a path that can set cookies, then its copies are refused.
    const legacy = { learnerId: newLearnerId(), deviceId: null };
    await studied(legacy.learnerId, 1, at());
    const onPage = await resolveIdentity(db, legacy, { now: at() });
    assert.deepEqual(onPage, { kind: "active", learnerId: legacy.learnerId, deviceId: null, reissue: false });
    const upgraded = await resolveIdentity(db, legacy, { now: at(), upgradeLegacy: true, userAgent: UA_A });
    assert.ok(upgraded.kind === "active" && upgraded.reissue && upgraded.deviceId);
    assert.equal(await db.device.count({ where: { learnerId: legacy.learnerId } }), 1);
    assert.equal((await resolveIdentity(db, legacy, { now: at(1) })).kind, "revoked", "a stale copy of the old cookie");
    assert.equal((await resolveIdentity(db, { learnerId: legacy.learnerId, deviceId: upgraded.deviceId }, { now: at(1) })).kind, "active");
    advance(24 * 60 + 10);
  });

  it("logs link, unlink and recover events without learner ids or codes", async () => {
    const kinds = new Set(events.map((e) => e.event));
    for (const k of ["link-code.created", "device.linked", "device.revoked", "device.recovered", "recovery-key.created", "link.failed", "link.rate-limited"]) assert.ok(kinds.has(k), k);
    const learnerIds = (await db.learner.findMany({ select: { id: true } })).map((l) => l.id);
    const text = JSON.stringify(events);
    for (const id of learnerIds) assert.ok(!text.includes(id), "no raw learner id in the log");
    assert.ok(events.every((e) => typeof e.at === "string" && !("code" in e) && !("key" in e)));
  });
});
