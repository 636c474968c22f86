import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { glossaryMarker } from "../../lib/content/glossary";
import { loadContent } from "../../lib/content/load";
import { renderMarkdown } from "../../lib/content/markdown";
import { FIXTURE_CONTENT } from "../helpers";

const mark = glossaryMarker([
  { id: "idempotency", term: "Idempotency", aliases: ["idempotent"], definition: "Same effect once or twice." },
  { id: "consumer-group", term: "Consumer group", aliases: [], definition: "Consumers sharing partitions <b>." },
]);

describe("glossary terms at ingest", () => {
  it("marks only the first mention of each term, with an accessible tooltip", () => {
    const html = renderMarkdown("An idempotent write. Idempotency again. A consumer group reads.", 0, [mark("doc")]).html;
    assert.equal((html.match(/class="term"/g) ?? []).length, 2);
    assert.match(html, /<a href="\/glossary#idempotency" class="term" aria-describedby="term-doc-1">idempotent<span id="term-doc-1" role="tooltip" class="term-tip">Idempotency: Same effect once or twice\.<\/span><\/a>/);
    assert.match(html, /Consumers sharing partitions &#x3C;b>\./, "definitions are escaped text");
  });

  it("leaves code, links, headings and partial words alone", () => {
    const html = renderMarkdown("## Idempotency\n\n`idempotent` and [idempotent](https://x.y) and nonidempotent.", 0, [mark("doc")]).html;
    assert.doesNotMatch(html, /class="term"/);
  });

  it("is applied to chapters when content is loaded", () => {
    const chapter = loadContent([FIXTURE_CONTENT]).bundle.chapters.find((c) => c.id === "fixture-sql")!;
    assert.match(chapter.html, /href="\/glossary#idempotency" class="term"/);
  });
});
