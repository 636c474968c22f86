// SQLite's adapter runs every query of the app on one connection. A write outside a transaction, made
// while another request's transaction is open, must not become part of it: if that transaction rolls
// back (a replayed review id and a changed card roll back by design), the write must still be there,
// and a read must never see rows that were not committed. PostgreSQL gives each transaction its own
// pooled connection; the same test holds there.
import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import type { Db } from "../../lib/db/client";
import { saveSettings } from "../../lib/quiz/settings";
import { migratedDb } from "../helpers";

let db: Db;
before(async () => {
  db = migratedDb().db;
  await db.learner.createMany({ data: [{ id: "tx-owner" }, { id: "bystander" }] });
});
after(() => db.$disconnect());

const newPerDay = async (id: string) => (await db.learner.findUniqueOrThrow({ where: { id }, select: { newPerDay: true } })).newPerDay;
const tick = () => new Promise((r) => setTimeout(r, 30));

describe("queries beside an open transaction", () => {
  it("a settings save made while another transaction is open survives that transaction's rollback", async () => {
    const before = await newPerDay("tx-owner");
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const rolledBack = db
      .$transaction(async (tx) => {
        await tx.learner.update({ where: { id: "tx-owner" }, data: { newPerDay: before + 1 } });
        await gate;
        throw new Error("roll back");
      })
      .then(
        () => assert.fail("the transaction should have rolled back"),
        (err: Error) => assert.equal(err.message, "roll back"),
      );
    await tick();
    // Another request: a plain write and a plain read, while the transaction above is open.
    const saved = saveSettings(db, "bystander", { newPerDay: 42 });
    const seen = newPerDay("tx-owner");
    await tick();
    release();
    await rolledBack;
    assert.equal((await saved).newPerDay, 42);
    assert.equal(await newPerDay("bystander"), 42, "the save was reported done, so it must be stored");
    assert.equal(await seen, before, "a read outside the transaction saw a row that was never committed");
    assert.equal(await newPerDay("tx-owner"), before);
  });

  it("a statement kept prepared answers each call with that call's arguments, also after being evicted", async () => {
    await saveSettings(db, "bystander", { newPerDay: 7 });
    for (let i = 0; i < 3; i++) {
      assert.equal(await newPerDay("tx-owner"), 20);
      assert.equal(await newPerDay("bystander"), 7);
    }
    // More distinct statements than the connection keeps, then the first one again.
    for (let n = 0; n < 300; n++) await db.$queryRawUnsafe(`SELECT ${n} AS n`);
    assert.equal(await newPerDay("bystander"), 7);
    const rows = await db.$queryRaw<{ id: string }[]>`SELECT id FROM "Learner" WHERE id IN (${"tx-owner"}, ${"nobody"}) ORDER BY id`;
    assert.deepEqual(rows.map((r) => r.id), ["tx-owner"]);
  });
});
