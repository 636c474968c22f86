// Search timings and page weights for `npm run bench` (kept apart so bench.ts stays readable).
import { spawn } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import path from "node:path";
import type { ContentBundle, SectionText } from "../lib/content/types";
import { buildSearchIndex, SearchIndex, searchDocs } from "../lib/search/index";

const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))];
};
const round = (n: number, d = 3) => Math.round(n * 10 ** d) / 10 ** d;

export const SEARCH_QUERIES = {
  exact: ["kafka", "partition", "window function", "slowly changing dimension", "idempotency", "watermark", "parquet", "airflow sensor"],
  prefix: ["kaf", "partit", "wind", "idempot", "waterm", "parq", "orchestr", "dimens"],
  fuzzy: ["kafak", "partiton", "idempotancy", "watermrk", "parquett", "orchestraton", "snowflak", "consumr group"],
};

export interface SearchBench {
  indexKb: number;
  loadMs: number;
  exactP50: number;
  exactP95: number;
  prefixP50: number;
  prefixP95: number;
  fuzzyP50: number;
  fuzzyP95: number;
  exactCpuP95: number;
  prefixCpuP95: number;
  fuzzyCpuP95: number;
}

/** In-process search over the real index, after a warm-up (the server preloads the index at boot). */
export function benchSearch(bundle: ContentBundle, sections: SectionText[], log: (s: string) => void): SearchBench {
  const json = buildSearchIndex(searchDocs(bundle, sections));
  const t = performance.now();
  const index = SearchIndex.fromJSON(json);
  const loadMs = performance.now() - t;
  log(`search index: ${(json.length / 1024).toFixed(0)} KiB serialized, documents to build the index from; built in ${loadMs.toFixed(0)} ms (on the server, once at boot)`);
  for (let i = 0; i < 5; i++) for (const qs of Object.values(SEARCH_QUERIES)) for (const q of qs) index.search(q, { limit: 20 });
  const out: Record<string, number> = { indexKb: round(json.length / 1024, 0), loadMs: round(loadMs, 0) };
  for (const [kind, qs] of Object.entries(SEARCH_QUERIES)) {
    const times: number[] = [];
    const cpu: number[] = [];
    for (let r = 0; r < 50; r++)
      for (const q of qs) {
        const c = process.cpuUsage();
        const s = performance.now();
        index.search(q, { limit: 20 });
        times.push(performance.now() - s);
        const d = process.cpuUsage(c);
        cpu.push((d.user + d.system) / 1000);
      }
    out[`${kind}P50`] = round(pct(times, 50));
    out[`${kind}P95`] = round(pct(times, 95));
    // CPU time per query: on a shared, loaded machine wall-clock p95 mostly measures waiting for a core.
    out[`${kind}CpuP95`] = round(pct(cpu, 95));
    log(`search ${kind.padEnd(6)} p50 ${out[`${kind}P50`]} ms  p95 ${out[`${kind}P95`]} ms  cpu p95 ${out[`${kind}CpuP95`]} ms  (${times.length} queries)`);
  }
  return out as unknown as SearchBench;
}

export interface WeightBench {
  questionsHtmlKb: number;
  /** The largest page of the paged list (a topic filter, page 1). */
  questionsMaxHtmlKb: number;
  glossaryHtmlKb: number;
  /** The largest letter page. */
  glossaryMaxHtmlKb: number;
  /** What a nav link's prefetch of /glossary downloads (its RSC payload). */
  glossaryPrefetchKb: number;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer().listen(0, "127.0.0.1", () => {
      const port = (srv.address() as net.AddressInfo).port;
      srv.close(() => resolve(port));
    });
    srv.on("error", reject);
  });
}

/** Raw HTML bytes of the list pages, served by `next start` from the existing build; null without a build. */
export async function benchWeight(env: NodeJS.ProcessEnv, bundle: ContentBundle, log: (s: string) => void): Promise<WeightBench | null> {
  if (!fs.existsSync(path.join(".next", "BUILD_ID"))) {
    log("page weight: skipped, no build (run `npm run build` first)");
    return null;
  }
  const port = await freePort();
  const server = spawn(process.execPath, ["scripts/serve.mjs", "-p", String(port)], { env: { ...env, NEXT_TELEMETRY_DISABLED: "1" }, stdio: "ignore" });
  const base = `http://127.0.0.1:${port}`;
  try {
    for (let i = 0; ; i++) {
      const ok = await fetch(`${base}/glossary`).then((r) => r.ok, () => false);
      if (ok) break;
      if (i > 300 || server.exitCode !== null) throw new Error("next start did not come up");
      await new Promise((r) => setTimeout(r, 100));
    }
    const kb = async (url: string, headers: Record<string, string> = {}) => {
      const res = await fetch(base + url, { headers });
      if (!res.ok) throw new Error(`${url}: ${res.status}`);
      return round((await res.arrayBuffer()).byteLength / 1024, 1);
    };
    const letters = [...new Set(bundle.glossary.map((t) => (/^[a-z]/i.test(t.term) ? t.term[0].toLowerCase() : "other")))];
    const topics = bundle.topics.map((t) => t.id);
    const letterKbs = await Promise.all(letters.map((l) => kb(`/glossary/${l}`)));
    const topicKbs = await Promise.all(topics.map((t) => kb(`/questions?topic=${t}`)));
    const w: WeightBench = {
      questionsHtmlKb: await kb("/questions"),
      questionsMaxHtmlKb: Math.max(...topicKbs),
      glossaryHtmlKb: await kb("/glossary"),
      glossaryMaxHtmlKb: Math.max(...letterKbs),
      glossaryPrefetchKb: await kb("/glossary", { RSC: "1", "Next-Router-Prefetch": "1" }),
    };
    log(`page weight (raw HTML): /questions ${w.questionsHtmlKb} kB (largest topic page ${w.questionsMaxHtmlKb} kB), /glossary ${w.glossaryHtmlKb} kB (largest letter ${w.glossaryMaxHtmlKb} kB), /glossary prefetch ${w.glossaryPrefetchKb} kB`);
    return w;
  } finally {
    server.kill();
  }
}
