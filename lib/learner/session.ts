import { cookies } from "next/headers";
import { validTimeZone } from "../time";
import { TIME_ZONE_COOKIE, cookieOptions, learnerCookieName, newLearnerId, signLearnerId, verifyLearnerCookie } from "./identity";

/** The learner of this request, verified from the signed cookie (never from a header a client could send). */
export async function currentLearnerId(): Promise<string | null> {
  return verifyLearnerCookie((await cookies()).get(learnerCookieName())?.value);
}

/** For route handlers and server actions, which may set cookies: a valid id, creating one if needed. */
export async function ensureLearnerId(): Promise<string> {
  const existing = await currentLearnerId();
  if (existing) return existing;
  const id = newLearnerId();
  (await cookies()).set(learnerCookieName(), signLearnerId(id), cookieOptions());
  return id;
}

/** The learner's IANA time zone, sent by the browser in a cookie; undefined until it has been set. */
export async function currentTimeZone(): Promise<string | undefined> {
  const raw = (await cookies()).get(TIME_ZONE_COOKIE)?.value ?? "";
  let tz: string;
  try {
    tz = decodeURIComponent(raw);
  } catch {
    return undefined;
  }
  return validTimeZone(tz) ? tz : undefined;
}
