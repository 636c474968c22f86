import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { z } from "zod";
import { handleGet, handlePost } from "../../lib/http";
import { crossOriginRefusal, isJsonMediaType } from "../../lib/origin";
import { QuizError } from "../../lib/quiz/service";

const URL_ = "http://127.0.0.1:3000/api/thing";
const schema = z.object({ n: z.number().int().max(10) });
const echo = handlePost(schema, async (input) => Response.json({ got: input }));

function post(body: string, headers: Record<string, string> = {}) {
  return echo(new Request(URL_, { method: "POST", body, headers: { host: "127.0.0.1:3000", "content-type": "application/json", ...headers } }));
}

describe("handlePost", () => {
  it("accepts same-origin JSON, with or without a charset", async () => {
    for (const ct of ["application/json", "application/json; charset=utf-8", "Application/JSON;charset=\"UTF-8\""]) {
      const res = await post('{"n":3}', { "content-type": ct, origin: "http://127.0.0.1:3000", "sec-fetch-site": "same-origin" });
      assert.equal(res.status, 200, ct);
      assert.deepEqual(await res.json(), { got: { n: 3 } });
    }
  });

  it("answers 415 to every media type but exactly application/json (the CSRF-able simple types above all)", async () => {
    for (const ct of ["text/plain; application/json", "text/plain;charset=utf-8", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x", "application/json-patch+json", "application/jsonx", "application/json; foo=bar", ""]) {
      const res = await post('{"n":3}', ct ? { "content-type": ct } : { "content-type": "" });
      assert.equal(res.status, 415, `content-type ${JSON.stringify(ct)}`);
      assert.match((await res.json()).error, /Content-Type: application\/json/);
    }
  });

  it("answers 400 with a message to a body that is not JSON", async () => {
    for (const body of ["", "{", "nope", '{"n":1}}']) {
      const res = await post(body);
      assert.equal(res.status, 400, body);
      assert.match((await res.json()).error, /^The request body is not valid JSON \(.+\)\.$/);
    }
  });

  it("maps schema failures to 400 naming the field", async () => {
    const res = await post('{"n":11}');
    assert.equal(res.status, 400);
    assert.match((await res.json()).error, /^Invalid body: n: /);
  });

  it("maps a QuizError to its status and lets other errors through", async () => {
    const failing = handlePost(schema, async () => {
      throw new QuizError(404, "No such question.");
    });
    const res = await failing(new Request(URL_, { method: "POST", body: '{"n":1}', headers: { "content-type": "application/json" } }));
    assert.equal(res.status, 404);
    assert.equal((await res.json()).error, "No such question.");
    const crashing = handlePost(schema, async () => {
      throw new RangeError("bug");
    });
    await assert.rejects(crashing(new Request(URL_, { method: "POST", body: '{"n":1}', headers: { "content-type": "application/json" } })), RangeError);
  });

  it("refuses cross-origin and same-site writes with 403 before reading the body", async () => {
    const cases: Record<string, string>[] = [
      { origin: "http://127.0.0.1:4000" }, // another port: same site, other origin
      { origin: "http://evil.example" },
      { origin: "null" },
      { "sec-fetch-site": "same-site" },
      { "sec-fetch-site": "cross-site", origin: "http://127.0.0.1:3000" },
    ];
    for (const headers of cases) {
      const res = await post('{"n":3}', headers);
      assert.equal(res.status, 403, JSON.stringify(headers));
      assert.match((await res.json()).error, /^Refused a .*must come from/);
    }
  });
});

describe("handleGet", () => {
  it("maps bad query strings to 400", async () => {
    const get = handleGet(z.object({ q: z.string().min(2) }), async ({ q }) => Response.json({ q }));
    assert.equal((await get(new Request(`${URL_}?q=ok`))).status, 200);
    const res = await get(new Request(`${URL_}?q=x`));
    assert.equal(res.status, 400);
    assert.match((await res.json()).error, /^Invalid query: q: /);
  });
});

describe("origin rules", () => {
  const h = (o: Record<string, string>) => new Headers({ host: "site.test", ...o });
  it("lets safe methods and non-browser clients through", () => {
    assert.equal(crossOriginRefusal("GET", h({ origin: "http://evil.example", "sec-fetch-site": "cross-site" })), null);
    assert.equal(crossOriginRefusal("POST", h({})), null, "curl sends neither header");
    assert.equal(crossOriginRefusal("DELETE", h({ origin: "https://site.test", "sec-fetch-site": "same-origin" })), null);
    assert.equal(crossOriginRefusal("PUT", new Headers({ host: "internal:3000", "x-forwarded-host": "site.test", origin: "https://site.test" })), null);
  });
  it("refuses every state-changing method from elsewhere", () => {
    for (const m of ["POST", "PUT", "PATCH", "DELETE"]) {
      assert.ok(crossOriginRefusal(m, h({ origin: "https://site.test.evil.example" })), m);
      assert.ok(crossOriginRefusal(m, h({ origin: "not a url" })), m);
      assert.ok(crossOriginRefusal(m, h({ "sec-fetch-site": "same-site", origin: "https://site.test" })), m);
    }
  });
  it("knows the JSON media type", () => {
    assert.ok(isJsonMediaType("application/json;charset=utf-8"));
    assert.ok(!isJsonMediaType("text/plain; application/json"));
    assert.ok(!isJsonMediaType("application/json; charset=latin1"));
    assert.ok(!isJsonMediaType(null));
  });
});
