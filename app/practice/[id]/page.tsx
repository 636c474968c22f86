import Link from "next/link";
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { ExerciseWorkbench } from "@/components/practice/exercise-workbench";
import { DatasetSchema } from "@/components/practice/dataset-schema";
import { practicePage } from "@/lib/exercises/page";

export const dynamic = "force-dynamic";

export async function generateMetadata({ params }: { params: Promise<{ id: string }> }): Promise<Metadata> {
  const p = await practicePage((await params).id, { schedule: false });
  return { title: p ? p.exercise.title : "Exercise" };
}

export default async function ExercisePage({ params }: { params: Promise<{ id: string }> }) {
  const p = await practicePage((await params).id, { schedule: true });
  if (!p) notFound();
  const { exercise, dataset, schedule, engineUrl, snapshotUrl, topicTitle } = p;
  return (
    <div className="practice-page">
      <p className="breadcrumbs">
        <Link href="/practice">Practice</Link> › <Link href={`/practice?topic=${exercise.topic}`}>{topicTitle}</Link>
      </p>
      <h1>{exercise.title}</h1>
      <p className="meta">
        {exercise.kind.toUpperCase()} · {exercise.difficulty} · {exercise.kind === "sql" ? `PostgreSQL (PGlite)${exercise.ordered ? " · row order matters" : " · row order ignored"}` : exercise.kind === "python" ? "Python 3 (Pyodide), standard library" : "PostgreSQL DDL"}
        {" · "}
        <span data-testid="schedule">{schedule ? `next review ${new Date(schedule.due).toISOString().slice(0, 16).replace("T", " ")} UTC` : "not scheduled yet"}</span>
      </p>
      <div className="practice-columns">
        <section aria-label="Task" className="practice-prompt">
          <div dangerouslySetInnerHTML={{ __html: exercise.promptHtml }} />
          {dataset && <DatasetSchema dataset={dataset} />}
        </section>
        <section aria-label="Your solution" className="practice-work">
          <ExerciseWorkbench exercise={exercise} data={{ snapshotUrl, setupSql: snapshotUrl ? null : (dataset?.setupSql ?? null) }} engineUrl={engineUrl} />
        </section>
      </div>
    </div>
  );
}
