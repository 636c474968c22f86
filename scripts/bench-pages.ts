// Serving and page weight against a running app (BENCH_URL): first-load JS (gzip bytes of the scripts a
// page references), requests per second for a prerendered chapter through the app (`npm start`, scripts/serve.mjs) against a plain
// Node static server sending the same bytes (same process tree, same load generator), and the home page.
// `npm run bench` calls it when BENCH_URL is set.
import http from "node:http";
import zlib from "node:zlib";
import type { AddressInfo } from "node:net";

const CONNECTIONS = 50;
const SECONDS = Number(process.env.BENCH_SECONDS ?? 5);

interface Fetched {
  status: number;
  body: Buffer;
  encoding?: string;
}

function get(url: string, agent?: http.Agent): Promise<Fetched> {
  return new Promise((resolve, reject) => {
    const req = http.get(url, { agent, headers: { "accept-encoding": "gzip" } }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (c: Buffer) => chunks.push(c));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks), encoding: res.headers["content-encoding"] }));
      res.on("error", reject);
    });
    req.on("error", reject);
  });
}

const text = (f: Fetched) => (f.encoding === "gzip" ? zlib.gunzipSync(f.body) : f.body).toString("utf8");
// What a first visit downloads: a body the server did not compress is counted as if it had been.
const gzBytes = (f: Fetched) => (f.encoding === "gzip" ? f.body.length : zlib.gzipSync(f.body).length);

/** Gzip size of every script the page loads on first visit (src attributes and modulepreload links). */
export async function firstLoadJs(base: string, path: string): Promise<{ kb: number; scripts: number }> {
  const page = await get(base + path);
  if (page.status !== 200) throw new Error(`${path}: HTTP ${page.status}`);
  const html = text(page);
  const srcs = new Set<string>();
  // `nomodule` scripts (Next's legacy polyfills) are skipped by every browser that runs modules.
  for (const m of html.matchAll(/<script([^>]*)\ssrc="([^"]+)"([^>]*)>/g)) if (!/\snomodule/i.test(m[1] + m[3])) srcs.add(m[2]);
  for (const m of html.matchAll(/<link[^>]*rel="modulepreload"[^>]*href="([^"]+)"/g)) srcs.add(m[1]);
  let total = 0;
  for (const src of srcs) total += gzBytes(await get(new URL(src.replace(/&amp;/g, "&"), base).href));
  return { kb: Math.round((total / 1024) * 10) / 10, scripts: srcs.size };
}

/** Requests per second: CONNECTIONS keep-alive loops for SECONDS against one URL. */
export async function rps(url: string): Promise<number> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: CONNECTIONS });
  const end = performance.now() + SECONDS * 1000;
  let done = 0;
  let failed = 0;
  const loop = async () => {
    while (performance.now() < end) {
      const r = await get(url, agent);
      if (r.status === 200) done++;
      else failed++;
    }
  };
  await Promise.all(Array.from({ length: CONNECTIONS }, loop));
  agent.destroy();
  if (failed) console.log(`  (${failed} non-200 answers from ${url})`);
  return Math.round(done / SECONDS);
}

/** A plain static server: the given bytes, gzip-encoded as Next sends them, nothing else. */
async function staticServer(html: Buffer): Promise<{ url: string; close: () => void }> {
  const gz = zlib.gzipSync(html);
  const server = http.createServer((_req, res) => {
    res.writeHead(200, { "content-type": "text/html; charset=utf-8", "content-encoding": "gzip", "content-length": gz.length });
    res.end(gz);
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`, close: () => server.close() };
}

export async function benchPages(base: string, chapterPath: string, questionPath: string, log: (s: string) => void) {
  const js: Record<string, number> = {};
  for (const p of ["/", chapterPath, questionPath, "/questions", "/quiz"]) {
    const r = await firstLoadJs(base, p);
    js[p] = r.kb;
    log(`first-load JS ${p}: ${r.kb} kB gz in ${r.scripts} scripts`);
  }
  const chapterUrl = base + chapterPath;
  const html = Buffer.from(text(await get(chapterUrl)));
  const plain = await staticServer(html);
  try {
    // Warm both, then measure them one after the other with the same generator.
    await rps(chapterUrl);
    const nextRps = await rps(chapterUrl);
    const staticRps = await rps(plain.url);
    const homeRps = await rps(base + "/");
    log(`${chapterPath}: the app (npm start) ${nextRps} req/s, plain static server ${staticRps} req/s (${(staticRps / Math.max(nextRps, 1)).toFixed(1)}× faster); home ${homeRps} req/s (${CONNECTIONS} connections, ${SECONDS} s each)`);
    const contentPages = [chapterPath, questionPath, "/questions"].map((p) => js[p]);
    return { pages: { nextRps, staticRps, homeRps }, firstLoadJsGzKb: Math.max(...contentPages), firstLoadJsByPath: js };
  } finally {
    plain.close();
  }
}
