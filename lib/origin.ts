// Cross-site request forgery guard for every state-changing request (API routes, server actions, pages).
// Browsers send `Origin` on every cross-origin request and on same-origin non-GET requests, and modern
// ones send `Sec-Fetch-Site`; a request that carries either must come from this very origin. A request
// with neither (curl, a script) is not a browser acting for a victim, so it passes.

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/** null if the request may change state; otherwise why it is refused (for a 403 body). */
export function crossOriginRefusal(method: string, headers: Headers): string | null {
  if (SAFE_METHODS.has(method.toUpperCase())) return null;
  const site = headers.get("sec-fetch-site");
  // "same-site" is refused too: another port or subdomain of this host is another origin.
  if (site && site !== "same-origin" && site !== "none") {
    return `Refused a ${site} ${method} request: state-changing requests must come from this site's own pages.`;
  }
  const origin = headers.get("origin");
  if (origin === null) return null;
  const host = headers.get("x-forwarded-host")?.split(",")[0].trim() || headers.get("host");
  let originHost: string | null = null;
  try {
    originHost = origin === "null" ? null : new URL(origin).host;
  } catch (err) {
    if (!(err instanceof TypeError)) throw err;
  }
  if (!host || originHost?.toLowerCase() !== host.toLowerCase()) {
    return `Refused a ${method} request from origin ${origin}: state-changing requests must come from ${host ?? "this host"}.`;
  }
  return null;
}

/** True for `application/json`, optionally with a charset parameter, and nothing else. */
export function isJsonMediaType(contentType: string | null): boolean {
  if (!contentType) return false;
  const [type, ...params] = contentType.split(";").map((p) => p.trim().toLowerCase());
  if (type !== "application/json") return false;
  return params.every((p) => p === "" || /^charset="?utf-8"?$/.test(p));
}
