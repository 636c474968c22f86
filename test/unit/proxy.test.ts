import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import { after, describe, it } from "node:test";
import { NextRequest } from "next/server";
import { tempDir } from "../helpers";

// proxy.ts reads the secret from DATA_DIR; point it at a temp dir before importing it.
process.env.DATA_DIR = tempDir("proxy-data");
const { proxy, config } = await import("../../proxy");
const { signLearnerId, newLearnerId, verifyLearnerCookie, parseLearnerCookie } = await import("../../lib/learner/identity");

const BASE = "http://127.0.0.1:3000";
function req(pathname: string, init: { method?: string; headers?: Record<string, string> } = {}) {
  return new NextRequest(`${BASE}${pathname}`, { method: init.method ?? "GET", headers: { host: "127.0.0.1:3000", ...init.headers } });
}
const setCookie = (res: Response) => res.headers.get("set-cookie") ?? "";

after(() => {
  delete process.env.COOKIE_SECURE;
});

describe("proxy", () => {
  it("does not run on engine and worker files, so they never carry a cookie and stay cacheable", () => {
    // Next anchors a matcher source at both ends; the paths are what the practice pages fetch.
    const runs = (p: string) => config.matcher.some((m) => new RegExp(`^${m}$`).test(p));
    for (const p of ["/engine/pglite/pglite.wasm", "/engine/pyodide/pyodide.asm.js", "/workers/sql-worker.js", "/workers/python-worker.js"]) assert.equal(runs(p), false, p);
    for (const p of ["/", "/practice", "/practice/ex-x", "/engineering", "/api/quiz/review"]) assert.equal(runs(p), true, p);
  });

  it("never sets a cookie on a page request, which may be a cached prerendered page", () => {
    for (const p of ["/", "/chapters/kafka", "/questions", "/quiz", "/progress"]) {
      const res = proxy(req(p));
      assert.equal(setCookie(res), "", p);
    }
  });

  it("starts no learner when the static home page reads its counts", () => {
    assert.equal(setCookie(proxy(req("/api/progress/summary"))), "");
    // The exemption is this read only: a write to the same path would still be given a learner.
    assert.match(setCookie(proxy(req("/api/progress/summary", { method: "POST", headers: { origin: BASE } }))), /^learner=/);
  });

  it("issues a signed, uncacheable learner cookie on API calls and server actions", () => {
    for (const r of [req("/api/quiz/next"), req("/progress", { method: "POST", headers: { origin: BASE, "next-action": "x" } })]) {
      const res = proxy(r);
      const m = setCookie(res).match(/^learner=([^;]+);/);
      assert.ok(m, setCookie(res));
      assert.ok(verifyLearnerCookie(decodeURIComponent(m[1])), "the cookie verifies");
      assert.match(parseLearnerCookie(decodeURIComponent(m[1]))?.deviceId ?? "", /^[A-Za-z0-9_-]{22}$/, "and names its device, so it can be unlinked");
      assert.match(setCookie(res), /HttpOnly/i);
      assert.match(setCookie(res), /SameSite=lax/i);
      assert.equal(res.headers.get("cache-control"), "private, no-store");
      // The handler of this same request sees the new id.
      assert.equal(res.headers.get("x-middleware-request-cookie"), `learner=${m[1]}`);
    }
  });

  it("keeps a valid cookie and replaces a tampered one (through verifyLearnerCookie and the real secret)", () => {
    const mine = signLearnerId(newLearnerId());
    assert.equal(setCookie(proxy(req("/api/quiz/next", { headers: { cookie: `learner=${mine}` } }))), "");
    const victim = newLearnerId();
    const forged = `${victim}${mine.slice(mine.indexOf("."))}`;
    const res = proxy(req("/api/quiz/next", { headers: { cookie: `learner=${forged}` } }));
    const issued = decodeURIComponent(setCookie(res).match(/^learner=([^;]+);/)![1]);
    assert.ok(!issued.startsWith(victim), "the forged id is not kept");
    assert.ok(verifyLearnerCookie(issued));
  });

  it("refuses cross-origin writes with 403 and lets same-origin ones through", async () => {
    const bad = proxy(req("/api/quiz/review", { method: "POST", headers: { origin: "http://127.0.0.1:4000" } }));
    assert.equal(bad.status, 403);
    assert.match((await bad.json()).error, /Refused a POST request from origin http:\/\/127\.0\.0\.1:4000/);
    const action = proxy(req("/progress", { method: "POST", headers: { "sec-fetch-site": "same-site" } }));
    assert.equal(action.status, 403, "server actions are guarded too");
    const ok = proxy(req("/api/quiz/review", { method: "POST", headers: { origin: BASE, "sec-fetch-site": "same-origin" } }));
    assert.notEqual(ok.status, 403);
  });

  it("uses __Host-learner and sends HSTS only when COOKIE_SECURE=1", () => {
    assert.equal(proxy(req("/")).headers.get("strict-transport-security"), null);
    process.env.COOKIE_SECURE = "1";
    try {
      const res = proxy(req("/api/quiz/next", { headers: { cookie: `learner=${signLearnerId(newLearnerId())}` } }));
      assert.match(setCookie(res), /^__Host-learner=[^;]+;.*Path=\/.*Secure/i, "the plain-named cookie is not accepted over https");
      assert.doesNotMatch(setCookie(res), /Domain=/i);
      assert.match(res.headers.get("strict-transport-security") ?? "", /^max-age=\d{8,}/);
      assert.match(proxy(req("/")).headers.get("strict-transport-security") ?? "", /max-age/);
    } finally {
      delete process.env.COOKIE_SECURE;
    }
  });
});

describe("session secret file", () => {
  it("fails closed on an empty, blank, short or zero key file and says how to fix it", async () => {
    const { parseSecretFile } = await import("../../lib/learner/identity");
    for (const text of ["", "   \n", "abc", "A".repeat(42), "not base64!!".repeat(8), "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"]) {
      assert.throws(() => parseSecretFile("/d/session-secret", text), /\/d\/session-secret does not hold a usable session secret.*Delete the file/, JSON.stringify(text));
    }
    assert.equal(parseSecretFile("f", ` ${"q".repeat(43)}\n`).length, 32);
  });

  it("refuses to start signing with a bad file in DATA_DIR", async () => {
    const dir = tempDir("bad-secret");
    fs.writeFileSync(path.join(dir, "session-secret"), "  \n");
    const code = `process.env.DATA_DIR=${JSON.stringify(dir)}; const m = await import("./lib/learner/identity.ts"); try { m.signLearnerId("x".repeat(24)); console.log("SIGNED"); } catch (e) { console.log("REFUSED " + e.message); }`;
    const { execFileSync } = await import("node:child_process");
    const out = execFileSync(process.execPath, ["--import", "tsx", "--input-type=module", "-e", code], { encoding: "utf8" });
    assert.match(out, /^REFUSED .*session-secret does not hold a usable session secret/);
  });
});
