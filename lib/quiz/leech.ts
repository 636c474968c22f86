// Leeches: cards the learner keeps forgetting. As Anki: a card becomes a leech when a lapse brings it to
// the threshold, and is flagged again every half threshold after that (so unsuspending a leech that
// keeps failing suspends it again). The action either suspends it or only marks it; either way Progress
// lists it with a link to rewrite or report the question, since the fix is usually in the wording.
import type { LeechAction } from "./rules";

export interface LeechSettings {
  leechThreshold: number;
  leechAction: LeechAction;
}

/** Whether this lapse count triggers the leech action (only called on the grade that added a lapse). */
export function isLeechLapse(lapses: number, threshold: number): boolean {
  if (lapses < threshold) return false;
  return (lapses - threshold) % Math.max(1, Math.ceil(threshold / 2)) === 0;
}

/** Columns to add to the card written for a grade: nothing unless this grade added a lapse that triggers. */
export function leechUpdate(lapsesBefore: number, lapsesAfter: number, settings: LeechSettings): { leech?: true; suspended?: true } {
  if (lapsesAfter <= lapsesBefore || !isLeechLapse(lapsesAfter, settings.leechThreshold)) return {};
  return settings.leechAction === "suspend" ? { leech: true, suspended: true } : { leech: true };
}
