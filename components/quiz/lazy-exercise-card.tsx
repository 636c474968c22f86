"use client";
import dynamic from "next/dynamic";

// The workbench brings CodeMirror and the worker host: loaded only when an exercise card comes up, so
// the quiz page's first load (a flip-card deck) stays within its JS budget (test/e2e/js-budget.spec.ts).
export const LazyExerciseCard = dynamic(() => import("./exercise-card").then((m) => m.ExerciseCard), {
  ssr: false,
  loading: () => <p className="muted">Loading the exercise…</p>,
});
