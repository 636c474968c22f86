// The FSRS grade a practice attempt proposes; the learner can override it before it is recorded.
// Ratings follow ts-fsrs: 1 Again, 2 Hard, 3 Good, 4 Easy.

export interface Attempt {
  passed: boolean;
  gaveUp: boolean;
  hintsUsed: number;
  /** Runs (graded executions) up to and including the passing one. */
  runs: number;
  /** Time from opening the exercise to passing it. */
  elapsedMs: number;
  difficulty: "junior" | "mid" | "senior";
}

/** "Quickly" for an Easy grade: how long a fluent solver needs, by difficulty. */
export const QUICK_MS = { junior: 3 * 60_000, mid: 6 * 60_000, senior: 10 * 60_000 } as const;

export function proposeGrade(a: Attempt): 1 | 2 | 3 | 4 {
  if (a.gaveUp || !a.passed) return 1;
  if (a.hintsUsed > 0 || a.runs >= 3) return 2;
  if (a.runs === 1 && a.elapsedMs <= QUICK_MS[a.difficulty]) return 4;
  return 3;
}

export const GRADE_LABELS = { 1: "Again", 2: "Hard", 3: "Good", 4: "Easy" } as const;
