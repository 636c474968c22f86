import { Worker } from "node:worker_threads";
import { PYTHON_HARNESS, pythonCall, type PythonRun } from "./python-harness";

// Runs exercise tests in Pyodide in a worker thread (load ≈ 15–20 s on a busy 2-core machine, then
// milliseconds per exercise). A run past its limit terminates the thread; the next run starts anew.

export class PythonEngine {
  private worker: Worker | null = null;
  private ready: Promise<void> | null = null;
  private seq = 0;

  start(): Promise<void> {
    if (this.ready) return this.ready;
    const worker = new Worker(new URL("./python-worker.mjs", import.meta.url));
    this.worker = worker;
    this.ready = new Promise<void>((resolve, reject) => {
      worker.once("message", () => resolve());
      worker.once("error", reject);
    }).then(() => this.call(PYTHON_HARNESS, 60_000).then(() => undefined));
    return this.ready;
  }

  async run(learnerSrc: string, testsSrc: string, fn: string, timeoutMs = 5000): Promise<PythonRun> {
    await this.start();
    return JSON.parse(await this.call(pythonCall(learnerSrc, testsSrc, fn), timeoutMs)) as PythonRun;
  }

  async close() {
    const w = this.worker;
    this.worker = null;
    this.ready = null;
    if (w) await w.terminate();
  }

  private call(code: string, timeoutMs: number): Promise<string> {
    const worker = this.worker!;
    const id = ++this.seq;
    return new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => {
        worker.off("message", onMessage);
        void this.close();
        reject(new Error(`stopped after ${timeoutMs} ms: the code did not finish (an endless loop?)`));
      }, timeoutMs);
      const onMessage = (msg: { id?: number; ok?: boolean; result?: string; error?: string }) => {
        if (msg.id !== id) return;
        clearTimeout(timer);
        worker.off("message", onMessage);
        if (msg.ok) resolve(msg.result ?? "");
        else reject(new Error(msg.error ?? "python failed"));
      };
      worker.on("message", onMessage);
      worker.postMessage({ id, code });
    });
  }
}
