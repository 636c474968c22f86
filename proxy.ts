import { NextResponse, type NextRequest } from "next/server";
import { LEARNER_COOKIE, cookieOptions, newLearnerId, signLearnerId, verifyLearnerCookie } from "./lib/learner/identity";

// Gives every visitor a signed anonymous learner cookie on first contact (or when the old one was
// tampered with), and rewrites the request's cookie so the page rendering this request sees it too.
export function proxy(request: NextRequest) {
  if (verifyLearnerCookie(request.cookies.get(LEARNER_COOKIE)?.value)) return NextResponse.next();
  const value = signLearnerId(newLearnerId());
  request.cookies.set(LEARNER_COOKIE, value);
  const response = NextResponse.next({ request: { headers: new Headers(request.headers) } });
  response.cookies.set(LEARNER_COOKIE, value, cookieOptions());
  return response;
}

export const config = {
  matcher: ["/((?!_next/static|_next/image|favicon.ico|icon.svg|robots.txt).*)"],
};
