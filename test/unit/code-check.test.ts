import assert from "node:assert/strict";
import { after, test } from "node:test";
import { extractBlocks } from "../../lib/content/code/blocks";
import { checkData } from "../../lib/content/code/data";
import { checkPython } from "../../lib/content/code/python";
import { checkShell, stripPrompts } from "../../lib/content/code/shell";
import { SqlChecker, renderJinja } from "../../lib/content/code/sql";
import { renderMarkdown } from "../../lib/content/markdown";

const doc = (body: string) => `---\nid: x\n---\n${body}`;
const blocks = (body: string) => extractBlocks("content/questions/t/x.md", doc(body));

const sql = new SqlChecker();
after(() => sql.close());

test("sql: self-contained blocks run, blocks reading unknown tables are parsed, errors point at the statement line", async () => {
  const [run, parsed, broken, failing] = blocks(
    "```sql\nCREATE TABLE t (a int);\nINSERT INTO t VALUES (1);\nSELECT a FROM t;\n```\n\n```sql\nSELECT * FROM orders;\n```\n\n```sql\nSELECT 1;\nSELEC 2;\n```\n\n```sql\nCREATE TABLE t (a int);\nSELECT b FROM t;\n```\n",
  );
  assert.equal((await sql.check(run, new Map())).status, "executed");
  assert.equal((await sql.check(parsed, new Map())).status, "parsed");
  const b = await sql.check(broken, new Map());
  assert.equal(b.status, "failed");
  assert.equal(b.status === "failed" && b.line, broken.codeLine + 1);
  const f = await sql.check(failing, new Map());
  assert.ok(f.status === "failed" && /column "b" does not exist/.test(f.message), JSON.stringify(f));
  assert.equal(f.status === "failed" && f.line, failing.codeLine + 1);
});

test("sql: setup= runs the named block first; each block gets a fresh schema", async () => {
  const [setup, use, isolated] = blocks(
    "```sql name=orders\nCREATE TABLE orders (id int, amount numeric);\nINSERT INTO orders VALUES (1, 10);\n```\n\n```sql setup=orders\nSELECT sum(amount) FROM orders;\n```\n\n```sql\nCREATE TABLE orders (x int);\nSELECT x FROM orders;\n```\n",
  );
  const named = new Map([["orders", setup]]);
  assert.equal((await sql.check(setup, new Map())).status, "executed");
  assert.equal((await sql.check(use, named)).status, "executed");
  // `orders` from the runs above must not leak: creating it again must succeed.
  assert.equal((await sql.check(isolated, named)).status, "executed");
  const missing = await sql.check({ ...use, meta: { setup: "nope" } }, named);
  assert.ok(missing.status === "failed" && /names no earlier block/.test(missing.message));
});

test("sql: expect-error, dialects and dbt Jinja", async () => {
  const [fk] = blocks('```sql expect-error="violates foreign key"\nCREATE TABLE c (id int PRIMARY KEY);\nCREATE TABLE o (c int REFERENCES c);\nINSERT INTO o VALUES (7);\n```\n');
  assert.equal((await sql.check(fk, new Map())).status, "executed");
  const [snow, snowBad] = blocks("```sql dialect=snowflake\nSELECT a FROM t QUALIFY row_number() OVER (PARTITION BY a ORDER BY b) = 1;\n```\n\n```sql dialect=snowflake\nSELEC a FROM t;\n```\n");
  assert.equal((await sql.check(snow, new Map())).status, "parsed");
  assert.equal((await sql.check(snowBad, new Map())).status, "failed");
  const [unknown] = blocks("```sql dialect=cobol\nSELECT 1;\n```\n");
  assert.equal((await sql.check(unknown, new Map())).status, "failed");
  assert.equal(renderJinja("select * from {{ ref('stg_orders') }} {% if is_incremental() %}where x > 1{% endif %}"), "select * from stg_orders where x > 1");
  const [dbt] = blocks("```sql\n{{ config(materialized='table') }}\nselect id from {{ source('shop', 'orders') }}\n```\n");
  assert.equal((await sql.check(dbt, new Map())).status, "parsed");
});

test("python: every block is compiled; `run` blocks execute with their failures reported", async () => {
  const bs = blocks("```python\nx = [1, 2\n```\n\n```python run\nprint(sum([1, 2]))\n```\n\n```python run\nraise SystemExit(3)\n```\n\n```python\n>>> 1 + 1\n2\n```\n");
  const out = await checkPython(bs);
  assert.deepEqual(out.map((o) => o.status), ["failed", "executed", "failed", "parsed"]);
  assert.ok(out[2].status === "failed" && /exited 3/.test(out[2].message));
});

