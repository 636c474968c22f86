import fs from "node:fs";
import path from "node:path";
import type { Db } from "../db/client";
import { syncQuestions, type SyncReport } from "../db/sync-questions";
import { buildSearchIndex, searchDocs, SEARCH_FILE } from "../search/index";
import { BUNDLE_FILE } from "./index";
import { gitDates } from "./git-dates";
import { ContentError } from "./issues";
import { loadContent } from "./load";
import { checkExercises } from "../exercises/check";
import { EXERCISES_FILE } from "../exercises/types";
import { exerciseRows } from "../exercises/cards";
import { writeSnapshots } from "../exercises/snapshots";
import { computeLoadouts, loadoutIssues } from "../quiz/loadout";

export interface IngestReport {
  sync: SyncReport;
  counts: { chapters: number; caseStudies: number; questions: number; glossary: number };
  ms: number;
}

/**
 * Validate everything, write the bundle files under temp names, sync the database in one transaction,
 * then rename the files into place. Any content error throws before anything is written; a failure
 * to write the files leaves the database untouched; a failed transaction leaves the old files.
 */
export async function ingest(db: Db, roots: string[], outDir: string): Promise<IngestReport> {
  const started = performance.now();
  const { bundle, sectionTexts, issues } = loadContent(roots);
  // Loadouts depend on the content alone: worked out here once, not on every interview-deck request.
  bundle.loadouts = computeLoadouts(bundle);
  issues.push(...loadoutIssues(bundle, bundle.loadouts));
  if (issues.length) throw new ContentError(issues);
  // Exercises are verified by running their reference solutions; unchanged ones come from the cache.
  const exercises = await checkExercises({ roots, cacheDir: outDir });
  if (exercises.issues.length) throw new ContentError(exercises.issues);
  const updated = gitDates(roots.map((r) => path.relative(process.cwd(), r) || "."));
  for (const doc of [...bundle.chapters, ...bundle.caseStudies]) doc.updated = updated.get(doc.file);

  const searchJson = buildSearchIndex(searchDocs(bundle, sectionTexts));
  fs.mkdirSync(outDir, { recursive: true });
  // Content-addressed files: writing them before the bundle is renamed into place is safe.
  await writeSnapshots(exercises.artifacts.datasets, outDir);
  const staged = [stage(path.join(outDir, SEARCH_FILE), searchJson)];
  let sync: SyncReport;
  try {
    staged.push(stage(path.join(outDir, BUNDLE_FILE), JSON.stringify(bundle)));
    staged.push(stage(path.join(outDir, EXERCISES_FILE), JSON.stringify(exercises.artifacts)));
    sync = await syncQuestions(db, [
      ...bundle.questions.map((q) => ({ id: q.id, topic: q.topic, difficulty: q.difficulty, chapter: q.chapter, hash: q.hash })),
      // Exercises are cards too; their `ex-` ids never collide with question ids.
      ...exerciseRows(exercises.artifacts.exercises),
    ]);
  } catch (err) {
    for (const s of staged) fs.rmSync(s.tmp, { force: true });
    throw err;
  }
  // Renames within one directory are atomic and do not fail for lack of space.
  for (const s of staged) fs.renameSync(s.tmp, s.file);
  return {
    sync,
    counts: { chapters: bundle.chapters.length, caseStudies: bundle.caseStudies.length, questions: bundle.questions.length, glossary: bundle.glossary.length },
    ms: Math.round(performance.now() - started),
  };
}

function stage(file: string, data: string): { file: string; tmp: string } {
  const tmp = `${file}.${process.pid}.tmp`;
  try {
    fs.writeFileSync(tmp, data);
  } catch (err) {
    fs.rmSync(tmp, { force: true });
    throw err;
  }
  return { file, tmp };
}
