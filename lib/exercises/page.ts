import { db } from "../db/client";
import { currentLearnerId } from "../learner/session";
import { engineBase } from "./engine-files";
import { snapshotUrl } from "./snapshots";
import { exerciseForPage, exerciseSchedule, practiceList, type PracticeFilter } from "./index";
import { EXERCISE_KINDS, EXERCISE_TOPICS, type ExerciseKind } from "./schema";

// One call per practice page: everything the page renders, for the current learner.

export async function practicePage(id: string, opts: { schedule: boolean }) {
  const found = exerciseForPage(id);
  if (!found) return null;
  const { exercise, dataset } = found;
  const schedule = opts.schedule ? await exerciseSchedule(db(), await currentLearnerId(), id) : null;
  return {
    exercise,
    // The page never needs the dataset's SQL source rendered; the worker loads it.
    dataset,
    schedule,
    topicTitle: EXERCISE_TOPICS[exercise.topic],
    engineUrl: engineBase(exercise.kind === "python" ? "pyodide" : "pglite"),
    // The worker starts from the dataset's ingest-time snapshot; the SQL source is the fallback, sent
    // only when no snapshot exists (it would otherwise double the page's bytes).
    snapshotUrl: dataset ? snapshotUrl(dataset) : null,
  };
}

export async function practiceIndex(sp: Record<string, string | undefined>) {
  const filter: PracticeFilter = {
    kind: EXERCISE_KINDS.includes(sp.kind as ExerciseKind) ? (sp.kind as ExerciseKind) : undefined,
    topic: sp.topic && sp.topic in EXERCISE_TOPICS ? sp.topic : undefined,
    difficulty: ["junior", "mid", "senior"].includes(sp.difficulty ?? "") ? sp.difficulty : undefined,
    company: sp.company && /^[a-z0-9-]{1,60}$/.test(sp.company) ? sp.company : undefined,
    chapter: sp.chapter && /^[a-z0-9-]{1,80}$/.test(sp.chapter) ? sp.chapter : undefined,
  };
  return { filter, ...(await practiceList(db(), await currentLearnerId(), filter, new Date())) };
}
