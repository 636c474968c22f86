import { cookies } from "next/headers";
import { LEARNER_COOKIE, cookieOptions, newLearnerId, signLearnerId, verifyLearnerCookie } from "./identity";

/** The learner of this request, verified from the signed cookie (never from a header a client could send). */
export async function currentLearnerId(): Promise<string | null> {
  return verifyLearnerCookie((await cookies()).get(LEARNER_COOKIE)?.value);
}

/** For route handlers and server actions, which may set cookies: a valid id, creating one if needed. */
export async function ensureLearnerId(): Promise<string> {
  const existing = await currentLearnerId();
  if (existing) return existing;
  const id = newLearnerId();
  (await cookies()).set(LEARNER_COOKIE, signLearnerId(id), cookieOptions());
  return id;
}
