// When an answer happened. Online it is now; an answer queued offline carries the device's time and is
// scheduled at that time, so the window it may fall in is checked here, against the server's clock.
import { AppError } from "../app-error";
import { ANSWER_CLOCK_SKEW_MS, ANSWER_MAX_AGE_DAYS, DAY_MS } from "./rules";

/**
 * The time to grade at: `reviewedAt` when it is in the window, `now` when absent or ahead by no more than
 * the allowed skew (clocks drift; an answer cannot come from the future). Otherwise a 422 the client shows
 * and drops the answer for (retrying cannot make it valid).
 */
export function answerTime(reviewedAt: string | undefined, now: Date): Date {
  if (reviewedAt === undefined) return now;
  const at = new Date(reviewedAt);
  const ahead = at.getTime() - now.getTime();
  if (ahead > ANSWER_CLOCK_SKEW_MS) {
    throw new AppError(422, `reviewedAt is ${Math.round(ahead / 60_000)} minutes ahead of the server's clock; check this device's date and time.`);
  }
  if (ahead > 0) return now;
  if (-ahead > ANSWER_MAX_AGE_DAYS * DAY_MS) {
    throw new AppError(422, `This answer is more than ${ANSWER_MAX_AGE_DAYS} days old (reviewedAt ${at.toISOString()}), so it was not stored.`);
  }
  return at;
}
