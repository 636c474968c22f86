import assert from "node:assert/strict";
import fs from "node:fs";
import { test } from "node:test";
import type { Code, Root } from "mdast";
import remarkGfm from "remark-gfm";
import remarkParse from "remark-parse";
import { unified } from "unified";
import { visit } from "unist-util-visit";
import { contentFiles, extractBlocks, parseMeta } from "../../lib/content/code/blocks";
import { parseFrontmatter } from "../../lib/content/frontmatter";

test("the fence scanner finds the same blocks as remark in every content file", () => {
  const parser = unified().use(remarkParse).use(remarkGfm);
  let compared = 0;
  for (const file of contentFiles("content")) {
    const source = fs.readFileSync(file, "utf8");
    const split = parseFrontmatter(file, source);
    assert.ok(split.ok);
    const expected: { line: number; lang: string; code: string }[] = [];
    visit(parser.parse(split.value.body) as Root, "code", (n: Code) => {
      expected.push({ line: (n.position?.start.line ?? 0) + split.value.bodyLine - 1, lang: (n.lang ?? "").toLowerCase(), code: n.value });
    });
    const got = extractBlocks(file, source).map(({ line, lang, code }) => ({ line, lang, code }));
    assert.deepEqual(got, expected, file);
    compared += got.length;
  }
  assert.ok(compared > 100, `only ${compared} blocks compared`);
});

test("fence options: quoted reasons, flags, and the errors authors get", () => {
  assert.deepEqual(parseMeta('norun="needs a Kafka source" dialect=snowflake'), { meta: { norun: "needs a Kafka source", dialect: "snowflake" }, errors: [] });
  assert.deepEqual(parseMeta("run").meta, { run: true });
  assert.match(parseMeta("norun").errors.join(), /needs a reason/);
  assert.match(parseMeta('norun=""').errors.join(), /needs a reason/);
  assert.match(parseMeta("dialekt=spark").errors.join(), /unknown fence option `dialekt`/);
  assert.match(parseMeta("setup").errors.join(), /`setup` needs a value/);
});
