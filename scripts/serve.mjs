// The production server (`npm start`): Next's own request handler, plus a fast path for prerendered pages.
//
// Why: a prerendered chapter served by `next start` costs about 2 ms of CPU per request even on a cache HIT
// (routing, the proxy, the response cache), 19× slower than a plain static server sending the same bytes
// (issue 13). Prerendered pages only change on a rebuild, which restarts this process, so after Next has
// served a page once we keep its exact answer (status, headers, body) in memory and send it ourselves.
//
// What is kept: only a 200 that Next marks as a prerender cache HIT and that sets no cookie, fetched once
// through Next itself (so the proxy, security headers and HSTS are all in it). What bypasses the fast path:
// anything but GET/HEAD, any query string, API and /_next/ paths, and every request carrying the headers
// Next varies on for client navigation (RSC payloads, prefetches) or a server action.
import http from "node:http";
import zlib from "node:zlib";
import next from "next";

process.env.NODE_ENV ??= "production";
process.env.NEXT_TELEMETRY_DISABLED ??= "1";

function arg(names, fallback) {
  const i = process.argv.findIndex((a) => names.includes(a));
  return i >= 0 && process.argv[i + 1] ? process.argv[i + 1] : fallback;
}
const port = Number(arg(["-p", "--port"], process.env.PORT ?? 3000));
const host = arg(["-H", "--hostname"], process.env.HOSTNAME);

// Headers Next lists in `Vary` for client navigation, plus a server action's.
const NAVIGATION_HEADERS = ["rsc", "next-router-state-tree", "next-router-prefetch", "next-router-segment-prefetch", "next-action"];
const SNAPSHOT_HEADER = "x-static-snapshot";
// Per-connection and per-response headers that must not be replayed from a snapshot.
const DROPPED = new Set(["date", "connection", "keep-alive", "transfer-encoding", "content-length", "content-encoding", "x-nextjs-cache"]);
// A bound on what the fast path may hold: ~1,300 content pages fit many times over, a crawler of odd paths cannot grow it.
const MAX_PAGES = 5000;
const MAX_BYTES = 256 * 1024 * 1024;

/** @type {Map<string, { headers: Record<string, string | string[]>, raw: Buffer, gzip: Buffer, etag?: string }>} */
const pages = new Map();
const pending = new Set();
let bytes = 0;

function eligible(req) {
  if (req.method !== "GET" && req.method !== "HEAD") return false;
  const url = req.url ?? "";
  if (url.includes("?") || url.startsWith("/_next/") || url.startsWith("/api/")) return false;
  return !NAVIGATION_HEADERS.some((h) => h in req.headers) && !(SNAPSHOT_HEADER in req.headers);
}

/** Fetches `path` through Next once and keeps the answer if it is a shared, prerendered page. */
function snapshot(path) {
  if (pending.has(path) || pages.size >= MAX_PAGES) return;
  pending.add(path);
  const req = http.get({ host: "127.0.0.1", port, path, headers: { [SNAPSHOT_HEADER]: "1", "accept-encoding": "identity" } }, (res) => {
    const chunks = [];
    res.on("data", (c) => chunks.push(c));
    res.on("end", () => {
      pending.delete(path);
      const h = res.headers;
      const prerendered = res.statusCode === 200 && h["x-nextjs-cache"] === "HIT" && h["x-nextjs-prerender"] !== undefined && !h["set-cookie"];
      if (!prerendered) return;
      const raw = Buffer.concat(chunks);
      const gzip = zlib.gzipSync(raw, { level: 9 });
      if (bytes + raw.length + gzip.length > MAX_BYTES) return;
      const headers = {};
      for (const [k, v] of Object.entries(h)) if (!DROPPED.has(k) && v !== undefined) headers[k] = v;
      pages.set(path, { headers, raw, gzip, etag: typeof h.etag === "string" ? h.etag : undefined });
      bytes += raw.length + gzip.length;
    });
    res.on("error", (err) => {
      pending.delete(path);
      console.error(`static snapshot of ${path} failed: ${err.message}`);
    });
  });
  req.on("error", (err) => {
    pending.delete(path);
    console.error(`static snapshot of ${path} failed: ${err.message}`);
  });
}

function serveSnapshot(req, res, page) {
  const headers = { ...page.headers, "x-nextjs-cache": "HIT" };
  if (page.etag && req.headers["if-none-match"] === page.etag) {
    res.writeHead(304, headers);
    res.end();
    return;
  }
  const gzip = /\bgzip\b/.test(req.headers["accept-encoding"] ?? "");
  const body = gzip ? page.gzip : page.raw;
  if (gzip) headers["content-encoding"] = "gzip";
  headers["content-length"] = String(body.length);
  res.writeHead(200, headers);
  res.end(req.method === "HEAD" ? undefined : body);
}

const app = next({ dev: false, dir: process.cwd() });
const handle = app.getRequestHandler();
await app.prepare();

const server = http.createServer((req, res) => {
  if (eligible(req)) {
    const page = pages.get(req.url);
    if (page) return serveSnapshot(req, res, page);
    // Served by Next this time; a successful prerendered answer is kept for the next request.
    res.on("finish", () => {
      if (res.statusCode === 200 && res.getHeader("x-nextjs-cache") === "HIT") snapshot(req.url);
    });
  }
  handle(req, res).catch((err) => {
    console.error(err);
    if (!res.headersSent) res.writeHead(500, { "content-type": "text/plain" });
    res.end("Internal Server Error");
  });
});
// As `next start`: idle keep-alive sockets close after a while, not at Node's 5 s default mid-burst.
server.keepAliveTimeout = 65_000;
server.listen(port, host, () => console.log(`ready on http://${host ?? "localhost"}:${port}`));
// Stop taking requests, let those in flight finish (idle keep-alive sockets would hold close() open), then exit.
for (const signal of ["SIGTERM", "SIGINT"]) {
  process.on(signal, () => {
    server.close(() => process.exit(0));
    server.closeIdleConnections();
    setTimeout(() => process.exit(0), 3000).unref();
  });
}
