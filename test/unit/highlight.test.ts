import assert from "node:assert/strict";
import { test } from "node:test";
import { contrast, readable } from "../../lib/content/highlight";
import { renderMarkdown } from "../../lib/content/markdown";

const hex = (h: string) => [1, 3, 5].map((i) => parseInt(h.slice(i, i + 2), 16));

test("code is highlighted at ingest into a focusable, labelled block with a copy button", () => {
  const { html } = renderMarkdown("```python\n# note\ndef f(x):\n    return {'a': x}\n```\n");
  assert.match(html, /<div class="code-block"><pre class="shiki[^"]*" tabindex="0" role="group" aria-label="Python code">/);
  assert.match(html, /<code class="language-python">/);
  assert.match(html, /<button type="button" class="copy-code" hidden>Copy<\/button><\/div>/);
  assert.equal(html.match(/tabindex/g)?.length, 1);
  // The text is untouched under the colour spans.
  assert.equal(html.replace(/<[^>]+>/g, "").replace(/&#x27;/g, "'").replace(/Copy$/, ""), "# note\ndef f(x):\n    return {'a': x}");
});

test("every token colour reaches 4.5:1 on the code background in both themes", () => {
  const { html } = renderMarkdown("```sql\n-- comment\nSELECT a, 'x' AS b FROM t WHERE n > 3;\n```\n\n```python\ndef f(self, x=1):\n    return x\n```\n");
  const light = [...html.matchAll(/--shiki-light:(#[0-9a-f]{6})/gi)].map((m) => m[1]);
  const dark = [...html.matchAll(/--shiki-dark:(#[0-9a-f]{6})/gi)].map((m) => m[1]);
  assert.ok(light.length > 5 && dark.length === light.length);
  for (const c of light) assert.ok(contrast(hex(c), hex("#f2f4f7")) >= 4.5, c);
  for (const c of dark) assert.ok(contrast(hex(c), hex("#1e2632")) >= 4.5, c);
  // github-light's orange is 3.6:1 as shipped; the fixer darkens it.
  assert.ok(contrast(hex(readable("#e36209", "#f2f4f7", 0)), hex("#f2f4f7")) >= 4.5);
});

test("unknown languages stay plain, flow blocks are left for the diagram pass, tables scroll in a focusable box", () => {
  const { html } = renderMarkdown("```text\nplain <b>\n```\n\n```flow\nA -> B\n```\n\n| a | b |\n| - | - |\n| 1 | 2 |\n");
  assert.match(html, /aria-label="Text code"><code class="language-text"><span class="line"><span>plain &#x3C;b><\/span>/);
  assert.match(html, /<pre><code class="language-flow">A -> B/);
  assert.match(html, /<div class="table-scroll" tabindex="0" role="group" aria-label="Table"><table>/);
});