test("shell: bash -n and shellcheck failures; prompts stripped", async () => {
  const bs = blocks("```bash\nif true; then echo\n```\n\n```bash\nfor f in $(ls *.csv); do gzip \"$f\"; done\n```\n\n```bash\nset -euo pipefail\necho \"ok\"\n```\n");
  const { outcomes, shellcheck } = await checkShell(bs);
  assert.equal(outcomes[0].status, "failed");
  if (shellcheck) assert.ok(outcomes[1].status === "failed" && /SC2045|SC2012/.test(outcomes[1].message), JSON.stringify(outcomes[1]));
  assert.equal(outcomes[2].status, "parsed");
  assert.equal(stripPrompts("$ ls \\\n  -l\nfile.txt\n$ pwd"), "ls \\\n  -l\n\npwd");
});

test("data blocks must parse", () => {
  const [y, j, t, p] = blocks("```yaml\na: [1, 2\n```\n\n```json\n{\"a\": 1,}\n```\n\n```toml\n[x]\na = 1\n```\n\n```properties\nbootstrap.servers=localhost:9092\n# comment\nacks all\n```\n");
  assert.equal(checkData(y).status, "failed");
  assert.equal(checkData(j).status, "failed");
  assert.equal(checkData(t).status, "parsed");
  assert.equal(checkData(p).status, "parsed");
});

test("fence options never reach the rendered page", () => {
  const html = renderMarkdown('```sql norun="needs a Kafka source" setup=orders\nSELECT 1;\n```').html;
  assert.doesNotMatch(html, /norun|Kafka source|setup/);
  assert.match(html, /class="language-sql"/);
});

test("python: self-contained stdlib blocks are flagged as `run` candidates, others are not", async () => {
  const bs = blocks(
    "```python\nimport json\nprint(json.dumps({'a': 1}))\n```\n\n```python\nimport pandas as pd\ndf = pd.DataFrame()\n```\n\n```python\nprint(spark.range(3))\n```\n\n```python\ndef f(x):\n    return helper(x)\n```\n\n```python\nx = compute(...)\n```\n",
  );
  const notes = (await checkPython(bs)).map((o) => (o.status === "parsed" ? (o.note ?? "") : o.status));
  assert.deepEqual(notes.map((n) => n.startsWith("self-contained")), [true, false, false, false, false]);
});

test("checkCode with a cache: unchanged files keep their verdicts, an edited or failing file is checked again", async () => {
  const fs = await import("node:fs");
  const os = await import("node:os");
  const path = await import("node:path");
  const { checkCode } = await import("../../lib/content/code/index");
  const { RenderCache } = await import("../../lib/content/render-cache");
  const root = fs.mkdtempSync(path.join(os.tmpdir(), "code-cache-"));
  const cacheDir = path.join(root, "generated");
  const q = (name: string, body: string) => {
    fs.mkdirSync(path.join(root, "questions", "t"), { recursive: true });
    fs.writeFileSync(path.join(root, "questions", "t", `${name}.md`), doc(body));
  };
  q("good", "```sql\nCREATE TABLE t (a int);\nSELECT a FROM t;\n```\n");
  q("bad", "```sql\nSELEC 1;\n```\n");
  const run = async () => {
    const cache = RenderCache.open(cacheDir, "code", "test-salt");
    const r = await checkCode([root], root, new SqlChecker(), cache);
    cache.save();
    return { r, cache, status: Object.fromEntries(r.blocks.map((b) => [path.basename(b.block.file), b.outcome.status])) };
  };
  const first = await run();
  assert.deepEqual(first.status, { "good.md": "executed", "bad.md": "failed" });
  assert.equal(first.cache.hits, 0);
  const second = await run();
  assert.deepEqual(second.status, first.status, "the same verdicts, cached or not");
  assert.equal(second.cache.hits, 1, "the passing file came from the cache");
  assert.deepEqual(second.cache.freshByKind, { code: 1 }, "the failing file was checked again (and is still not kept)");
  q("good", "```sql\nCREATE TABLE t (a int);\nSELECT b FROM t;\n```\n");
  const third = await run();
  assert.equal(third.status["good.md"], "failed", "an edit is checked, not served from the cache");
  assert.equal(third.cache.hits, 0);
  fs.rmSync(root, { recursive: true, force: true });
});
