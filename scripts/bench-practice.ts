// Practice engines in Chromium: cold and warm start, run time per SQL exercise, worker restart, and the
// bytes a learner downloads. Needs the app running (BENCH_URL, e.g. http://127.0.0.1:3000) with
// exercises ingested; `npm run bench` calls it when BENCH_URL is set. The workers are driven directly
// (the same messages the exercise page sends) so each phase can be timed on its own.
import fs from "node:fs";
import path from "node:path";
import { chromium, type Page } from "@playwright/test";
import { engineBase } from "../lib/exercises/engine-files";
import { PYTHON_HARNESS } from "../lib/exercises/python-harness";
import { generatedDir } from "../lib/paths";
import { snapshotUrl } from "../lib/exercises/snapshots";
import { EXERCISES_FILE, type ExerciseArtifacts } from "../lib/exercises/types";

const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))];
};
const kib = (n: number) => `${(n / 1024).toFixed(0)} KiB`;

// Runs in the page. Plain source text: the bundler that runs this script must not rewrite it.
const DRIVE = `async ({ script, init, jobs, reps }) => {
  const start = () => {
    const w = new Worker(script, { type: "module" });
    let seq = 0;
    // A worker that fails to load reports only through "error"; without this the call waited forever.
    const call = (msg, ms = 120000) => new Promise((resolve, reject) => {
      const id = ++seq;
      const timer = setTimeout(() => reject(new Error("no reply to " + msg.op + " within " + ms + " ms")), ms);
      const on = (e) => { if (e.data.id !== id) return; clearTimeout(timer); w.removeEventListener("message", on); resolve(e.data); };
      w.addEventListener("message", on);
      w.addEventListener("error", (e) => { clearTimeout(timer); reject(new Error("worker error: " + (e.message || "script failed to load"))); }, { once: true });
      w.postMessage({ id, ...msg });
    });
    return { w, call };
  };
  const t0 = performance.now();
  const a = start();
  const initReply = await a.call({ op: "init", ...init });
  if (!initReply.ok) throw new Error("init failed: " + JSON.stringify(initReply.error));
  const initMs = performance.now() - t0;
  const runs = [];
  for (const j of jobs) {
    const times = [];
    for (let i = 0; i < reps; i++) {
      const t = performance.now();
      const r = await a.call(j.msg);
      if (!r.ok) throw new Error(j.id + " failed in the browser: " + JSON.stringify(r.error));
      times.push(performance.now() - t);
    }
    runs.push({ id: j.id, times });
  }
  a.w.terminate();
  const t1 = performance.now();
  const b = start();
  const again = await b.call({ op: "init", ...init });
  const restartMs = performance.now() - t1;
  b.w.terminate();
  return { initMs, initReply, runs, restartMs, restartBytes: again.transferBytes };
}`;

async function pageBytes(page: Page) {
  return page.evaluate(() =>
    [...performance.getEntriesByType("navigation"), ...performance.getEntriesByType("resource")].reduce((n, e) => n + ((e as PerformanceResourceTiming).transferSize || 0), 0),
  );
}

interface Drive {
  initMs: number;
  initReply: { engineMs?: number; datasetMs?: number; transferBytes?: number };
  runs: { id: string; times: number[] }[];
  restartMs: number;
  restartBytes?: number;
}

export async function benchPractice(base: string) {
  const artifacts = JSON.parse(fs.readFileSync(path.join(generatedDir(), EXERCISES_FILE), "utf8")) as ExerciseArtifacts;
  const sql = artifacts.exercises.filter((e) => e.kind === "sql");
  const py = artifacts.exercises.find((e) => e.kind === "python");
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium", args: ["--no-sandbox", "--disable-gpu"] });
  try {
    const context = await browser.newContext();
    const page = await context.newPage();
    // The page itself (HTML, JS, CSS) on a first visit and on the next exercise.
    await page.goto(`${base}/practice/${sql[0].id}`, { waitUntil: "load" });
    const firstPage = await pageBytes(page);
    await page.goto(`${base}/practice/${sql[1 % sql.length].id}`, { waitUntil: "load" });
    const nextPage = await pageBytes(page);
    console.log(`practice page bytes: first exercise ${kib(firstPage)}, next exercise ${kib(nextPage)} (HTML/JS/CSS over the network, engine excluded)`);

    const byDataset = new Map<string, typeof sql>();
    for (const e of sql) byDataset.set(e.dataset!, [...(byDataset.get(e.dataset!) ?? []), e]);
    const medians: number[] = [];
    const p95s: number[] = [];
    let first = true;
    for (const [datasetId, exercises] of byDataset) {
      const dataset = artifacts.datasets.find((d) => d.id === datasetId)!;
      // As the exercise page: the ingest-time snapshot when there is one, the SQL source otherwise.
      const snapshot = snapshotUrl(dataset);
      const setupSql = snapshot ? "" : dataset.setupSql;
      const r = (await page.evaluate(`(${DRIVE})(${JSON.stringify({
        script: "/workers/sql-worker.js",
        init: { engineUrl: engineBase("pglite"), snapshotUrl: snapshot, setupSql },
        jobs: exercises.map((e) => ({ id: e.id, msg: { op: "sql", sql: e.solutions[0], check: e.check } })),
        reps: 15,
      })})`)) as Drive;
      const i = r.initReply;
      console.log(
        `practice SQL worker, dataset ${datasetId}: ${first ? "cold" : "warm"} start ${r.initMs.toFixed(0)} ms (engine ${i.engineMs?.toFixed(0)} ms, dataset ${i.datasetMs?.toFixed(0)} ms), ${kib(i.transferBytes ?? 0)} over the network; restart after kill ${r.restartMs.toFixed(0)} ms, ${kib(r.restartBytes ?? 0)}`,
      );
      first = false;
      for (const x of r.runs) {
        medians.push(pct(x.times, 50));
        p95s.push(pct(x.times, 95));
        console.log(`  ${x.id.padEnd(44)} median ${pct(x.times, 50).toFixed(1)} ms  p95 ${pct(x.times, 95).toFixed(1)} ms`);
      }
    }
    console.log(`practice SQL runs over ${medians.length} exercises: worst median ${Math.max(...medians).toFixed(1)} ms, worst p95 ${Math.max(...p95s).toFixed(1)} ms`);

    if (py) {
      const r = (await page.evaluate(`(${DRIVE})(${JSON.stringify({
        script: "/workers/python-worker.js",
        init: { engineUrl: engineBase("pyodide"), harness: PYTHON_HARNESS },
        jobs: [],
        reps: 0,
      })})`)) as Drive;
      console.log(`practice Python worker: cold start ${r.initMs.toFixed(0)} ms, ${kib(r.initReply.transferBytes ?? 0)} over the network; restart after kill ${r.restartMs.toFixed(0)} ms, ${kib(r.restartBytes ?? 0)}`);
    }
    await context.close();
  } finally {
    await browser.close();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  await benchPractice(process.env.BENCH_URL ?? "http://127.0.0.1:3000");
}
