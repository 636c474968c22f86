import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { SqlEngine, SqlEngineError } from "../../lib/engine/pglite-node";

// The exercise check runs one engine per core; the first of a process runs initdb and the others start
// from its empty cluster (lib/engine/pglite-node.ts). They must still be separate databases, and an
// engine replaced after a runaway statement must start empty again.
describe("SQL engines of one process", { timeout: 180_000 }, () => {
  it("are separate databases, and a runaway statement is stopped and the next runs on an empty one", async () => {
    const a = new SqlEngine(60_000);
    const b = new SqlEngine(60_000);
    try {
      await Promise.all([a.start(), b.start()]);
      await a.exec("CREATE TABLE t AS SELECT 1 AS x");
      assert.deepEqual((await a.query("SELECT x FROM t")).rows, [{ x: 1 }]);
      await assert.rejects(b.query("SELECT x FROM t"), /does not exist/);
      await b.exec("CREATE TABLE t AS SELECT 2 AS x");
      assert.deepEqual((await a.query("SELECT x FROM t")).rows, [{ x: 1 }], "b's table is not a's");

      await assert.rejects(a.exec("SELECT count(*) FROM generate_series(1, 1000000000000)", 1_000), (e: unknown) => e instanceof SqlEngineError && e.kind === "timeout");
      // The replacement starts from the shared empty cluster, not from a's state.
      await assert.rejects(a.query("SELECT x FROM t"), /does not exist/);
      assert.deepEqual((await a.query("SELECT 40 + 2 AS y")).rows, [{ y: 42 }]);
      assert.deepEqual((await b.query("SELECT x FROM t")).rows, [{ x: 2 }], "b kept its table");
    } finally {
      await Promise.all([a.close(), b.close()]);
    }
  });
});
