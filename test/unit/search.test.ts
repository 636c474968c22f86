import assert from "node:assert/strict";
import { before, describe, it } from "node:test";
import { loadContent } from "../../lib/content/load";
import fs from "node:fs";
import path from "node:path";
import remarkGfm from "remark-gfm";
import remarkParse from "remark-parse";
import { unified } from "unified";
import { buildSearchIndex, highlight, SearchIndex, searchDocs, snippet } from "../../lib/search/index";
import { decodeEntities, htmlToText, mdastText, queryTerms, transpositions } from "../../lib/search/text";
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
    const questions = index.search("window", { kind: "question" });
    assert.ok(questions.length > 0, "no question matches window");
    assert.ok(questions.every((h) => h.kind === "question"));
    assert.ok(index.search("window").some((h) => h.kind !== "question"), "the unfiltered search finds other kinds too");
    assert.deepEqual(index.search("join", { topic: "sql", difficulty: "senior" }).map((h) => h.id), ["q:sql-fixture-anti-join"]);
    assert.equal(index.search("kafka", { kind: "case-study" })[0].url, "/case-studies/fixture-co");
  });

  it("pages results and clamps a page past the end to the last one", () => {
    const all = index.search("window", { limit: 100 });
    assert.ok(all.length >= 3, `only ${all.length} hits for window`);
    const last = index.page("window", { limit: 2, page: 999 });
    assert.equal(last.pages, Math.ceil(all.length / 2));
    assert.equal(last.page, last.pages);
    assert.deepEqual(last.hits.map((h) => h.id), all.slice((last.pages - 1) * 2).map((h) => h.id));
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

  it("drops stop words from queries but keeps the words that matter", () => {
    assert.deepEqual(queryTerms("What is the difference between Parquet vs. Avro?"), ["difference", "between", "parquet", "avro"]);
    assert.deepEqual(index.search("the window"), index.search("window"));
  });

  it("finds a word typed with two letters swapped", () => {
    assert.ok(transpositions("kafak").includes("kafka"));
    assert.ok(index.search("offest").some((h) => h.id === "q:kafka-fixture-offsets"), "offest should find offsets");
  });

  it("ranks a chapter above its own sections when its title matches", () => {
    const hits = index.search("kafka", { kind: "chapter" }).map((h) => h.id);
    assert.ok(hits.includes("ch:fixture-kafka"), hits.join());
    const section = hits.findIndex((id) => id.startsWith("c:fixture-kafka#"));
    assert.ok(section < 0 || hits.indexOf("ch:fixture-kafka") < section, hits.join());
  });

  it("turns HTML into the words a reader sees", () => {
    assert.equal(decodeEntities("a &#x3C;= b &#x26;&amp; c &lt;d&gt; &#60;"), "a <= b && c <d> <");
    assert.equal(decodeEntities("&bogus; &#x110000;"), "&bogus; &#x110000;");
    const html = '<p>Use <a class="term" href="/glossary#rest">REST<span id="t1" role="tooltip" class="term-tip">REST: a style of web API.</span></a> here</p><table><tr><td>acks</td><td>Waits for</td></tr></table><h2 id="x">Title<a href="#x" class="anchor" aria-label="Link">#</a></h2>';
    const text = htmlToText(html);
    assert.doesNotMatch(text, /style of web API|#/);
    assert.match(text, /acks\s+Waits for/);
  });

  it("separates table cells, list items and paragraphs in markdown text", () => {
    const md = "| `acks` | Waits for |\n| --- | --- |\n| 0 | nothing |\n\n- one\n- two\n\nLast *word*.";
    const tree = unified().use(remarkParse).use(remarkGfm).runSync(unified().use(remarkParse).use(remarkGfm).parse(md));
    assert.equal(mdastText(tree as never), "acks Waits for\n0 nothing\none\ntwo\nLast word.");
  });

  it("matches a golden snapshot of the documents and section text built from the fixture content", () => {
    const { bundle, sectionTexts } = loadContent([FIXTURE_CONTENT]);
    const actual = JSON.stringify({ sections: sectionTexts, docs: searchDocs(bundle, sectionTexts) }, null, 2) + "\n";
    const file = path.resolve("test/unit/golden/search-docs.json");
    if (process.env.UPDATE_GOLDEN === "1") fs.writeFileSync(file, actual);
    // On a deliberate change, regenerate with UPDATE_GOLDEN=1 and review the diff.
    assert.equal(actual, fs.readFileSync(file, "utf8"));
  });
});
