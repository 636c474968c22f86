import type { Db } from "../db/client";
import { directOf } from "../db/pg-direct";
import { rowToCard } from "./card-mapper";
import { cardSummaries, type CardSummary } from "./card-reads";
import { State } from "./enums";
import { retrievability } from "./scheduler";
import { getSettings, schedulerSettings, type LearnerSettings } from "./settings";

/**
 * Mean probability of recall on the interview day over the scope; unseen cards count as 0.
 * All of the learner's cards are read (as summaries) and filtered here: a scope can hold every question, and an
 * `IN (...)` over it grows with the content until SQLite refuses it.
 */
export async function projectedRecall(
  db: Db,
  learnerId: string,
  scope: string[],
  at: Date,
  loaded: { settings?: LearnerSettings; cards?: CardSummary[] } = {},
): Promise<{ recall: number; seen: number; total: number }> {
  const [settings, cards] = await Promise.all([loaded.settings ?? getSettings(db, learnerId), loaded.cards ?? cardSummaries(directOf(db), learnerId)]);
  const inScope = new Set(scope);
  const sched = schedulerSettings(settings, at, true);
  let sum = 0;
  let seen = 0;
  for (const c of cards) {
    if (c.state === State.New || !inScope.has(c.questionId)) continue;
    seen++;
    sum += retrievability(rowToCard(c), at, sched);
  }
  return { recall: inScope.size ? sum / inScope.size : 0, seen, total: inScope.size };
}
