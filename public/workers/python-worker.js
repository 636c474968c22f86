// Practice Python engine: Pyodide (CPython in WASM, standard library only) in a module worker, loaded
// from our own origin. The page terminates this worker when a run exceeds its time limit.
let py = null;

self.onmessage = async (e) => {
  const msg = e.data;
  try {
    if (msg.op === "init") {
      const t0 = performance.now();
      const { loadPyodide } = await import(msg.engineUrl + "pyodide.mjs");
      py = await loadPyodide({ indexURL: msg.engineUrl });
      py.runPython(msg.harness);
      const transferBytes = performance.getEntriesByType("resource").reduce((n, e) => n + (e.transferSize || 0), 0);
      self.postMessage({ id: msg.id, ok: true, ms: performance.now() - t0, transferBytes });
    } else if (msg.op === "python") {
      const t0 = performance.now();
      const out = py.runPython(msg.code);
      self.postMessage({ id: msg.id, ok: true, result: String(out), ms: performance.now() - t0 });
    }
  } catch (err) {
    self.postMessage({ id: msg.id, ok: false, error: { message: (err && err.message) || String(err) } });
  }
};
