// Runs PGlite (PostgreSQL compiled to WASM) in a worker thread. PGlite is single-threaded and ignores
// statement_timeout, so the only way to stop a runaway query is to terminate this thread: the parent
// (pglite-node.ts) does that and starts a fresh one.
import { parentPort, workerData } from "node:worker_threads";
import { PGlite } from "@electric-sql/pglite";

// The first engine of a process runs initdb and, asked to share, hands its empty cluster back; the
// others (and a replacement after a timeout) start from that copy: ~1 s instead of initdb's ~4 s of CPU.
const db = workerData?.base ? await PGlite.create({ loadDataDir: new Blob([workerData.base]) }) : await PGlite.create();
const base = workerData?.share ? new Uint8Array(await (await db.dumpDataDir("none")).arrayBuffer()) : undefined;
parentPort.postMessage({ ready: true, base }, base ? [base.buffer] : []);

parentPort.on("message", async ({ id, op, sql, params }) => {
  try {
    if (op === "exec") {
      const results = await db.exec(sql);
      parentPort.postMessage({ id, ok: true, results: results.map(plain) });
    } else {
      const r = await db.query(sql, params ?? []);
      parentPort.postMessage({ id, ok: true, results: [plain(r)] });
    }
  } catch (err) {
    parentPort.postMessage({ id, ok: false, error: err?.message ?? String(err), position: err?.position, code: err?.code });
  }
});

// Dates cross the thread boundary fine, but keep only what callers use.
function plain(r) {
  return { fields: (r.fields ?? []).map((f) => ({ name: f.name, dataTypeID: f.dataTypeID })), rows: r.rows ?? [], affectedRows: r.affectedRows ?? 0 };
}
