import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { SqlEngine } from "../../lib/engine/pglite-node";

// Its own file, so its own process: the first engine here is the one that would share its empty
// cluster (lib/engine/pglite-node.ts), and it is closed before it can.
describe("an SQL engine waiting for the first one's cluster", { timeout: 180_000 }, () => {
  it("still starts when the first is closed before it shared anything", async () => {
    const first = new SqlEngine(60_000);
    const second = new SqlEngine(60_000);
    const firstReady = first.start();
    const secondReady = second.start();
    await first.close();
    await assert.rejects(firstReady);
    await secondReady;
    assert.deepEqual((await second.query("SELECT 40 + 2 AS y")).rows, [{ y: 42 }]);
    await second.close();
  });
});
