import assert from "node:assert/strict";
import { after, test } from "node:test";
import { extractBlocks } from "../../lib/content/code/blocks";
import { SqlChecker } from "../../lib/content/code/sql";
import { SQL_DIALECTS, renderPsycopg } from "../../lib/content/code/sql-dialects";
import { parseDialect } from "../../lib/content/code/sql-grammars";
import { formatIssue } from "../../lib/content/issues";

const FILE = "content/questions/t/x.md";
// The frontmatter takes lines 1-3, so the first fence is on line 4 and its first code line on 5.
const blocks = (body: string) => extractBlocks(FILE, `---\nid: x\n---\n${body}`);

const sql = new SqlChecker();
after(() => sql.close());

// Warehouse DDL that node-sql-parser rejected, so these blocks were norun before dt-sql-parser and
// websql-autocomplete's grammars; a typo on the second line of each must fail on that line.
const CASES: [dialect: string, good: string, broken: string][] = [
  ["hive", "CREATE EXTERNAL TABLE logs (msg STRING)\nPARTITIONED BY (dt STRING)\nSTORED AS ORC;", "CREATE EXTERNAL TABLE logs (msg STRING)\nPARTITIONED BY (dt STRING) STORED ORC;"],
  ["spark", "CREATE TABLE events (id BIGINT, ts TIMESTAMP)\nUSING iceberg PARTITIONED BY (days(ts));", "CREATE TABLE events (id BIGINT, ts TIMESTAMP)\nUSING iceberg PARTITIONED (days(ts));"],
  ["flink", "CREATE TABLE clicks (user_id STRING, ts TIMESTAMP(3),\n  WATERMARK FOR ts AS ts - INTERVAL '5' SECOND) WITH ('connector' = 'kafka');", "CREATE TABLE clicks (user_id STRING, ts TIMESTAMP(3),\n  WATERMARK ts AS ts - INTERVAL '5' SECOND) WITH ('connector' = 'kafka');"],
  ["athena", "CREATE TABLE sales_parquet\nWITH (format = 'PARQUET', partitioned_by = ARRAY['dt']) AS SELECT * FROM sales_csv;", "CREATE TABLE sales_parquet\nWITH (format = 'PARQUET', partitioned_by = ARRAY['dt'] AS SELECT * FROM sales_csv;"],
  ["snowflake", "ALTER WAREHOUSE bi_wh SET\n  WAREHOUSE_SIZE = 'MEDIUM' AUTO_SUSPEND = 60 AUTO_RESUME = TRUE;", "ALTER WAREHOUSE bi_wh SET\n  WAREHOUSE_SIZE = 'MEDIUM' AUTO_SUSPND = 60 AUTO_RESUME = TRUE;"],
  ["redshift", "CREATE TABLE fact_sales (sale_date DATE, customer_id BIGINT)\nDISTSTYLE KEY DISTKEY (customer_id) COMPOUND SORTKEY (sale_date);", "CREATE TABLE fact_sales (sale_date DATE, customer_id BIGINT)\nDISTSTYLE KEY DISTKEY (customer_id) COMPOUND SORTKEY sale_date;"],
  ["clickhouse", "CREATE TABLE hits (site_id UInt32, ts DateTime)\nENGINE = MergeTree ORDER BY (site_id, ts);", "CREATE TABLE hits (site_id UInt32, ts DateTime)\nENGIN = MergeTree ORDER BY (site_id, ts);"],
];

for (const [dialect, good, broken] of CASES) {
  test(`sql dialect=${dialect}: warehouse DDL parses; a broken statement fails at its file:line`, async () => {
    const [ok, bad] = blocks(`\`\`\`sql dialect=${dialect}\n${good}\n\`\`\`\n\n\`\`\`sql dialect=${dialect}\n${broken}\n\`\`\`\n`);
    const okOutcome = await sql.check(ok, new Map());
    assert.equal(okOutcome.status, "parsed", JSON.stringify(okOutcome));
    const badOutcome = await sql.check(bad, new Map());
    assert.equal(badOutcome.status, "failed");
    if (badOutcome.status !== "failed") return;
    // File lines: fence 4, the good code, its closing fence, a blank line, then the broken block's fence.
    const typoLine = 4 + good.split("\n").length + 3 + 2;
    assert.equal(bad.codeLine + 1, typoLine);
    assert.equal(formatIssue({ file: bad.file, line: badOutcome.line, message: badOutcome.message }).split(": ")[0], `${FILE}:${typoLine}`);
    assert.match(badOutcome.message, new RegExp(`^${dialect} parser`));
  });
}

