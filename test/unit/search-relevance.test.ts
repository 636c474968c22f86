// Relevance on the real content: the queries from issue 10, against the index ingest would write.
import assert from "node:assert/strict";
import { before, describe, it } from "node:test";
import { loadContent } from "../../lib/content/load";
import type { ContentBundle } from "../../lib/content/types";
import { buildSearchIndex, SearchIndex, searchDocs, type SearchDoc } from "../../lib/search/index";
import { contentDirs } from "../../lib/paths";

let index: SearchIndex;
let docs: SearchDoc[];
let bundle: ContentBundle;

before(() => {
  const loaded = loadContent(contentDirs());
  bundle = loaded.bundle;
  docs = searchDocs(bundle, loaded.sectionTexts);
  index = SearchIndex.fromJSON(buildSearchIndex(docs));
});

const ids = (q: string, n = 5) => index.search(q, { limit: n }).map((h) => h.id);

describe("search relevance on the real content", () => {
  it("finds Kafka through a swapped-letter typo", () => {
    assert.equal(ids("kafak")[0], "ch:kafka");
    assert.equal(ids("Kafak consumer")[0], ids("kafka consumer")[0]);
  });

  it("ignores stop words such as vs", () => {
    assert.ok(ids("parquet vs avro", 3).includes("q:parquet-vs-avro-difference"), ids("parquet vs avro", 3).join());
    assert.deepEqual(ids("parquet vs avro"), ids("parquet avro"));
  });

  it("ranks the Kafka chapter first for a question in words", () => {
    assert.equal(ids("what is kafka")[0], "ch:kafka");
  });

  it("ranks each chapter above its own sections when its title is searched", () => {
    for (const c of bundle.chapters) {
      const hits = index.search(c.title, { kind: "chapter", limit: 100 }).map((h) => h.id);
      const own = hits.indexOf(`ch:${c.id}`);
      assert.ok(own >= 0, `${c.title} does not find its chapter`);
      const firstSection = hits.findIndex((id) => id.startsWith(`c:${c.id}#`));
      assert.ok(firstSection < 0 || own < firstSection, `${c.title}: a section ranks above the chapter (${hits.slice(0, 3).join()})`);
    }
  });

  it("keeps markup out of indexed text: no entities, no glossary tooltips", () => {
    const withEntity = docs.filter((d) => /&(#x?[0-9a-f]+|[a-z]+);/i.test(d.text));
    assert.deepEqual(withEntity.map((d) => d.id), []);
    const lt = bundle.questions.filter((q) => q.answerHtml.includes("&#x3C;"));
    assert.ok(lt.length > 0, "the content has answers with an encoded <");
    const doc = docs.find((d) => d.id === `q:${lt[0].id}`)!;
    assert.ok(doc.text.includes("<"));
    const tipped = bundle.questions.find((q) => q.answerHtml.includes('class="term-tip"'))!;
    const tip = tipped.answerHtml.match(/class="term-tip">([^<]{20,})</)![1];
    assert.ok(!docs.find((d) => d.id === `q:${tipped.id}`)!.text.includes(tip), "a glossary definition was indexed as answer text");
  });

  it("pages through more than 50 results", () => {
    const first = index.page("data", { limit: 50 });
    assert.ok(first.total > 100, `only ${first.total} results for "data"`);
    const second = index.page("data", { limit: 50, offset: 50 });
    assert.equal(second.hits.length, 50);
    assert.equal(new Set([...first.hits, ...second.hits].map((h) => h.id)).size, 100);
  });
});
