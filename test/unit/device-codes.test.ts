import assert from "node:assert/strict";
import { describe, it } from "node:test";
import {
  ALPHABET,
  BITS_PER_CHAR,
  LINK_CODE_LENGTH,
  LINK_CODE_TTL_MS,
  RECOVERY_KEY_LENGTH,
  codeState,
  groupSecret,
  hashLinkCode,
  hashRecoveryKey,
  linkCodeExpiry,
  newLinkCode,
  newRecoveryKey,
  normalizeSecret,
  secretKind,
} from "../../lib/learner/codes";
import { newDeviceId, newLearnerId, parseLearnerCookie, signLearnerCookie, signLearnerId } from "../../lib/learner/identity";
import { deviceLabel } from "../../lib/learner/user-agent";

const secret = Buffer.from("k".repeat(32));
const other = Buffer.from("z".repeat(32));

describe("link codes and recovery keys", () => {
  it("use 32 unambiguous characters: no I, L, O or U, none twice", () => {
    assert.equal(new Set(ALPHABET).size, 32);
    for (const ch of "ILOU") assert.ok(!ALPHABET.includes(ch), ch);
    assert.equal(BITS_PER_CHAR, 5);
  });

  it("carry at least 40 bits (code) and 128 bits (key), drawn from the whole alphabet", () => {
    assert.ok(LINK_CODE_LENGTH * BITS_PER_CHAR >= 40);
    assert.ok(RECOVERY_KEY_LENGTH * BITS_PER_CHAR >= 128);
    const codes = Array.from({ length: 2000 }, () => newLinkCode());
    for (const c of codes) assert.match(c, /^[0-9A-HJKMNP-TV-Z]{8}$/);
    assert.equal(new Set(codes).size, codes.length, "no repeats in 2000 codes of 40 bits");
    // 16,000 characters over 32 symbols: every symbol shows up, and none far from its 500 expected.
    const counts = new Map<string, number>();
    for (const ch of codes.join("")) counts.set(ch, (counts.get(ch) ?? 0) + 1);
    assert.equal(counts.size, 32);
    for (const [ch, n] of counts) assert.ok(n > 380 && n < 620, `${ch}: ${n}`);
    assert.match(newRecoveryKey(), /^[0-9A-HJKMNP-TV-Z]{28}$/);
  });

  it("read what people type: case, dashes, spaces, and I/L/O for 1/1/0", () => {
    assert.equal(normalizeSecret(" 7k2m-q9xd "), "7K2MQ9XD");
    assert.equal(normalizeSecret("iLo0-1111"), "11001111");
    assert.equal(normalizeSecret("ABCD EFGU"), null, "U is not in the alphabet");
    assert.equal(normalizeSecret("ABCD<EFG"), null);
    assert.equal(normalizeSecret("  -- "), null);
    assert.equal(secretKind("7K2MQ9XD"), "link-code");
    assert.equal(secretKind("A".repeat(28)), "recovery-key");
    assert.equal(secretKind("A".repeat(9)), null);
    assert.equal(groupSecret("7K2MQ9XD"), "7K2M-Q9XD");
    assert.equal(normalizeSecret(groupSecret("ABCDEFGHJKMNPQRSTVWXYZ012345")), "ABCDEFGHJKMNPQRSTVWXYZ012345");
  });

  it("are stored only as hashes: keyed for codes, stable for keys, and never the secret itself", () => {
    const h = hashLinkCode("7K2MQ9XD", secret);
    assert.equal(h, hashLinkCode("7K2MQ9XD", secret));
    assert.notEqual(h, hashLinkCode("7K2MQ9XE", secret));
    assert.notEqual(h, hashLinkCode("7K2MQ9XD", other), "a database copy without the session secret cannot be searched");
    assert.ok(!h.includes("7K2MQ9XD"));
    const k = "ABCDEFGHJKMNPQRSTVWXYZ012345";
    assert.equal(hashRecoveryKey(k), hashRecoveryKey(k));
    assert.notEqual(hashRecoveryKey(k), hashRecoveryKey(`${k.slice(0, -1)}6`));
    assert.match(hashRecoveryKey(k), /^[A-Za-z0-9_-]{43}$/);
  });

  it("expire ten minutes after creation, checked on a fixed clock, and work once", () => {
    const created = new Date("2026-03-01T12:00:00Z");
    const expiresAt = linkCodeExpiry(created);
    assert.equal(expiresAt.getTime() - created.getTime(), LINK_CODE_TTL_MS);
    assert.equal(LINK_CODE_TTL_MS, 600_000);
    assert.equal(codeState({ expiresAt, usedAt: null }, new Date("2026-03-01T12:09:59.999Z")), "valid");
    assert.equal(codeState({ expiresAt, usedAt: null }, new Date("2026-03-01T12:10:00Z")), "expired");
    assert.equal(codeState({ expiresAt, usedAt: new Date("2026-03-01T12:01:00Z") }, new Date("2026-03-01T12:02:00Z")), "used");
  });
});

describe("learner cookie with a device", () => {
  it("round-trips learner and device, and reads the earlier device-less format", () => {
    const l = newLearnerId();
    const d = newDeviceId();
    assert.deepEqual(parseLearnerCookie(signLearnerCookie(l, d, secret), secret), { learnerId: l, deviceId: d });
    assert.deepEqual(parseLearnerCookie(signLearnerId(l, secret), secret), { learnerId: l, deviceId: null });
  });

  it("cannot be moved to another device or learner, nor stretched from the old format", () => {
    const l = newLearnerId();
    const d = newDeviceId();
    const cookie = signLearnerCookie(l, d, secret);
    const mac = cookie.slice(cookie.lastIndexOf(".") + 1);
    assert.equal(parseLearnerCookie(`${l}.${newDeviceId()}.${mac}`, secret), null, "another device with this signature");
    assert.equal(parseLearnerCookie(`${newLearnerId()}.${d}.${mac}`, secret), null, "another learner with this signature");
    const legacy = signLearnerId(l, secret);
    assert.equal(parseLearnerCookie(`${l}.${d}.${legacy.slice(legacy.lastIndexOf(".") + 1)}`, secret), null, "old signature on a new payload");
    assert.equal(parseLearnerCookie(signLearnerCookie(l, d, other), secret), null);
    assert.equal(parseLearnerCookie(`${l}.${d}.${d}.${mac}`, secret), null);
  });
});

describe("device labels", () => {
  const cases: [string, string][] = [
    ["Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36", "Chrome on Linux"],
    ["Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36 Edg/131.0.2903.86", "Edge on Windows"],
    ["Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Mobile/15E148 Safari/604.1", "Safari on iPhone"],
    ["Mozilla/5.0 (Android 15; Mobile; rv:133.0) Gecko/133.0 Firefox/133.0", "Firefox on Android"],
    ["Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Safari/605.1.15", "Safari on macOS"],
    ["curl/8.5.0", "Unknown browser"],
  ];
  for (const [ua, label] of cases) it(label, () => assert.equal(deviceLabel(ua), label));
  it("handles a missing header", () => assert.equal(deviceLabel(null), "Unknown browser"));
});
