// What quiz routes need for one learner: settings, a deck's question ids, the interview scope.
import { db } from "../db/client";
import { deckIds, interviewScope, type DeckSpec } from "./decks";
import { daysUntilInterview, getSettings, type LearnerSettings } from "./settings";

/** The questions an upcoming interview covers, or null when no interview is ahead. */
export function activeInterviewScope(settings: LearnerSettings, now: Date): Set<string> | null {
  return daysUntilInterview(settings, now) !== null ? new Set(interviewScope(settings)) : null;
}

export async function quizContext(learnerId: string, deck: DeckSpec, now: Date) {
  const settings = await getSettings(db(), learnerId);
  const ids = await deckIds(db(), learnerId, deck, settings);
  return { settings, ids, scope: activeInterviewScope(settings, now) };
}
