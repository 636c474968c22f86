import type { ExerciseKind } from "./schema";
import type { PublicExercise } from "./types";

// Exercises are scheduled as quiz cards: their ids go into the same Question table, under the
// topics.yml topic that covers their kind, so the quiz's storage, undo and stats need no changes.

export const QUIZ_TOPIC_OF_KIND: Record<ExerciseKind, string> = {
  sql: "sql",
  python: "python",
  modeling: "dimensional-modeling",
};

export function exerciseRows(exercises: PublicExercise[]) {
  return exercises.map((e) => ({ id: e.id, topic: QUIZ_TOPIC_OF_KIND[e.kind], difficulty: e.difficulty, chapter: e.chapter, hash: e.hash }));
}

/** How progress and stats name each kind's row of exercise cards. */
export const EXERCISE_KIND_TITLES: Record<ExerciseKind, string> = {
  sql: "SQL exercises",
  python: "Python exercises",
  modeling: "Data-modeling exercises",
};
