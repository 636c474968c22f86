// Practice SQL engine: PGlite (PostgreSQL in WASM) in a module worker. The page sends the engine URL
// (our own origin) and the dataset; every run happens inside BEGIN … ROLLBACK so the dataset stays
// pristine. A runaway statement cannot be interrupted, so the page terminates this worker instead.
let db = null;

// Bytes this worker fetched over the network (0 for HTTP-cache hits), for the bench.
function transferred() {
  return performance.getEntriesByType("resource").reduce((n, e) => n + (e.transferSize || 0), 0);
}

async function exec(sql) {
  return db.exec(sql, { rowMode: "array" });
}

function lastTable(results) {
  for (let i = results.length - 1; i >= 0; i--) {
    const r = results[i];
    if (r.fields && r.fields.length) return { fields: r.fields.map((f) => ({ name: f.name, dataTypeID: f.dataTypeID })), rows: r.rows };
  }
  return null;
}

function errorOf(err) {
  return { message: (err && err.message) || String(err), code: err && err.code, position: err && err.position };
}

async function rollback() {
  try {
    await db.exec("ROLLBACK");
  } catch (err) {
    // Nothing to roll back (the learner ended the transaction): keep going.
    void err;
  }
}

// Every run is rolled back so the dataset stays pristine; a COMMIT in the learner's code would defeat
// that, so transaction control is refused up front.
const TX_CONTROL = /(^|;)\s*(commit|rollback|begin|start\s+transaction|end|abort)\s*(;|$)/im;
function txControl(sql) {
  return TX_CONTROL.test(sql.replace(/--[^\n]*/g, ""))
    ? { ok: false, error: { message: "Transaction control (BEGIN, COMMIT, ROLLBACK) is not available here: every run already happens in a transaction that is rolled back afterwards. Remove it and run again." } }
    : null;
}

async function runSql({ sql, check }) {
  const refused = txControl(sql);
  if (refused) return refused;
  await db.exec("BEGIN");
  try {
    const results = await exec(sql);
    const table = check ? lastTable(await exec(check)) : lastTable(results);
    return { ok: true, table };
  } catch (err) {
    return { ok: false, error: errorOf(err) };
  } finally {
    await rollback();
  }
}

async function runProbes({ sql, probes }) {
  const refused = txControl(sql);
  if (refused) return refused;
  await db.exec("BEGIN");
  try {
    try {
      if (sql.trim()) await db.exec(sql);
    } catch (err) {
      return { ok: false, error: errorOf(err) };
    }
    const outcomes = [];
    for (const p of probes) {
      await db.exec("SAVEPOINT probe");
      let pass = false;
      let detail = "";
      try {
        const t = lastTable(await exec(p.sql));
        if (p.expectError) detail = "your schema accepted data it should reject";
        else {
          pass = !!t && t.rows.length === 1 && t.rows[0][0] === true;
          if (!pass) detail = "the check returned false";
        }
      } catch (err) {
        if (p.expectError && String(err && err.code).startsWith("23")) pass = true;
        else detail = (err && err.message) || String(err);
      }
      await db.exec("ROLLBACK TO SAVEPOINT probe");
      outcomes.push({ requirement: p.requirement, pass, detail });
    }
    return { ok: true, outcomes };
  } finally {
    await rollback();
  }
}

// Two workers starting at once (the exercise page's own and another tab's, or a restart) download the
// same 8 MB wasm; Chromium then fails one download with ERR_CACHE_WRITE_FAILURE, and PGlite, left to
// fetch it itself, never settled: the page waited two minutes for its timeout. So the worker downloads
// the engine files itself, trying each up to three times, and hands them to PGlite.
async function download(url, read, what) {
  for (let attempt = 1; ; attempt++) {
    try {
      const res = await fetch(url);
      // An HTTP error is the server's answer, not a failed download: trying again would not change it.
      if (!res.ok) throw Object.assign(new Error(`${what} could not be loaded (HTTP ${res.status}). Reload the page.`), { final: true });
      return await read(res);
    } catch (err) {
      if (err.final || attempt >= 3) throw err;
      await new Promise((r) => setTimeout(r, 250 * attempt));
    }
  }
}

const asBlob = (res) => res.blob();
// Streaming compiles while the bytes arrive (the server sends application/wasm).
const asModule = (res) => (res.headers.get("content-type") === "application/wasm" ? WebAssembly.compileStreaming(res) : res.arrayBuffer().then((b) => WebAssembly.compile(b)));

self.onmessage = async (e) => {
  const msg = e.data;
  try {
    if (msg.op === "init") {
      const t0 = performance.now();
      // The engine and the dataset snapshot download in parallel; the snapshot skips initdb and the inserts.
      const base = msg.engineUrl;
      const [{ PGlite }, snapshot, pgliteWasmModule, initdbWasmModule, fsBundle] = await Promise.all([
        import(base + "index.js"),
        msg.snapshotUrl ? download(msg.snapshotUrl, asBlob, "The dataset") : null,
        download(base + "pglite.wasm", asModule, "The SQL engine"),
        download(base + "initdb.wasm", asModule, "The SQL engine"),
        download(base + "pglite.data", asBlob, "The SQL engine"),
      ]);
      const files = { pgliteWasmModule, initdbWasmModule, fsBundle };
      db = snapshot ? await PGlite.create({ loadDataDir: snapshot, ...files }) : await PGlite.create(files);
      const t1 = performance.now();
      if (!snapshot && msg.setupSql) await db.exec(msg.setupSql);
      const t2 = performance.now();
      self.postMessage({ id: msg.id, ok: true, ms: t2 - t0, engineMs: t1 - t0, datasetMs: t2 - t1, transferBytes: transferred() });
    } else if (msg.op === "sql") {
      const t0 = performance.now();
      const r = await runSql(msg);
      self.postMessage({ id: msg.id, ...r, ms: performance.now() - t0 });
    } else if (msg.op === "probes") {
      const t0 = performance.now();
      const r = await runProbes(msg);
      self.postMessage({ id: msg.id, ...r, ms: performance.now() - t0 });
    }
  } catch (err) {
    self.postMessage({ id: msg.id, ok: false, error: errorOf(err) });
  }
};
