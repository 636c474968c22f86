// PostgreSQL only: the adapter's pool keeps statements prepared per connection (lib/db/pg-statements.ts),
// up to a cap, and can be told not to. Every other test on PostgreSQL runs through this pool as well.
import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import type pg from "pg";
import { MAX_PREPARED_PER_CONNECTION, statementPool } from "../../lib/db/pg-statements";
import { migratedDb, testProvider } from "../helpers";

const skip = testProvider !== "postgresql" && "PostgreSQL only (set TEST_DATABASE_URL)";

describe("prepared statements on PostgreSQL", { skip }, () => {
  let url: string;
  before(async () => {
    const m = migratedDb();
    url = m.url;
    await m.db.$disconnect();
  });

  /** One connection, so the prepared statements listed are the ones the queries before made. */
  const onePool = () => statementPool({ connectionString: url, max: 1 });
  const prepared = async (pool: pg.Pool) =>
    (await pool.query<{ statement: string; plans: string }>("SELECT statement, generic_plans + custom_plans AS plans FROM pg_prepared_statements")).rows;
  const pools: pg.Pool[] = [];
  after(() => Promise.all(pools.map((p) => p.end())));

  it("prepares a statement once and runs it again by name, with the right results", async () => {
    const pool = onePool();
    pools.push(pool);
    for (let i = 0; i < 12; i++) {
      const r = await pool.query({ text: `SELECT $1::int * 2 AS "x"`, values: [i] });
      assert.equal(r.rows[0].x, i * 2);
    }
    const rows = await prepared(pool);
    const mine = rows.find((r) => r.statement.includes(`$1::int * 2`));
    assert.ok(mine, "the statement is prepared on the connection");
    assert.equal(Number(mine.plans), 12, "all twelve runs used the one prepared statement");
  });

  it(`keeps at most ${MAX_PREPARED_PER_CONNECTION} per connection and runs the rest unnamed`, async () => {
    const pool = onePool();
    pools.push(pool);
    const extra = 5;
    for (let i = 0; i < MAX_PREPARED_PER_CONNECTION + extra; i++) {
      const r = await pool.query({ text: `SELECT $1::int + ${i} AS "x"`, values: [1] });
      assert.equal(r.rows[0].x, 1 + i);
    }
    // The listing query itself is one more text, over the cap by then: it runs unnamed.
    assert.equal((await prepared(pool)).length, MAX_PREPARED_PER_CONNECTION);
  });

  it("plans a prepared statement once, generically, instead of on every run", async () => {
    const pool = onePool();
    pools.push(pool);
    // A range over a date, as the queue reads: with plan_cache_mode auto PostgreSQL kept custom plans.
    for (let i = 0; i < 8; i++) await pool.query({ text: `SELECT count(*) AS "n" FROM "Card" WHERE "learnerId" = $1 AND "due" <= $2`, values: [`l${i}`, new Date()] });
    const stats = (await pool.query<{ g: string; c: string }>(`SELECT generic_plans AS g, custom_plans AS c FROM pg_prepared_statements WHERE statement LIKE '%"due" <= $2%'`)).rows;
    assert.deepEqual(stats.map((r) => [Number(r.g), Number(r.c)]), [[8, 0]]);
  });

  it("prepares nothing with PG_PREPARED_STATEMENTS=off (for a transaction-mode pooler)", async () => {
    process.env.PG_PREPARED_STATEMENTS = "off";
    try {
      const pool = onePool();
      pools.push(pool);
      for (let i = 0; i < 3; i++) await pool.query({ text: `SELECT $1::int AS "x"`, values: [i] });
      assert.deepEqual(await prepared(pool), []);
      assert.equal((await pool.query("SHOW plan_cache_mode")).rows[0].plan_cache_mode, "auto", "and leaves the server's planning alone");
    } finally {
      delete process.env.PG_PREPARED_STATEMENTS;
    }
  });
});
