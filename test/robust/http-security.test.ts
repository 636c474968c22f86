// The security properties of issue 9 (items 4–8) measured on a real `next start`, through proxy.ts,
// session.ts and the route handlers together.
import assert from "node:assert/strict";
import { randomUUID } from "node:crypto";
import fs from "node:fs";
import { after, before, describe, it } from "node:test";
import { chromium } from "@playwright/test";
import { BASE, ensureBuild, prepareEnv, Server, type Env } from "./server";

let env: Env;
let server: Server;

before(async () => {
  ensureBuild();
  env = await prepareEnv();
  server = new Server(env);
  await server.start();
});
after(async () => {
  await server?.stop();
});

const jar = (res: Response) => (res.headers.get("set-cookie") ?? "").split(";")[0];
async function firstCard(cookie = ""): Promise<{ res: Response; questionId: string }> {
  const res = await fetch(`${BASE}/api/quiz/next?deck=all`, { headers: cookie ? { cookie } : {} });
  const body = (await res.json()) as { card: { questionId: string } };
  return { res, questionId: body.card.questionId };
}
async function reviews(cookie: string): Promise<number> {
  const res = await fetch(`${BASE}/api/progress/export`, { headers: { cookie } });
  const doc = (await res.json()) as { reviews?: unknown[] };
  assert.ok(Array.isArray(doc.reviews), "export has a reviews list");
  return doc.reviews.length;
}
function review(cookie: string, questionId: string, headers: Record<string, string> = {}) {
  return fetch(`${BASE}/api/quiz/review`, {
    method: "POST",
    headers: { cookie, "content-type": "application/json", ...headers },
    body: JSON.stringify({ reviewId: randomUUID(), questionId, rating: 3 }),
  });
}

describe("cookies and caching (item 7)", () => {
  it("serves prerendered pages to a first-time visitor with a shared-cache lifetime and no Set-Cookie", async () => {
    for (const p of ["/chapters", "/chapters/kafka", "/case-studies", "/glossary"]) {
      const res = await fetch(`${BASE}${p}`);
      assert.equal(res.status, 200, p);
      assert.match(res.headers.get("cache-control") ?? "", /s-maxage=\d+/, `${p} is a cacheable prerendered page`);
      assert.equal(res.headers.get("set-cookie"), null, `${p} must not carry a learner cookie`);
    }
  });

  it("gives a first-time visitor a working quiz: the first API call issues an uncacheable cookie", async () => {
    const { res, questionId } = await firstCard();
    assert.equal(res.status, 200);
    assert.match(res.headers.get("set-cookie") ?? "", /^learner=[A-Za-z0-9_-]{22,}\.[A-Za-z0-9_-]{22,}\.[A-Za-z0-9_-]+; Path=\/; .*HttpOnly; SameSite=lax/i);
    assert.match(res.headers.get("cache-control") ?? "", /no-store|private/);
    const cookie = jar(res);
    const r = await review(cookie, questionId, { origin: BASE });
    assert.equal(r.status, 200, await r.clone().text());
    assert.equal(await reviews(cookie), 1);
  });
});

describe("a tampered cookie through proxy.ts and session.ts", () => {
  it("is replaced by a fresh learner that sees none of the victim's progress", async () => {
    const victim = await firstCard();
    const victimCookie = jar(victim.res);
    await review(victimCookie, victim.questionId);
    const attacker = jar((await firstCard()).res);
    const victimId = victimCookie.slice("learner=".length).split(".")[0];
    const forged = `learner=${victimId}.${attacker.split(".")[1]}`;
    const res = await fetch(`${BASE}/api/progress/export`, { headers: { cookie: forged } });
    assert.equal(res.status, 200);
    const issued = jar(res);
    assert.ok(issued && !issued.includes(victimId), `a new id is issued: ${issued}`);
    assert.equal(((await res.json()) as { reviews: unknown[] }).reviews.length, 0);
    assert.equal(await reviews(victimCookie), 1, "the victim's progress is intact");
  });
});

