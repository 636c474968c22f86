// Size budget for the list pages: what the server renders for the largest glossary letter and the
// largest question page must leave room under 100 kB of HTML once Next adds the layout and inlines
// the same data again as its RSC payload. The e2e suite checks the served bytes; this runs without a build.
import assert from "node:assert/strict";
import fs from "node:fs";
import { register } from "node:module";
import path from "node:path";
import { before, describe, it } from "node:test";
import { createElement as h, Fragment } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { BUNDLE_FILE, encodeBundle } from "../../lib/content/index";
import { loadContent } from "../../lib/content/load";
import { contentDirs } from "../../lib/paths";
import { tempDir } from "../helpers";

/**
 * A third of the 100 kB page budget: Next sends the markup as HTML and again, JSON-escaped, in its RSC
 * payload (measured: /glossary/s served 104 kB for 37 kB of markup, 2.8×), and the layout needs the rest.
 */
const MARKUP_BUDGET = 32 * 1024;

// CSS modules are Next's business; here a class name is just its key.
const cssLoader = `export async function load(url, context, next) {
  if (url.endsWith(".module.css")) return { format: "module", shortCircuit: true, source: "export default new Proxy({}, { get: (_, k) => String(k) });" };
  return next(url, context);
}`;
register(`data:text/javascript,${encodeURIComponent(cssLoader)}`);

before(() => {
  const dir = tempDir("generated");
  fs.writeFileSync(path.join(dir, BUNDLE_FILE), encodeBundle(loadContent(contentDirs()).bundle));
  process.env.GENERATED_DIR = dir;
});

describe("list page weight", () => {
  it("keeps every glossary letter page within budget", async () => {
    const { glossaryGroups } = await import("../../lib/content/glossary-groups");
    const { GlossaryLetters, GlossaryTerms } = await import("../../components/glossary-group");
    const groups = glossaryGroups();
    assert.ok(groups.length > 20, `${groups.length} letter groups`);
    for (const g of groups) {
      const html = renderToStaticMarkup(h(Fragment, null, h(GlossaryLetters, { groups, current: g.key }), h(GlossaryTerms, { group: g })));
      assert.ok(html.includes(`id="${g.terms[0].id}"`));
      assert.ok(html.length <= MARKUP_BUDGET, `/glossary/${g.key}: ${(html.length / 1024).toFixed(1)} kB of markup`);
    }
  });

  it("keeps every page of every question filter within budget", async () => {
    const { questionList } = await import("../../lib/question-list");
    const { QuestionListPage } = await import("../../components/question-list");
    const first = await questionList({}, null);
    assert.ok(first.pages > 1 && first.questions.length === 50, "the full list is paged");
    let largest = 0;
    for (const topic of [undefined, ...first.topics.map((t) => t.id)]) {
      const list = await questionList({ topic }, null);
      for (let page = 1; page <= list.pages; page++) {
        const html = renderToStaticMarkup(h(QuestionListPage, { list: await questionList({ topic, page: String(page) }, null) }));
        largest = Math.max(largest, html.length);
        assert.ok(html.length <= MARKUP_BUDGET, `/questions?topic=${topic ?? ""}&page=${page}: ${(html.length / 1024).toFixed(1)} kB of markup`);
      }
    }
    assert.ok(largest > 5 * 1024, "rendered pages are not empty");
  });
});
