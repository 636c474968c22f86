import { cookies, headers } from "next/headers";
import { cache } from "react";
import { db } from "../db/client";
import { validTimeZone } from "../time";
import { resolveIdentity, type Identity } from "./devices";
import { TIME_ZONE_COOKIE, cookieOptions, learnerCookieName, newDeviceId, newLearnerId, parseLearnerCookie, signLearnerCookie, type LearnerCookie } from "./identity";

// The learner of this request, from the signed cookie (never from a header a client could send), and
// whether its device is still linked. Only dynamic pages and API routes get here, and they ask once per
// request (cache), so the device check is one primary-key query where the learner was read anyway;
// prerendered pages never read the cookie and never query.

/** The cookie as sent, signature checked; revocation not checked. */
export async function currentCookie(): Promise<LearnerCookie | null> {
  return parseLearnerCookie((await cookies()).get(learnerCookieName())?.value);
}

/** Who this request is, revocation included (pages: no cookie is ever set from here). */
export const currentIdentity = cache(async (): Promise<Identity> => {
  const cookie = await currentCookie();
  if (!cookie) return { kind: "anonymous" };
  return resolveIdentity(db(), cookie, { now: new Date(), userAgent: (await headers()).get("user-agent") });
});

/** The learner of this request, or null for a visitor without a cookie or on an unlinked device. */
export async function currentLearnerId(): Promise<string | null> {
  const identity = await currentIdentity();
  return identity.kind === "active" ? identity.learnerId : null;
}

/** For route handlers and server actions, which may set cookies: a valid id, creating one if needed. */
export async function ensureLearnerId(): Promise<string> {
  return (await ensureLearner()).learnerId;
}

/**
 * The learner and device of a request that may set cookies. An unlinked device becomes a fresh,
 * empty learner here rather than getting an error: the person at that browser (a shared or lost
 * computer) must lose the progress, but should still be able to use the site as any new visitor does.
 * Pages tell them why their progress is gone (Identity "revoked", shown on Progress and Link).
 */
export async function ensureLearner(): Promise<{ learnerId: string; deviceId: string }> {
  const cookie = await currentCookie();
  const identity = cookie ? await resolveIdentity(db(), cookie, { now: new Date(), userAgent: (await headers()).get("user-agent"), upgradeLegacy: true }) : null;
  if (identity?.kind === "active" && identity.deviceId) {
    if (identity.reissue) await setLearnerCookie(identity.learnerId, identity.deviceId);
    return { learnerId: identity.learnerId, deviceId: identity.deviceId };
  }
  const fresh = { learnerId: newLearnerId(), deviceId: newDeviceId() };
  await setLearnerCookie(fresh.learnerId, fresh.deviceId);
  return fresh;
}

export async function setLearnerCookie(learnerId: string, deviceId: string): Promise<void> {
  (await cookies()).set(learnerCookieName(), signLearnerCookie(learnerId, deviceId), cookieOptions());
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
