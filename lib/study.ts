// Learner-facing summaries that combine content with stored progress, for pages.
import { getContent, isQuizzable } from "./content/index";
import { db } from "./db/client";
import { getProgress, type Progress } from "./quiz/progress";
import { currentLearnerId, currentTimeZone } from "./learner/session";
import type { StudySummary } from "./quiz/dto";

export function quizzableTopics(): Map<string, string> {
  const content = getContent();
  return new Map(content.questions.filter(isQuizzable).map((q) => [q.id, q.topic]));
}

export async function learnerProgress(learnerId: string | null, now = new Date(), tz?: string): Promise<Progress> {
  // A visitor without a cookie has no rows; the same query gives an empty report.
  return getProgress(db(), learnerId ?? "", quizzableTopics(), now, tz);
}

/** The home page's "cards waiting" line for the request's learner (none without a cookie: everything new). */
export async function studySummary(now = new Date()): Promise<StudySummary> {
  const p = await learnerProgress(await currentLearnerId(), now, await currentTimeZone());
  return { dueNow: p.dueNow, newAvailableToday: p.newAvailableToday, studied: p.studied, totalQuestions: p.totalQuestions };
}
