import assert from "node:assert/strict";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, it } from "node:test";
import v8 from "node:v8";
import { compactStrings, RenderCache } from "../../lib/content/render-cache";

const dir = () => fs.mkdtempSync(path.join(os.tmpdir(), "render-cache-"));
const shardFiles = (d: string) => fs.readdirSync(path.join(d, "render-cache")).filter((f) => f.endsWith(".v8"));
const mtimes = (d: string) => Object.fromEntries(shardFiles(d).map((f) => [f, fs.statSync(path.join(d, "render-cache", f)).mtimeMs]));

describe("render cache", () => {
  it("serves a saved value in the next run and computes only what changed", () => {
    const d = dir();
    const first = RenderCache.open(d, "html", "salt-1");
    for (let i = 0; i < 200; i++) first.get(["doc", `f${i}`], () => `value ${i}`);
    first.save();
    const second = RenderCache.open(d, "html", "salt-1");
    let computed = 0;
    for (let i = 0; i < 200; i++) second.get(["doc", `f${i}`], () => (computed++, `value ${i}`));
    assert.equal(computed, 0);
    assert.equal(second.hits, 200);
    assert.equal(second.get(["doc", "f7"], () => "wrong"), "value 7");
  });

  it("rewrites only the shards whose entries changed, and drops what a run did not use", async () => {
    const d = dir();
    const a = RenderCache.open(d, "html", "s");
    for (let i = 0; i < 300; i++) a.get(["doc", `f${i}`], () => i);
    a.save();
    const before = mtimes(d);
    assert.ok(Object.keys(before).length > 30, "spread over many shards");
    await new Promise((r) => setTimeout(r, 20));
    const b = RenderCache.open(d, "html", "s");
    for (let i = 0; i < 300; i++) b.get(["doc", i === 5 ? "edited" : `f${i}`], () => i);
    b.save();
    const after = mtimes(d);
    const changed = Object.keys(after).filter((f) => after[f] !== before[f]);
    assert.ok(changed.length >= 1 && changed.length <= 2, `one edit rewrites its old and new shard only (${changed.join(", ")})`);
    const c = RenderCache.open(d, "html", "s");
    assert.equal(c.stored, 300, "the replaced entry was dropped, the new one kept");
    assert.equal(c.peek(["doc", "f5"]), undefined);
  });

  it("keeps unused entries on a run that stopped early, and ignores another pipeline's entries", () => {
    const d = dir();
    const a = RenderCache.open(d, "html", "s");
    a.get(["doc", "x"], () => 1);
    a.get(["doc", "y"], () => 2);
    a.save();
    const b = RenderCache.open(d, "html", "s");
    b.get(["doc", "x"], () => 1);
    b.get(["doc", "z"], () => 3);
    b.save({ prune: false });
    assert.equal(RenderCache.open(d, "html", "s").stored, 3);
    assert.equal(RenderCache.open(d, "html", "other-code").stored, 0, "a changed lib/ or lockfile starts afresh");
  });

  it("renders again what a damaged or old-format shard held, and keeps the other shards' entries", () => {
    const d = dir();
    const a = RenderCache.open(d, "html", "s");
    for (let i = 0; i < 200; i++) a.get(["doc", `f${i}`], () => ({ html: `<p>${i}</p>`, links: [i] }));
    a.save();
    const shards = shardFiles(d);
    const victim = path.join(d, "render-cache", shards[0]);
    const bytes = fs.readFileSync(victim);
    fs.writeFileSync(victim, bytes.subarray(0, Math.floor(bytes.length / 2)));
    // A shard from before the v8 format, left behind by an older checkout: ignored, then removed on save.
    fs.writeFileSync(path.join(d, "render-cache", "00.json"), JSON.stringify({ format: 2, salt: "s", entries: {} }));
    const warn = console.warn;
    const warned: string[] = [];
    console.warn = (m: string) => warned.push(m);
    let b: RenderCache;
    try {
      b = RenderCache.open(d, "html", "s");
    } finally {
      console.warn = warn;
    }
    assert.equal(warned.length, 1, "the damaged shard is named once");
    assert.ok(b.stored > 150 && b.stored < 200, `the other shards still count (${b.stored})`);
    let computed = 0;
    for (let i = 0; i < 200; i++) {
      const v = b.get(["doc", `f${i}`], () => (computed++, { html: `<p>${i}</p>`, links: [i] }));
      assert.deepEqual(v, { html: `<p>${i}</p>`, links: [i] });
    }
    assert.equal(computed, 200 - b.stored);
    b.save();
    assert.equal(RenderCache.open(d, "html", "s").stored, 200);
    assert.ok(!fs.existsSync(path.join(d, "render-cache", "00.json")), "the old-format file is gone");
  });

  it("does not keep a value its caller says is not final", () => {
    const d = dir();
    const a = RenderCache.open(d, "html", "s");
    a.get(["doc", "bad"], () => null, (v) => v !== null);
    a.save();
    assert.equal(RenderCache.open(d, "html", "s").stored, 0);
  });

  it("stores Latin-1 text one byte per character, whatever pieces built it, and leaves wider text intact", () => {
    // Joined with a piece that held an em dash, V8 keeps the result two bytes per character even after
    // the dash is gone; this is how rendered HTML ends up.
    const html = ["<p>", "a".repeat(5000), "\u2014</p>"].join("").slice(0, -5) + "</p>";
    const wide = `<p>${"b".repeat(5000)} \u2192 c</p>`;
    assert.ok(v8.serialize(html).length > 2 * html.length, "the fixture is a two-byte string");
    const d = dir();
    const a = RenderCache.open(d, "html", "s");
    const value = a.get(["doc", "f"], () => ({ html, parts: [html, { wide }] as [string, { wide: string }], byId: new Map([["x", html]]), n: 3 }));
    assert.deepEqual(value, { html, parts: [html, { wide }], byId: new Map([["x", html]]), n: 3 }, "same text, same shape");
    assert.ok(v8.serialize(value.html).length < html.length + 16, "one byte per character");
    assert.ok(v8.serialize(value.byId.get("x")).length < html.length + 16, "inside a Map too");
    assert.equal(value.parts[1].wide, wide);
    a.save();
    const shard = shardFiles(d).map((f) => fs.statSync(path.join(d, "render-cache", f)).size)[0];
    assert.ok(shard < 3 * 5000 + 2 * 5000 + 500, `the shard holds three one-byte copies and one two-byte string (${shard} bytes)`);
    const again = RenderCache.open(d, "html", "s").get<{ html: string } | null>(["doc", "f"], () => null);
    assert.equal(again?.html, html);
    assert.equal(compactStrings("x\u00e9y"), "x\u00e9y", "Latin-1 beyond ASCII stays the same text");
  });
});
