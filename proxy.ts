import { NextResponse, type NextRequest } from "next/server";
import { cookieOptions, learnerCookieName, newDeviceId, newLearnerId, signLearnerCookie, verifyLearnerCookie } from "./lib/learner/identity";
import { crossOriginRefusal } from "./lib/origin";

/**
 * Requests that never produce a cacheable page: API routes and anything that is not GET/HEAD (server
 * actions POST to page paths). Only these get a learner cookie. A prerendered page is served with
 * `s-maxage`, so a Set-Cookie on it could be stored by a shared cache and handed to every visitor;
 * pages only read the cookie, and a first-time visitor gets one on their first quiz call.
 */
export function issuesCookie(method: string, pathname: string): boolean {
  // The home page's count island reads progress for whoever has a cookie; it never starts a learner, so
  // a visitor (or a crawler) who only opens the home page gets no cookie, as before the page was static.
  if (pathname === READ_ONLY_SUMMARY && (method === "GET" || method === "HEAD")) return false;
  return pathname.startsWith("/api/") || (method !== "GET" && method !== "HEAD");
}

const READ_ONLY_SUMMARY = "/api/progress/summary";

export function proxy(request: NextRequest) {
  const refusal = crossOriginRefusal(request.method, request.headers);
  if (refusal) return NextResponse.json({ error: refusal }, { status: 403 });

  const name = learnerCookieName();
  let response: NextResponse;
  if (issuesCookie(request.method, request.nextUrl.pathname) && !verifyLearnerCookie(request.cookies.get(name)?.value)) {
    // New or tampered: a fresh learner, also written into this request so the handler sees the same id.
    // The device row is created lazily by the handler (lib/learner/devices.ts): the proxy never touches the database.
    const value = signLearnerCookie(newLearnerId(), newDeviceId());
    request.cookies.set(name, value);
    response = NextResponse.next({ request: { headers: new Headers(request.headers) } });
    response.cookies.set(name, value, cookieOptions());
    response.headers.set("Cache-Control", "private, no-store");
  } else {
    response = NextResponse.next();
  }
  // Only when the site is served over https (COOKIE_SECURE=1): HSTS on plain-http localhost would be wrong.
  if (process.env.COOKIE_SECURE === "1") response.headers.set("Strict-Transport-Security", "max-age=63072000");
  return response;
}

export const config = {
  matcher: ["/((?!_next/static|_next/image|engine/|workers/|favicon.ico|icon.svg|robots.txt).*)"],
};
