// The production server's fast path for prerendered pages (scripts/serve.mjs): after Next has served a page
// once, the same answer comes from memory. It must be the same answer, and everything that is not a plain
// page load must still reach Next.
import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { BASE, ensureBuild, prepareEnv, Server } from "./server";

let server: Server;

before(async () => {
  ensureBuild();
  server = new Server(await prepareEnv());
  await server.start();
});
after(async () => {
  await server?.stop();
});

const PAGE = "/chapters/kafka";
const KEPT = ["content-type", "content-security-policy", "x-frame-options", "x-content-type-options", "referrer-policy", "permissions-policy", "cache-control", "etag", "vary"];

async function fromNextThenSnapshot() {
  const first = await fetch(BASE + PAGE);
  const firstBody = await first.text();
  // The snapshot is taken in the background after the first answer; poll until a request is served from it.
  for (let i = 0; i < 50; i++) {
    const res = await fetch(BASE + PAGE);
    const body = await res.text();
    if (res.headers.get("content-length")) return { first, firstBody, second: res, secondBody: body };
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error("the page was never served from the snapshot");
}

describe("prerendered pages from memory", () => {
  it("are byte for byte what Next sent, with the same security and cache headers", async () => {
    const { first, firstBody, second, secondBody } = await fromNextThenSnapshot();
    assert.equal(first.status, 200);
    assert.equal(second.status, 200);
    assert.ok(firstBody.includes("<h1"), "a real page");
    assert.equal(secondBody, firstBody);
    for (const h of KEPT) assert.equal(second.headers.get(h), first.headers.get(h), h);
    assert.equal(second.headers.get("set-cookie"), null);
  });

  it("answer a matching If-None-Match with 304 and HEAD with no body", async () => {
    const etag = (await fetch(BASE + PAGE)).headers.get("etag");
    assert.ok(etag);
    const cached = await fetch(BASE + PAGE, { headers: { "if-none-match": etag } });
    assert.equal(cached.status, 304);
    const head = await fetch(BASE + PAGE, { method: "HEAD" });
    assert.equal(head.status, 200);
    assert.equal(await head.text(), "");
  });

  it("leave client navigation (RSC), query strings, dynamic pages and writes to Next", async () => {
    await fromNextThenSnapshot();
    const rsc = await fetch(BASE + PAGE, { headers: { rsc: "1" } });
    assert.equal(rsc.status, 200);
    assert.match(rsc.headers.get("content-type") ?? "", /text\/x-component/);
    const progress = await fetch(`${BASE}/progress`);
    assert.equal(progress.status, 200);
    assert.match(progress.headers.get("cache-control") ?? "", /no-store/, "a learner's page is never kept");
    const notFound = await fetch(`${BASE}/chapters/no-such-chapter`);
    assert.equal(notFound.status, 404);
    const foreign = await fetch(BASE + PAGE, { method: "POST", headers: { origin: "https://evil.example", "content-type": "text/plain" }, body: "x" });
    assert.equal(foreign.status, 403, "the proxy still sees writes to page paths");
  });
});
