import assert from "node:assert/strict";
import { before, describe, it } from "node:test";
import { loadContent } from "../../lib/content/load";
import { buildSearchIndex, highlight, SearchIndex, searchDocs, snippet } from "../../lib/search/index";
import { FIXTURE_CONTENT } from "../helpers";

let index: SearchIndex;

before(() => {
  const { bundle, sectionTexts } = loadContent([FIXTURE_CONTENT]);
  index = SearchIndex.fromJSON(buildSearchIndex(searchDocs(bundle, sectionTexts)));
});

describe("search", () => {
  it("finds an exact term in chapter sections and questions", () => {
    const hits = index.search("window");
    assert.ok(hits.some((h) => h.url === "/chapters/fixture-sql#window-functions"));
    assert.ok(hits.some((h) => h.url === "/questions/sql-fixture-window"));
  });

  it("matches prefixes while typing", () => {
    assert.ok(index.search("partit").some((h) => h.id === "q:kafka-fixture-consumer-groups"));
  });

  it("tolerates a typo", () => {
    assert.ok(index.search("consumr").some((h) => h.id.includes("consumer-groups")));
  });

  it("boosts titles over body text", () => {
    assert.equal(index.search("offset")[0].id, "q:kafka-fixture-offsets");
  });

  it("filters by kind, topic and difficulty", () => {
    assert.ok(index.search("window", { kind: "question" }).every((h) => h.kind === "question"));
    assert.deepEqual(index.search("join", { topic: "sql", difficulty: "senior" }).map((h) => h.id), ["q:sql-fixture-anti-join"]);
    assert.equal(index.search("kafka", { kind: "case-study" })[0].url, "/case-studies/fixture-co");
  });

  it("returns nothing for an empty query", () => {
    assert.deepEqual(index.search("   "), []);
  });

  it("highlights matches in escaped snippets", () => {
    assert.equal(highlight("a <b> window", ["window"]), "a &lt;b&gt; <mark>window</mark>");
    const s = snippet(`${"x ".repeat(200)}the window function ${"y ".repeat(200)}`, ["window"]);
    assert.match(s, /^… .*<mark>window<\/mark>.* …$/);
    assert.ok(s.length < 300);
  });
});
