import assert from "node:assert/strict";
import { describe, it } from "node:test";
import type { NextConfig } from "next";
// @ts-expect-error next.config.js is plain ESM with JSDoc types and no declaration file.
import config from "../../next.config.js";

const nextConfig = config as NextConfig;

describe("security headers in next.config.js", () => {
  it("sends a CSP without unsafe-eval, with wasm and blob workers, and a Permissions-Policy on every path", async () => {
    const rules = await nextConfig.headers!();
    const all = rules.find((r) => r.source === "/(.*)");
    assert.ok(all, "one rule covers every path");
    const h = new Map<string, string>(all.headers.map((x) => [x.key.toLowerCase(), x.value]));
    const csp = new Map((h.get("content-security-policy") ?? "").split(";").map((d) => d.trim().split(/\s+/)).map(([k, ...v]) => [k, v]));
    assert.deepEqual(csp.get("script-src"), ["'self'", "'unsafe-inline'", "'wasm-unsafe-eval'"]);
    assert.deepEqual(csp.get("worker-src"), ["'self'", "blob:"]);
    assert.deepEqual(csp.get("default-src"), ["'self'"]);
    assert.deepEqual(csp.get("object-src"), ["'none'"]);
    assert.deepEqual(csp.get("base-uri"), ["'self'"]);
    assert.deepEqual(csp.get("frame-ancestors"), ["'none'"]);
    for (const feature of ["camera", "microphone", "geolocation", "payment"]) assert.match(h.get("permissions-policy") ?? "", new RegExp(`\\b${feature}=\\(\\)`));
    assert.equal(h.get("x-frame-options"), "DENY");
  });
});
