// Pyodide in a Node worker thread for the content check: the same interpreter the browser uses.
// A runaway loop cannot be interrupted from inside, so the parent terminates this thread on timeout.
import { parentPort } from "node:worker_threads";
import { createRequire } from "node:module";
import path from "node:path";
import { loadPyodide } from "pyodide";

// Inside a worker thread Pyodide cannot find its own files; point it at the package.
const indexURL = path.dirname(createRequire(import.meta.url).resolve("pyodide/package.json")) + path.sep;

const py = await loadPyodide({ indexURL });
parentPort.postMessage({ ready: true });
parentPort.on("message", ({ id, code }) => {
  try {
    parentPort.postMessage({ id, ok: true, result: String(py.runPython(code)) });
  } catch (err) {
    parentPort.postMessage({ id, ok: false, error: err?.message ?? String(err) });
  }
});
