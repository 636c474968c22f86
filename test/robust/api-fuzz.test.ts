// Property test of every API route against a real `next start`: whatever a client sends (shapes near
// the schemas, arbitrary JSON, malformed JSON, odd media types, huge bodies, odd query strings), the
// answer is never a 5xx, and a 4xx carries a message.
import assert from "node:assert/strict";
import { randomUUID } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { after, before, describe, it } from "node:test";
import fc from "fast-check";
import { BASE, ensureBuild, prepareEnv, Server, serverErrors } from "./server";

const RUNS = Number(process.env.ROBUST_RUNS ?? 25);
// Random by default (a failure prints its seed); ROBUST_SEED=<seed> replays one.
const SEED = process.env.ROBUST_SEED ? { seed: Number(process.env.ROBUST_SEED) } : {};
let server: Server;
let cookie = "";
let questionId = "";
let exportDoc: Record<string, unknown> = {};
const seen: { status: number; route: string }[] = [];

async function call(method: string, route: string, body?: string, contentType = "application/json"): Promise<Response> {
  const headers: Record<string, string> = { cookie, origin: BASE };
  if (body !== undefined) headers["content-type"] = contentType;
  const res = await fetch(`${BASE}${route}`, { method, headers, body });
  seen.push({ status: res.status, route: route.split("?")[0] });
  return res;
}

async function assertNo5xx(res: Response, what: string) {
  const text = await res.text();
  assert.ok(res.status < 500, `${what} → ${res.status} ${text.slice(0, 300)}`);
  // 405 (wrong method), 413/414/431 (too large for Node's HTTP parser) are answered before our code runs.
  if (res.status >= 400 && ![405, 413, 414, 431].includes(res.status)) {
    const json = JSON.parse(text) as { error?: unknown };
    assert.equal(typeof json.error, "string", `${what} → ${res.status} without an error message: ${text.slice(0, 200)}`);
  }
}

before(async () => {
  ensureBuild();
  server = new Server(await prepareEnv());
  await server.start();
  const first = await fetch(`${BASE}/api/quiz/next?deck=all`, { headers: { origin: BASE } });
  cookie = (first.headers.get("set-cookie") ?? "").split(";")[0];
  questionId = ((await first.json()) as { card: { questionId: string } }).card.questionId;
  for (let i = 0; i < 3; i++) {
    await call("POST", "/api/quiz/review", JSON.stringify({ reviewId: randomUUID(), questionId, rating: 1 + i }));
  }
  exportDoc = (await (await call("GET", "/api/progress/export")).json()) as Record<string, unknown>;
});
after(async () => {
  await server?.stop();
});

// Values that sit at the edges of what the schemas accept.
const edgy = fc.oneof(
  fc.jsonValue(),
  fc.constantFrom("", " ", "\u0000", "a".repeat(10_000), "💥", "__proto__", "constructor", "../../etc/passwd", "%00", "NaN", "-1", "1e309", "0x10"),
  fc.constantFrom(0, -1, 1, 4, 5, 2 ** 31, 2 ** 53, -(2 ** 53), 0.5, Number.MAX_SAFE_INTEGER),
  fc.constantFrom(null, true, false, [], {}),
);

/** A valid body with one to three fields replaced, removed or added, or duplicated array items. */
function mutated(template: Record<string, unknown>): fc.Arbitrary<unknown> {
  const keys = Object.keys(template);
  const mutation = fc.oneof(
    fc.record({ op: fc.constant("set" as const), key: fc.constantFrom(...keys), value: edgy }),
    fc.record({ op: fc.constant("drop" as const), key: fc.constantFrom(...keys) }),
    fc.record({ op: fc.constant("add" as const), key: fc.string({ maxLength: 12 }), value: edgy }),
    fc.record({ op: fc.constant("dup" as const), key: fc.constantFrom(...keys) }),
  );
  return fc.array(mutation, { minLength: 1, maxLength: 3 }).map((ops) => {
    const out: Record<string, unknown> = structuredClone(template);
    for (const m of ops) {
      if (m.op === "set" || m.op === "add") out[m.key] = m.value;
      else if (m.op === "drop") delete out[m.key];
      else if (Array.isArray(out[m.key]) && (out[m.key] as unknown[]).length) (out[m.key] as unknown[]).push((out[m.key] as unknown[])[0]);
    }
    return out;
  });
}

/** Deeply mutates a nested document: one leaf anywhere replaced by an edge value. */
function deepMutated(doc: unknown): fc.Arbitrary<unknown> {
  const paths: (string | number)[][] = [];
  const walk = (v: unknown, p: (string | number)[]) => {
    paths.push(p);
    if (Array.isArray(v)) v.slice(0, 3).forEach((x, i) => walk(x, [...p, i]));
    else if (v && typeof v === "object") for (const [k, x] of Object.entries(v)) walk(x, [...p, k]);
  };
  walk(doc, []);
  return fc.tuple(fc.constantFrom(...paths.filter((p) => p.length)), edgy).map(([p, value]) => {
    const out = structuredClone(doc) as Record<string | number, unknown>;
    let node = out;
    for (const k of p.slice(0, -1)) node = node[k] as Record<string | number, unknown>;
    node[p[p.length - 1]] = value;
    return out;
  });
}

