import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import { describe, it } from "node:test";
import { loadContent } from "../../lib/content/load";
import { flowDiagrams } from "../../lib/content/diagram";
import { headingAnchors, renderMarkdown } from "../../lib/content/markdown";
import { copyFixtureContent, FIXTURE_CONTENT } from "../helpers";

const MD = "test/fixtures/markdown";
const BAD = "test/fixtures/bad";

describe("markdown pipeline (fixture pairs)", () => {
  for (const name of fs.readdirSync(MD).filter((f) => f.endsWith(".md"))) {
    it(`renders ${name} as its .html pair`, () => {
      const input = fs.readFileSync(path.join(MD, name), "utf8");
      const expected = fs.readFileSync(path.join(MD, name.replace(/\.md$/, ".html")), "utf8");
      assert.equal(renderMarkdown(input, 0, [headingAnchors, flowDiagrams]).html + "\n", expected);
    });
  }

  it("never lets script, event handlers or javascript: URLs through", () => {
    const html = renderMarkdown('<script>x</script><b onclick="y">b</b> [a](javascript:alert(1)) <img src=x onerror=z>').html;
    assert.doesNotMatch(html, /<script|onclick|onerror|javascript:/i);
  });

  it("reports section lines relative to the file", () => {
    const r = renderMarkdown("intro\n\n## A {#a}\n\ntext", 10);
    assert.deepEqual(r.sections.map((s) => [s.anchor, s.line]), [["a", 13]]);
    assert.equal(r.sections[0].text, "text");
  });
});

describe("content validator", () => {
  it("accepts the fixture content with no issues", () => {
    const { issues, bundle } = loadContent([FIXTURE_CONTENT]);
    assert.deepEqual(issues, []);
    assert.equal(bundle.questions.length, 6);
    assert.equal(bundle.chapters[0].id, "fixture-sql", "chapters sort by part then order");
    assert.deepEqual(
      bundle.chapters[0].sections.map((s) => s.anchor),
      ["window-functions", "joins", "anti-joins"],
    );
    assert.doesNotMatch(bundle.chapters[0].html, /<script/);
  });

  for (const name of fs.readdirSync(BAD)) {
    it(`rejects ${name} with file:line and a fix`, () => {
      const expected = JSON.parse(fs.readFileSync(path.join(BAD, name, "expect.json"), "utf8")) as { file: string; line: number; message: string; fix: string };
      const root = copyFixtureContent(path.join(BAD, name, "files"));
      const { issues } = loadContent([root]);
      const hit = issues.find((i) => i.file.endsWith(expected.file) && i.message.includes(expected.message));
      assert.ok(hit, `expected an issue in ${expected.file} containing "${expected.message}", got:\n${issues.map((i) => `${i.file}:${i.line}: ${i.message}`).join("\n")}`);
      assert.equal(hit.line, expected.line, `line of: ${hit.message}`);
      // The message states the problem, then ends with the exact sentence that says how to fix it.
      assert.ok(hit.message.endsWith(` ${expected.fix}`), `message should end with the fix "${expected.fix}": ${hit.message}`);
      assert.ok(hit.message.length > expected.fix.length + 10, "the problem is stated before the fix");
    });
  }

  it("changes a question's hash when its answer changes, not when only its tags change", () => {
    const root = copyFixtureContent();
    const file = path.join(root, "questions/sql/sql-fixture-rank.md");
    const before = loadContent([root]).bundle.questions.find((q) => q.id === "sql-fixture-rank")!.hash;
    fs.writeFileSync(file, fs.readFileSync(file, "utf8").replace("tags: [fixture]", "tags: [fixture, ranking]"));
    assert.equal(loadContent([root]).bundle.questions.find((q) => q.id === "sql-fixture-rank")!.hash, before);
    fs.writeFileSync(file, fs.readFileSync(file, "utf8").replace("RANK leaves gaps", "RANK skips numbers"));
    assert.notEqual(loadContent([root]).bundle.questions.find((q) => q.id === "sql-fixture-rank")!.hash, before);
  });
});
