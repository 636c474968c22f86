// What quiz routes need for one learner and deck: settings, the deck's question ids, the interview scope.
import { db } from "../db/client";
import { deckIds, interviewScope, type DeckSpec } from "./decks";
import { getSettings } from "./settings";
import { daysUntilInterview } from "./settings";

export async function quizContext(learnerId: string, deck: DeckSpec, now: Date) {
  const settings = await getSettings(db(), learnerId);
  const ids = await deckIds(db(), learnerId, deck, settings);
  const scope = daysUntilInterview(settings, now) !== null ? new Set(interviewScope(settings)) : null;
  return { settings, ids, scope };
}
