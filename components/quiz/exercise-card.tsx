"use client";
import Link from "next/link";
import type { ExerciseCardView } from "@/lib/quiz/dto";
import { DatasetSchema } from "@/components/practice/dataset-schema";
import { ExerciseWorkbench, type AttemptResult } from "@/components/practice/exercise-workbench";

// An exercise inside a quiz deck or a mock round: the practice page's prompt, dataset and workbench.
// The host grades it (its grade bar, undo and tally), starting from the workbench's proposed grade.
export function ExerciseCard({ view, badges, onFinish }: { view: ExerciseCardView; badges?: React.ReactNode; onFinish: (r: AttemptResult) => void }) {
  const { exercise, dataset, data, engineUrl } = view;
  return (
    <div className="exercise-card" data-testid="quiz-exercise">
      <div className="tags">
        {badges}
        <span className="badge">{exercise.kind === "modeling" ? "data modeling" : exercise.kind.toUpperCase()} exercise</span>
        <span className={`badge ${exercise.difficulty}`}>{exercise.difficulty}</span>
      </div>
      <h2 className="exercise-title">
        {exercise.title}{" "}
        <Link href={`/practice/${exercise.id}`} className="muted" style={{ fontSize: "0.8em", fontWeight: "normal" }}>
          (open on its own page)
        </Link>
      </h2>
      <div className="question" dangerouslySetInnerHTML={{ __html: exercise.promptHtml }} />
      {dataset && <DatasetSchema dataset={dataset} />}
      <ExerciseWorkbench exercise={exercise} data={data} engineUrl={engineUrl} onFinish={onFinish} />
    </div>
  );
}
