// Pyodide in a Node worker thread for the content check: the same interpreter the browser uses.
// A runaway loop cannot be interrupted from inside, so the parent terminates this thread on timeout.
import { parentPort } from "node:worker_threads";
import { loadPyodide } from "pyodide";

const py = await loadPyodide();
parentPort.postMessage({ ready: true });
parentPort.on("message", ({ id, code }) => {
  try {
    parentPort.postMessage({ id, ok: true, result: String(py.runPython(code)) });
  } catch (err) {
    parentPort.postMessage({ id, ok: false, error: err?.message ?? String(err) });
  }
});