test("psycopg %(name)s placeholders parse as numbered parameters; the same name reuses its number", async () => {
  assert.equal(renderPsycopg("SELECT %(a)s, %(b)s, %(a)s"), "SELECT $1, $2, $1");
  assert.equal(renderPsycopg("SELECT 1"), null);
  assert.equal(renderPsycopg("-- from Python pass %(id)s\nSELECT 1"), null);
  const [good, bad] = blocks("```sql\nINSERT INTO t (a) VALUES (%(a)s)\nON CONFLICT (a) DO NOTHING;\n```\n\n```sql\nINSERT INTO t (a) VALUES (%(a)s)\nON CONFLICT (a) DO NOTHIN;\n```\n");
  assert.equal((await sql.check(good, new Map())).status, "parsed");
  const outcome = await sql.check(bad, new Map());
  assert.ok(outcome.status === "failed" && outcome.line === bad.codeLine + 1, JSON.stringify(outcome));
});

test("dialect=citus is parsed by PostgreSQL's parser and never executed", async () => {
  const [citus] = blocks("```sql dialect=citus\nSELECT create_distributed_table('orders', 'customer_id');\n```\n");
  const outcome = await sql.check(citus, new Map());
  assert.ok(outcome.status === "parsed" && /Citus/.test(outcome.note ?? ""), JSON.stringify(outcome));
});

test("snowflake: CLONE, time travel, resource monitors and policies parse; wrong values and keys fail on their line", () => {
  const parse = (code: string) => parseDialect(code, SQL_DIALECTS.snowflake);
  assert.deepEqual(parse("CREATE TABLE orders_before CLONE orders\n  AT (TIMESTAMP => '2026-11-22 01:00:00'::TIMESTAMP_LTZ);\nUNDROP TABLE orders;"), { ok: true });
  assert.deepEqual(parse("SELECT * FROM orders BEFORE (STATEMENT => '01b2c3d4');\nSELECT o.id FROM orders o AT (OFFSET => -60*30) WHERE o.id > 1;"), { ok: true });
  assert.deepEqual(parse("CREATE RESOURCE MONITOR m WITH CREDIT_QUOTA = 400 FREQUENCY = MONTHLY\n  TRIGGERS ON 90 PERCENT DO NOTIFY ON 100 PERCENT DO SUSPEND;"), { ok: true });
  assert.deepEqual(parse("ALTER TABLE events CLUSTER BY (to_date(event_ts), tenant_id);"), { ok: true });
  const cases: [string, number, RegExp][] = [
    ["CREATE WAREHOUSE w\n  WAREHOUSE_SIZE = 'HUGE';", 1, /WAREHOUSE_SIZE to be one of/],
    ["SELECT 1;\nSELECT * FROM orders AT (OFFSETT => -60);", 1, /time-travel point/],
    ["CREATE RESOURCE MONITOR m WITH CREDIT_QUOTA = 400\n  TRIGGERS ON 90 PERCENT DO ALERT;", 1, /trigger action/],
    ["ALTER TABLE events CLUSTER BY (to_date(event_ts),\n  tenant_id tenant_id tenant_id);", 1, /Expected/],
    ["CREATE WAREHOUSE w WAREHOUSE_SIZE = SMALL;\nSELEC 1;", 1, /Expected/],
  ];
  for (const [code, line, message] of cases) {
    const r = parse(code);
    assert.ok(!r.ok && r.line === line && message.test(r.message), `${code}: ${JSON.stringify(r)}`);
  }
});

test("redshift: distribution rules, external schemas and datashares are checked", () => {
  const parse = (code: string) => parseDialect(code, SQL_DIALECTS.redshift);
  assert.deepEqual(parse("CREATE EXTERNAL SCHEMA lake FROM DATA CATALOG DATABASE 'clicks'\nIAM_ROLE 'arn:aws:iam::1:role/r';"), { ok: true });
  assert.deepEqual(parse("CREATE DATASHARE s;\nALTER DATASHARE s ADD ALL TABLES IN SCHEMA sales;\nGRANT USAGE ON DATASHARE s TO NAMESPACE 'abc';"), { ok: true });
  const cases: [string, number, RegExp][] = [
    ["CREATE TABLE t (a INT)\nDISTSTYLE ALL DISTKEY (a);", 1, /DISTKEY needs DISTSTYLE KEY/],
    ["CREATE TABLE t (a INT)\nDISTSTYLE KYE;", 1, /distribution style/],
    ["CREATE EXTERNAL SCHEMA lake FROM DATA CATALOG\nDATABASE 'clicks';", 1, /needs IAM_ROLE/],
    ["CREATE DATASHARE s;\nALTER DATASHARE s ADD VIEW v;", 1, /SCHEMA, TABLE/],
    ["CREATE TABLE t (a INT,\n  b INT INT) DISTSTYLE EVEN;", 1, /Expected/],
  ];
  for (const [code, line, message] of cases) {
    const r = parse(code);
    assert.ok(!r.ok && r.line === line && message.test(r.message), `${code}: ${JSON.stringify(r)}`);
  }
});
