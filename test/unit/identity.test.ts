import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { missingSharedSecret, newLearnerId, signLearnerId, verifyLearnerCookie } from "../../lib/learner/identity";

const secret = Buffer.from("k".repeat(32));
const other = Buffer.from("z".repeat(32));

describe("learner cookie", () => {
  it("has at least 128 random bits and round-trips", () => {
    const id = newLearnerId();
    assert.ok(Buffer.from(id, "base64url").length >= 16);
    assert.notEqual(id, newLearnerId());
    assert.equal(verifyLearnerCookie(signLearnerId(id, secret), secret), id);
  });

  it("rejects tampered, foreign and malformed cookies", () => {
    const a = newLearnerId();
    const b = newLearnerId();
    const signedA = signLearnerId(a, secret);
    const swapped = `${b}${signedA.slice(a.length)}`;
    assert.equal(verifyLearnerCookie(swapped, secret), null, "another id with A's signature");
    assert.equal(verifyLearnerCookie(signLearnerId(a, other), secret), null, "signed with another key");
    for (const bad of ["", "nodot", ".sig", `${a}.`, `${a}.${"x".repeat(43)}`, "a.b.c"]) {
      assert.equal(verifyLearnerCookie(bad, secret), null, bad);
    }
  });

  it("requires a SESSION_SECRET from the environment on PostgreSQL, where instances must share it", () => {
    assert.match(missingSharedSecret({ DATABASE_URL: "postgresql://app@db/prep" }) ?? "", /SESSION_SECRET/);
    assert.equal(missingSharedSecret({ DATABASE_URL: "postgresql://app@db/prep", SESSION_SECRET: "s".repeat(40) }), null);
    // SQLite (one instance, one data dir) may keep generating its own.
    assert.equal(missingSharedSecret({}), null);
    assert.equal(missingSharedSecret({ DATABASE_URL: "file:/srv/prep/app.db" }), null);
  });
});
