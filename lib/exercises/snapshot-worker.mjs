// Builds dataset snapshots in a worker thread, so that ingest can go on checking exercises on the
// main thread's other engines meanwhile (PGlite blocks the thread it runs on). See snapshots.ts.
import fs from "node:fs";
import path from "node:path";
import { promisify } from "node:util";
import { parentPort, workerData } from "node:worker_threads";
import zlib from "node:zlib";
import { PGlite } from "@electric-sql/pglite";

// initdb once, when the first worker starts (the parent starts it early); every dataset then starts
// from a copy of the empty cluster. Uncompressed: loading it skips a gunzip of 40 MB per dataset
// (~0.25 s). The first worker hands the cluster to the parent, and a second worker starts from it
// instead of running initdb (~4 s) again.
const gzip = promisify(zlib.gzip);
let base;
if (workerData?.base) {
  base = new Blob([workerData.base]);
  parentPort.postMessage({ ready: true });
} else {
  const empty = await PGlite.create();
  base = await empty.dumpDataDir("none");
  await empty.close();
  const bytes = new Uint8Array(await base.arrayBuffer());
  parentPort.postMessage({ ready: true, base: bytes }, [bytes.buffer]);
}

parentPort.on("message", async ({ dir, items }) => {
  const built = [];
  const failed = [];
  for (const { name, setupSql } of items) {
    let pg;
    try {
      pg = await PGlite.create({ loadDataDir: base });
      await pg.exec(setupSql);
      // VACUUM FREEZE leaves no work for autovacuum in the browser and compacts the heap files.
      await pg.exec("VACUUM FREEZE ANALYZE");
      // Node's zlib at PGlite's own level (6, the same bytes) on libuv's thread pool: ~0.15 s less per
      // dataset than dumpDataDir("gzip"), and off this thread.
      const raw = new Uint8Array(await (await pg.dumpDataDir("none")).arrayBuffer());
      const tmp = path.join(dir, `${name}.${process.pid}.tmp`);
      fs.writeFileSync(tmp, await gzip(raw, { level: 6 }));
      fs.renameSync(tmp, path.join(dir, name));
      built.push(name);
    } catch (err) {
      // The exercise check loads the same SQL and reports the problem with its file and line.
      failed.push({ name, error: err?.message ?? String(err) });
    } finally {
      await pg?.close();
    }
  }
  parentPort.postMessage({ built, failed });
});
