// Builds dataset snapshots in a worker thread, so that ingest can go on checking exercises on the
// main thread's other engines meanwhile (PGlite blocks the thread it runs on). See snapshots.ts.
import fs from "node:fs";
import path from "node:path";
import { promisify } from "node:util";
import { parentPort, workerData } from "node:worker_threads";
import zlib from "node:zlib";
import { PGlite } from "@electric-sql/pglite";

// initdb once, when the first worker starts (the parent starts it early); every dataset then starts
// from a copy of the empty cluster, kept uncompressed so that loading it skips a gunzip per dataset.
// The first worker hands the cluster to the parent, and a second worker starts from it
// instead of running initdb (~4 s) again.
const gzip = promisify(zlib.gzip);
let base;
if (workerData?.base) {
  base = new Blob([workerData.base]);
  parentPort.postMessage({ ready: true });
} else {
  // What a learner's browser downloads per dataset, and what every build here loads, dumps and gzips:
  // initdb's cluster held 16 MB of WAL (one segment) and the two template databases (~2 MB of the
  // ~5 MB gzipped), which PGlite does not need to start and an exercise never uses (no CREATE
  // DATABASE). 1 MB segments and a small WAL floor, without the templates: ~2.3 MB gzipped.
  const empty = await PGlite.create({ initDbStartParams: ["--wal-segsize=1"] });
  await empty.exec(`
    ALTER DATABASE template0 IS_TEMPLATE false;
    ALTER DATABASE template1 IS_TEMPLATE false;`);
  await empty.exec("DROP DATABASE template0");
  await empty.exec("DROP DATABASE template1");
  await empty.exec("ALTER SYSTEM SET min_wal_size = '2MB'");
  await empty.exec("ALTER SYSTEM SET max_wal_size = '4MB'");
  await empty.exec("CHECKPOINT");
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
      // So that the WAL written by the load is recycled down to the floor before the dump.
      await pg.exec("CHECKPOINT");
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