const queryValue = fc.oneof(fc.string({ maxLength: 30 }), fc.constantFrom("", "all", "1", "0", "-1", "999999999999", "a,b,,c", "x".repeat(25_000), "%", "kafka", "senior", "topic:sql"));

const ROUTES: Record<string, { get?: string[]; post?: () => fc.Arbitrary<unknown> }> = {
  "/api/search": { get: ["q", "kind", "topic", "difficulty", "limit"] },
  "/api/quiz/next": { get: ["deck", "practice", "exclude", "prefer"] },
  "/api/quiz/pack": { get: ["deck"] },
  "/api/mock/round": { get: ["seed", "company"] },
  "/api/practice/reveal": { get: ["id"] },
  "/api/progress/export": { get: [] },
  "/api/progress/revlog": { get: [] },
  "/api/progress/summary": { get: [] },
  "/api/fsrs/fit": { get: [], post: () => fc.constant({}) },
  "/api/quiz/review": { post: () => mutated({ reviewId: randomUUID(), questionId, rating: 3, durationMs: 1000, practice: false, reviewedAt: new Date().toISOString() }) },
  "/api/quiz/card": { post: () => mutated({ questionId, action: "flag" }) },
  "/api/quiz/undo": { post: () => mutated({ reviewId: randomUUID() }) },
  "/api/progress/import": { post: () => fc.oneof(mutated(exportDoc), deepMutated(exportDoc)) },
  "/api/learner/link-code": { post: () => fc.oneof(fc.constant({}), mutated({ extra: 1 })) },
  "/api/learner/recovery-key": { post: () => fc.oneof(fc.constant({}), mutated({ extra: 1 })) },
  // Mostly wrong codes and keys: past the rate limit these are 429s, which must stay 4xx too.
  "/api/learner/link": { post: () => fc.oneof(mutated({ secret: "7K2M-Q9XD" }), mutated({ secret: "ABCD-EFGH-JKMN-PQRS-TVWX-YZ01-2345" })) },
};

describe("API fuzz against next start", () => {
  it("covers every route under app/api", () => {
    const routes = (fs.readdirSync("app/api", { recursive: true }) as string[])
      .filter((f) => f.endsWith("route.ts"))
      .map((f) => `/api/${path.dirname(f).split(path.sep).join("/")}`)
      .sort();
    assert.deepEqual(routes, Object.keys(ROUTES).sort(), "add the new route to ROUTES so it is fuzzed");
  });

  for (const [route, spec] of Object.entries(ROUTES)) {
    if (spec.get) {
      it(`GET ${route} with arbitrary query strings`, async () => {
        const names = fc.oneof(fc.constantFrom(...(spec.get!.length ? spec.get! : ["x"])), fc.string({ maxLength: 8 }));
        await fc.assert(
          fc.asyncProperty(fc.array(fc.tuple(names, queryValue), { maxLength: 4 }), async (pairs) => {
            const qs = new URLSearchParams(pairs).toString();
            await assertNo5xx(await call("GET", `${route}${qs ? `?${qs}` : ""}`), `GET ${route}?${qs.slice(0, 200)}`);
          }),
          { numRuns: route === "/api/fsrs/fit" ? 5 : RUNS, ...SEED },
        );
      });
    }
    if (spec.post) {
      it(`POST ${route} with near-valid and arbitrary bodies`, async () => {
        await fc.assert(
          fc.asyncProperty(fc.oneof({ weight: 3, arbitrary: spec.post!() }, { weight: 1, arbitrary: fc.jsonValue() }), async (body) => {
            const text = JSON.stringify(body) ?? "null";
            await assertNo5xx(await call("POST", route, text), `POST ${route} ${text.slice(0, 300)}`);
          }),
          { numRuns: route === "/api/fsrs/fit" ? 3 : RUNS, ...SEED },
        );
      });
      it(`POST ${route} with malformed JSON, wrong media types and a huge body`, async () => {
        await fc.assert(
          fc.asyncProperty(fc.string({ maxLength: 200 }), async (text) => {
            await assertNo5xx(await call("POST", route, text), `POST ${route} raw ${JSON.stringify(text.slice(0, 100))}`);
          }),
          { numRuns: Math.ceil(RUNS / 2), ...SEED },
        );
        for (const ct of ["text/plain", "text/plain; application/json", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x"]) {
          const res = await call("POST", route, "{}", ct);
          if (route !== "/api/fsrs/fit") assert.equal(res.status, 415, `${route} with ${ct}`);
          await assertNo5xx(res, `${route} ${ct}`);
        }
        const huge = JSON.stringify({ reviewId: "x", pad: "p".repeat(8 * 1024 * 1024) });
        await assertNo5xx(await call("POST", route, huge), `POST ${route} with an 8 MB body`);
        await assertNo5xx(await call("POST", route, "[".repeat(100_000)), `POST ${route} with deeply nested JSON`);
      });
    }
  }

  it("logged no server error", () => {
    assert.ok(seen.length > RUNS * 10, `${seen.length} requests were made`);
    assert.ok(seen.some((s) => s.status === 200) && seen.some((s) => s.status === 400), "both accepted and rejected requests were exercised");
    assert.deepEqual(serverErrors(server.log), []);
  });
});
