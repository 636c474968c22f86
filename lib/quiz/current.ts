// The facade for the learner of the current request (signed cookie, time-zone cookie).
import { db } from "../db/client";
import { currentLearnerId, currentTimeZone, ensureLearnerId } from "../learner/session";
import { quizSession } from "./session";

/** For routes that write: creates the learner cookie if the visitor has none. */
export async function currentQuiz() {
  const [learnerId, tz] = await Promise.all([ensureLearnerId(), currentTimeZone()]);
  return quizSession(db(), learnerId, { tz });
}

/** For pages, which may not set cookies: a visitor without one reads as an empty learner. */
export async function viewerQuiz() {
  const [learnerId, tz] = await Promise.all([currentLearnerId(), currentTimeZone()]);
  return quizSession(db(), learnerId ?? "", { tz });
}
