// The site's service worker: pages a learner has visited and the quiz keep working offline.
// Hand-written (no build plugin) so it is exactly this file; registered by components/service-worker.tsx.
//
// - /_next/static/ (content-hashed, immutable) and the icons: cache first.
// - Pages (navigations) under the prefixes below: network first, the cached copy when the network
//   fails, and a short offline page when none was saved. Personal pages (progress, stats, device
//   links) are not saved: a stale copy of them would mislead.
// - Everything else, /api/ above all, goes to the network untouched. The quiz keeps its offline pack and
//   unsent answers in IndexedDB itself (lib/quiz/offline-store.ts), never in these caches.
const VERSION = "v1";
const STATIC = `static-${VERSION}`;
const PAGES = `pages-${VERSION}`;
const SHELL = ["/", "/quiz", "/manifest.webmanifest", "/icon-192.png", "/icon-512.png", "/icon.svg"];
const PAGE_PREFIXES = ["/quiz", "/chapters", "/questions", "/glossary", "/case-studies", "/blueprint", "/search"];
const MAX_PAGES = 200;
const MAX_STATIC = 400;

self.addEventListener("install", (event) => {
  // One missing shell URL must not stop the worker from installing, so each is cached on its own.
  event.waitUntil(
    caches
      .open(PAGES)
      .then((cache) => Promise.all(SHELL.map((url) => cache.add(url).catch((err) => console.warn("sw: not cached", url, err)))))
      .then(() => self.skipWaiting()),
  );
});

self.addEventListener("activate", (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((keys) => Promise.all(keys.filter((k) => k !== STATIC && k !== PAGES).map((k) => caches.delete(k))))
      .then(() => self.clients.claim()),
  );
});

const isStatic = (url) => url.pathname.startsWith("/_next/static/") || /^\/(icon[\w-]*\.(png|svg)|apple-icon\.png|favicon\.ico)$/.test(url.pathname);
const isPage = (url) => url.pathname === "/" || PAGE_PREFIXES.some((p) => url.pathname === p || url.pathname.startsWith(`${p}/`));

// Caches grow one entry per page visited; the oldest go first (keys() lists in insertion order).
async function trim(cache, max) {
  const keys = await cache.keys();
  await Promise.all(keys.slice(0, Math.max(0, keys.length - max)).map((k) => cache.delete(k)));
}

async function cacheFirst(request) {
  const cache = await caches.open(STATIC);
  const hit = await cache.match(request);
  if (hit) return hit;
  const response = await fetch(request);
  if (response.ok && response.type === "basic") {
    await cache.put(request, response.clone());
    await trim(cache, MAX_STATIC);
  }
  return response;
}

const OFFLINE_HTML = `<!doctype html><html lang="en"><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><title>Offline</title>
<body style="font-family:system-ui,sans-serif;max-width:36rem;margin:3rem auto;padding:0 1rem;line-height:1.5">
<h1>You are offline</h1><p>This page was not saved on this device. Pages you have opened before, and the quiz, work offline.</p>
<p><a href="/quiz">Open the quiz</a> · <a href="/">Home</a></p></body></html>`;

async function networkFirst(request, url) {
  const cache = await caches.open(PAGES);
  try {
    const response = await fetch(request);
    // A redirected response may not answer a navigation from the cache (the browser refuses it).
    if (response.ok && response.type === "basic" && !response.redirected && isPage(url)) {
      await cache.put(request, response.clone());
      await trim(cache, MAX_PAGES);
    }
    return response;
  } catch (err) {
    // A quiz URL with another deck or size still gets the quiz: the page loads its cards itself.
    const hit = (await cache.match(request)) ?? (await cache.match(request, { ignoreSearch: true }));
    if (hit) return hit;
    console.warn("sw: offline and not saved", url.pathname, err);
    return new Response(OFFLINE_HTML, { status: 503, headers: { "content-type": "text/html; charset=utf-8" } });
  }
}

self.addEventListener("fetch", (event) => {
  const { request } = event;
  if (request.method !== "GET") return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin || url.pathname.startsWith("/api/")) return;
  // Next's client navigations fetch RSC payloads; offline they fail and Next falls back to a full page
  // load, which is a navigation this worker answers. Caching the payloads themselves is not worth it.
  if (request.headers.get("RSC") || url.searchParams.has("_rsc")) return;
  if (isStatic(url)) event.respondWith(cacheFirst(request));
  else if (request.mode === "navigate") event.respondWith(networkFirst(request, url));
});
