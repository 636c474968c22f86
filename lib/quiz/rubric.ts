import type { Rating } from "./enums";

/**
 * The grade a key-point checklist suggests. Recalling under half of the points is a failure, so it is
 * Again, never Hard: FSRS treats Hard as a pass, and using it for a lapse inflates the next interval.
 * Easy is never proposed; it is the learner's call.
 */
export function proposeGrade(ticked: number, total: number): Rating | null {
  if (total <= 0) return null;
  const ratio = Math.min(ticked, total) / total;
  if (ratio >= 1) return 3;
  if (ratio >= 0.5) return 2;
  return 1;
}
