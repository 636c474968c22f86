import fs from "node:fs";
import path from "node:path";
import { readSnapshot } from "./snapshots";

// Serves the in-browser engines (PGlite, Pyodide) from our own origin, straight out of node_modules:
// no CDN, no copy step. The package version is part of the URL (/engine/pglite-0.5.17/index.js), so a
// response can be cached forever; an upgrade changes every URL.

interface EnginePackage {
  dir: string;
  version: string;
  /** Files a browser may fetch: the ESM entry, its chunks, the wasm and the file-system images. */
  allowed: RegExp;
}

function pkg(name: string, sub: string, allowed: RegExp): EnginePackage {
  // A plain path, not require.resolve: the bundler must not try to trace these packages into the build.
  const root = path.resolve(/*turbopackIgnore: true*/ process.cwd(), "node_modules", name);
  const version = (JSON.parse(fs.readFileSync(path.join(root, "package.json"), "utf8")) as { version: string }).version;
  return { dir: path.join(root, sub), version, allowed };
}

let packages: Record<string, EnginePackage> | null = null;
function enginePackages(): Record<string, EnginePackage> {
  packages ??= {
    pglite: pkg("@electric-sql/pglite", "dist", /^(index\.js|chunk-[A-Z0-9]+\.js|pglite\.(wasm|data)|initdb\.(js|wasm))$/),
    pyodide: pkg("pyodide", "", /^(pyodide\.mjs|pyodide\.asm\.mjs|pyodide\.asm\.js|pyodide\.asm\.wasm|python_stdlib\.zip|pyodide-lock\.json)$/),
  };
  return packages;
}

/** The URL prefix the browser loads an engine from, e.g. /engine/pglite-0.5.17/. */
export function engineBase(name: "pglite" | "pyodide"): string {
  return `/engine/${name}-${enginePackages()[name].version}/`;
}

const TYPES: Record<string, string> = {
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".wasm": "application/wasm",
  ".data": "application/octet-stream",
  ".zip": "application/zip",
  ".json": "application/json",
};

/** Answers GET /engine/<name>-<version>/<file>: 404 for anything not on the allow-list. */
/**
 * Always the identity encoding: Next 16 drops Content-Encoding (and Content-Length) from a route
 * handler's response (FORBIDDEN_HEADERS in next/dist/server/send-response.js) and does not compress it
 * either, so a gzipped body would reach the browser unlabelled and the wasm would fail to compile.
 * Compression belongs to a front proxy or to serving these files as static assets (see the report).
 */
export function engineFileResponse(segments: string[]): Response {
  const [prefix, file, ...rest] = segments;
  if (prefix === "data" && file && !rest.length) return snapshotResponse(file);
  const m = /^(pglite|pyodide)-(.+)$/.exec(prefix ?? "");
  const p = m ? enginePackages()[m[1]] : undefined;
  if (!p || !m || m[2] !== p.version || !file || rest.length || !p.allowed.test(file)) {
    return new Response("Not found. Engine files live under /engine/<pglite|pyodide>-<version>/.", { status: 404 });
  }
  const full = path.join(p.dir, file);
  const body = fs.readFileSync(full);
  return new Response(new Uint8Array(body), {
    headers: {
      "Content-Type": TYPES[path.extname(file)] ?? "application/octet-stream",
      "Content-Length": String(body.length),
      "Cache-Control": "public, max-age=31536000, immutable",
      "Cross-Origin-Resource-Policy": "same-origin",
    },
  });
}

/** A dataset snapshot: already gzip (PGlite unpacks it), named by content hash, so immutable. */
function snapshotResponse(name: string): Response {
  const body = readSnapshot(name);
  if (!body) return new Response("Not found. This dataset snapshot does not exist (re-run `npm run ingest`).", { status: 404 });
  return new Response(new Uint8Array(body), {
    headers: {
      "Content-Type": "application/gzip",
      "Content-Length": String(body.length),
      "Cache-Control": "public, max-age=31536000, immutable",
      "Cross-Origin-Resource-Policy": "same-origin",
    },
  });
}
