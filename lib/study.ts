// Learner-facing summaries that combine content with stored progress, for pages.
import { getContent, isQuizzable } from "./content/index";
import { db } from "./db/client";
import { getProgress, type Progress } from "./quiz/progress";

export function quizzableTopics(): Map<string, string> {
  const content = getContent();
  return new Map(content.questions.filter(isQuizzable).map((q) => [q.id, q.topic]));
}

export async function learnerProgress(learnerId: string | null, now = new Date(), tz?: string): Promise<Progress> {
  // A visitor without a cookie has no rows; the same query gives an empty report.
  return getProgress(db(), learnerId ?? "", quizzableTopics(), now, tz);
}