describe("cross-site writes (item 4)", () => {
  it("refuses simple-type bodies, foreign origins and same-site fetches, and stores nothing", async () => {
    const { res, questionId } = await firstCard();
    const cookie = jar(res);
    const attempts: [Record<string, string>, number][] = [
      [{ "content-type": "text/plain; application/json", origin: BASE }, 415],
      [{ origin: "http://127.0.0.1:9999" }, 403],
      [{ origin: "http://localhost:3202" }, 403],
      [{ origin: "null" }, 403],
      [{ "sec-fetch-site": "same-site" }, 403],
      [{ "sec-fetch-site": "cross-site" }, 403],
    ];
    for (const [headers, status] of attempts) {
      const r = await review(cookie, questionId, headers);
      assert.equal(r.status, status, JSON.stringify(headers));
      assert.match(((await r.json()) as { error: string }).error, status === 403 ? /^Refused a .*POST/ : /Content-Type: application\/json/);
    }
    assert.equal(await reviews(cookie), 0);
  });

  it("refuses a cross-origin server action before Next runs it", async () => {
    const r = await fetch(`${BASE}/progress`, {
      method: "POST",
      headers: { origin: "http://127.0.0.1:9999", "next-action": "0".repeat(40), "content-type": "text/plain;charset=UTF-8" },
      body: "[]",
    });
    assert.equal(r.status, 403);
  });
});

describe("response headers (item 8)", () => {
  it("sends a CSP without unsafe-eval, ready for WASM engines and blob workers, and a Permissions-Policy", async () => {
    for (const p of ["/", "/chapters/kafka", "/api/search?q=kafka"]) {
      const res = await fetch(`${BASE}${p}`);
      const csp = res.headers.get("content-security-policy") ?? "";
      const directives = new Map(csp.split(";").map((d) => d.trim().split(/\s+/)).map(([k, ...v]) => [k, v]));
      assert.ok(directives.has("default-src"), `${p}: ${csp}`);
      assert.ok(!csp.includes("'unsafe-eval'"), `${p}: no unsafe-eval`);
      assert.ok(directives.get("script-src")?.includes("'wasm-unsafe-eval'"));
      assert.deepEqual(directives.get("worker-src"), ["'self'", "blob:"]);
      assert.deepEqual(directives.get("object-src"), ["'none'"]);
      assert.deepEqual(directives.get("frame-ancestors"), ["'none'"]);
      assert.match(res.headers.get("permissions-policy") ?? "", /camera=\(\).*microphone=\(\).*geolocation=\(\)/);
      assert.equal(res.headers.get("strict-transport-security"), null, "no HSTS on plain http");
    }
  });

  it("does not break the app: pages hydrate and the quiz runs in Chromium with no CSP violation", { skip: !fs.existsSync(process.env.CHROMIUM_PATH ?? "/usr/bin/chromium") && !process.env.CI && "no Chromium" }, async () => {
    const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium", args: ["--no-sandbox", "--disable-gpu"] });
    try {
      const page = await browser.newPage();
      const problems: string[] = [];
      page.on("console", (m) => {
        if (/Content.Security.Policy|Permissions.Policy|Refused to/i.test(m.text())) problems.push(m.text());
      });
      page.on("pageerror", (e) => problems.push(e.message));
      for (const p of ["/", "/chapters/kafka", "/quiz?deck=all"]) {
        await page.goto(`${BASE}${p}`);
        // The header search box marks itself ready once React has hydrated it.
        await page.locator("form.search-box[data-ready]").waitFor({ state: "attached", timeout: 30_000 });
      }
      await page.getByRole("button", { name: "Show answer" }).waitFor({ timeout: 30_000 });
      assert.deepEqual(problems, []);
    } finally {
      await browser.close();
    }
  });

  it("over https (COOKIE_SECURE=1) sends HSTS and names the cookie __Host-learner", async () => {
    await server.stop();
    const secure = new Server(env, { COOKIE_SECURE: "1" });
    await secure.start();
    try {
      const page = await fetch(`${BASE}/questions`);
      assert.match(page.headers.get("strict-transport-security") ?? "", /^max-age=\d{7,}/);
      const api = await fetch(`${BASE}/api/quiz/next?deck=all`);
      assert.match(api.headers.get("set-cookie") ?? "", /^__Host-learner=[^;]+; Path=\/;.*Secure/i);
      assert.doesNotMatch(api.headers.get("set-cookie") ?? "", /Domain=/i);
    } finally {
      await secure.stop();
    }
  });
});
