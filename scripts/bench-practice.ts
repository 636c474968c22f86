// Practice engine in Chromium: cold and warm start, run time per SQL exercise, worker restart, and the
// bytes a learner downloads. Needs the app running (BENCH_URL, e.g. http://127.0.0.1:3000) with
// exercises ingested; `npm run bench` calls it when BENCH_URL is set.
import fs from "node:fs";
import path from "node:path";
import { chromium, type Page } from "@playwright/test";
import { generatedDir } from "../lib/paths";
import { EXERCISES_FILE, type ExerciseArtifacts } from "../lib/exercises/types";

const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))];
};
const kib = (n: number) => `${(n / 1024).toFixed(0)} KiB`;

async function openExercise(page: Page, base: string, id: string) {
  const t0 = Date.now();
  await page.goto(`${base}/practice/${id}`);
  await page.getByTestId("engine-status").getByText("Engine ready.").waitFor({ timeout: 300_000 });
  return { ms: Date.now() - t0 };
}

export async function benchPractice(base: string) {
  const artifacts = JSON.parse(fs.readFileSync(path.join(generatedDir(), EXERCISES_FILE), "utf8")) as ExerciseArtifacts;
  const sql = artifacts.exercises.filter((e) => e.kind === "sql");
  const py = artifacts.exercises.find((e) => e.kind === "python");
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium", args: ["--no-sandbox", "--disable-gpu"] });
  try {
    const context = await browser.newContext();
    const page = await context.newPage();
    // CDP tells which responses came from the disk cache, so warm loads count only network bytes.
    const cdp = await context.newCDPSession(page);
    await cdp.send("Network.enable");
    let networkBytes = 0;
    cdp.on("Network.loadingFinished", (e: { encodedDataLength: number }) => (networkBytes += e.encodedDataLength));

    networkBytes = 0;
    const cold = await openExercise(page, base, sql[0].id);
    const coldBytes = networkBytes;
    networkBytes = 0;
    const warm = await openExercise(page, base, sql[1 % sql.length].id);
    const warmBytes = networkBytes;
    console.log(`practice SQL engine cold start (download + init + dataset): ${cold.ms} ms, ${kib(coldBytes)} over the network`);
    console.log(`practice SQL engine warm start (HTTP cache, next exercise): ${warm.ms} ms, ${kib(warmBytes)} over the network`);

    // Per-exercise run time: each reference solution 15 times in a worker the bench drives directly.
    const engineUrl = (await page.evaluate(() => performance.getEntriesByType("resource").map((r) => r.name).find((n) => n.includes("/engine/pglite-")))) ?? "";
    const pgliteBase = engineUrl.slice(0, engineUrl.lastIndexOf("/") + 1).replace(/^https?:\/\/[^/]+/, "");
    const byDataset = new Map<string, typeof sql>();
    for (const e of sql) byDataset.set(e.dataset!, [...(byDataset.get(e.dataset!) ?? []), e]);
    const medians: number[] = [];
    const p95s: number[] = [];
    for (const [datasetId, exercises] of byDataset) {
      const setupSql = artifacts.datasets.find((d) => d.id === datasetId)!.setupSql;
      const result = await page.evaluate(
        async ({ pgliteBase, setupSql, jobs }) => {
          const w = new Worker("/workers/sql-worker.js", { type: "module" });
          let seq = 0;
          const call = (msg: Record<string, unknown>) =>
            new Promise<{ ok: boolean; ms?: number }>((resolve) => {
              const id = ++seq;
              const on = (e: MessageEvent) => {
                if (e.data.id !== id) return;
                w.removeEventListener("message", on);
                resolve(e.data);
              };
              w.addEventListener("message", on);
              w.postMessage({ id, ...msg });
            });
          const t0 = performance.now();
          await call({ op: "init", engineUrl: pgliteBase, setupSql });
          const initMs = performance.now() - t0;
          const out: { id: string; times: number[] }[] = [];
          for (const j of jobs) {
            const times: number[] = [];
            for (let i = 0; i < 15; i++) {
              const t = performance.now();
              const r = await call({ op: "sql", sql: j.sql, check: j.check });
              if (!r.ok) throw new Error(`${j.id} failed in the browser`);
              times.push(performance.now() - t);
            }
            out.push({ id: j.id, times });
          }
          w.terminate();
          // Restart after a kill: a new worker with the engine files already in the HTTP cache.
          const t1 = performance.now();
          const w2 = new Worker("/workers/sql-worker.js", { type: "module" });
          await new Promise<void>((resolve) => {
            w2.onmessage = () => resolve();
            w2.postMessage({ id: 1, op: "init", engineUrl: pgliteBase, setupSql });
          });
          const restartMs = performance.now() - t1;
          w2.terminate();
          return { initMs, out, restartMs };
        },
        { pgliteBase, setupSql, jobs: exercises.map((e) => ({ id: e.id, sql: e.solutions[0], check: e.check })) },
      );
      console.log(`practice worker on dataset ${datasetId}: init ${result.initMs.toFixed(0)} ms, restart after kill ${result.restartMs.toFixed(0)} ms`);
      for (const r of result.out) {
        medians.push(pct(r.times, 50));
        p95s.push(pct(r.times, 95));
        console.log(`  ${r.id.padEnd(44)} median ${pct(r.times, 50).toFixed(1)} ms  p95 ${pct(r.times, 95).toFixed(1)} ms`);
      }
    }
    console.log(`practice SQL runs over ${medians.length} exercises: worst median ${Math.max(...medians).toFixed(1)} ms, worst p95 ${Math.max(...p95s).toFixed(1)} ms`);

    if (py) {
      networkBytes = 0;
      const pyCold = await openExercise(page, base, py.id);
      console.log(`practice Python engine first load: ${pyCold.ms} ms, ${kib(networkBytes)} over the network`);
      networkBytes = 0;
      const pyWarm = await openExercise(page, base, py.id);
      console.log(`practice Python engine warm start: ${pyWarm.ms} ms, ${kib(networkBytes)} over the network`);
    }
    await context.close();
  } finally {
    await browser.close();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  await benchPractice(process.env.BENCH_URL ?? "http://127.0.0.1:3000");
}
