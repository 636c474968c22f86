import { engineBase } from "./engine-files";
import { exerciseForPage } from "./index";
import { snapshotUrl } from "./snapshots";
import type { ExerciseCardView } from "../quiz/dto";

// What the browser needs to run one exercise outside its own page (a quiz deck, a mock round): the
// exercise without its solutions, the dataset's description, and where the engine and data load from.
// No database: the schedule comes with the card.
export function exerciseCardView(id: string): ExerciseCardView | null {
  const found = exerciseForPage(id);
  if (!found) return null;
  const { exercise, dataset } = found;
  // The worker starts from the ingest-time snapshot; the SQL source is the fallback, sent only without one.
  const snapshot = dataset ? snapshotUrl(dataset) : null;
  let described: ExerciseCardView["dataset"] = null;
  if (dataset) {
    const { setupSql: _sql, ...rest } = dataset;
    void _sql;
    described = rest;
  }
  return {
    exercise,
    dataset: described,
    data: { snapshotUrl: snapshot, setupSql: snapshot ? null : (dataset?.setupSql ?? null) },
    engineUrl: engineBase(exercise.kind === "python" ? "pyodide" : "pglite"),
  };
}
