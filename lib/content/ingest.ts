import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import type { Db } from "../db/client";
import { syncQuestions, type QuestionRow, type SyncReport } from "../db/sync-questions";
import { buildSearchIndex, searchDocs, SEARCH_FILE } from "../search/index";
import { BUNDLE_FILE, encodeBundle, readBundle } from "./index";
import { gitDates } from "./git-dates";
import { ContentError } from "./issues";
import type { ContentBundle } from "./types";
import { EXERCISES_FILE, type ExerciseArtifacts } from "../exercises/types";
import { exerciseRows } from "../exercises/cards";
import { noSnapshotsYet, SnapshotWriter, type SnapshotReport } from "../exercises/snapshot-writer";
import { computeLoadouts, loadoutIssues } from "../quiz/loadout";
import { conceptKeys } from "./siblings";
import { pipelineFingerprint, RenderCache } from "./render-cache";
import { ContentFiles } from "./content-files";

export interface IngestReport {
  sync: SyncReport;
  counts: { chapters: number; caseStudies: number; questions: number; glossary: number };
  ms: number;
  /** True when nothing that shapes the output changed since the last ingest into `outDir`: the files were kept. */
  reused: boolean;
  /** Milliseconds per step, for `npm run bench`; and how many documents came from the render cache. */
  phases: Record<string, number>;
  rendered: { cached: number; fresh: number; freshByKind: Record<string, number> };
}

const STAMP_FILE = "ingest-stamp.json";
interface Stamp {
  fingerprint: string;
  counts: IngestReport["counts"];
  /** Every Question row the database must hold (questions and exercises), as the full ingest synced them. */
  rows: QuestionRow[];
}
const OUTPUTS = [BUNDLE_FILE, SEARCH_FILE, EXERCISES_FILE];

/**
 * Validate everything, write the bundle files under temp names, sync the database in one transaction,
 * then rename the files into place. Any content error throws before anything is written; a failure
 * to write the files leaves the database untouched; a failed transaction leaves the old files.
 */
export async function ingest(db: Db, roots: string[], outDir: string, opts: { force?: boolean } = {}): Promise<IngestReport> {
  const started = performance.now();
  const phases: Record<string, number> = {};
  let mark = started;
  const lap = (name: string) => {
    const now = performance.now();
    phases[name] = Math.round(now - mark);
    mark = now;
  };
  // A restart with nothing changed (npm start re-ingests every time) only re-syncs the database from the
  // bundle it already wrote: rendering 1,600 files is the cost, and its inputs are all in the fingerprint.
  // The pipeline's own code shapes the output as much as the content does: an edit to lib/ or an upgraded
  // package must rebuild the bundle even when no markdown changed, and must not reuse cached renders.
  const pipeline = pipelineFingerprint();
  // Read once: the loaders below take the bytes and digests from here instead of the disk.
  const files = ContentFiles.read(roots);
  const fingerprint = files.fingerprint(pipeline);
  lap("fingerprint");
  if (!opts.force) {
    const reused = await reuseOutputs(db, outDir, fingerprint, started);
    if (reused) return { ...reused, phases: { ...phases, ...reused.phases } };
  }
  // The render pipeline (remark, rehype, shiki) and the exercise verifier take ~0.4 s to import: only a
  // run that rebuilds loads them, so a restart with nothing changed stays quick.
  const [{ loadContent }, { checkExercises, hasCheckCache, startExerciseEngines }] = await Promise.all([import("./load"), import("../exercises/check")]);
  // A first ingest runs every reference solution and builds every snapshot: tens of seconds of engine
  // work in worker threads that needs none of the render. Starting the engines now overlaps PGlite's
  // initdb and Pyodide's load with the render on the main thread.
  // Only when there are exercises or datasets at all: tests ingest content without them into a fresh
  // directory many times, and would start (then stop) four idle engines each time.
  const has = (dir: string) => roots.some((r) => fs.existsSync(path.join(r, dir)));
  const engines = !has("exercises") || hasCheckCache(outDir) ? undefined : startExerciseEngines();
  const snapshots = new SnapshotWriter(outDir);
  if (has("datasets") && noSnapshotsYet(outDir)) void snapshots.start();
  let snapshotRun: Promise<SnapshotReport> | null = null;
  // Everything up to the written files; the finally below stops the engines on every path.
  const prepare = async () => {
    // Files rendered by an earlier ingest into outDir come from the cache: an edit re-renders only itself.
    const cache = RenderCache.open(outDir, "html", pipeline);
    lap("cacheRead");
    const { bundle, sectionTexts, issues, anchors, plainTexts } = loadContent(roots, { cache, files });
    lap("load");
    // Loadouts depend on the content alone: worked out here once, not on every interview-deck request.
    // Cached on the fields they are computed from: tool matching over every question costs ~50 ms.
    const loadoutInput = JSON.stringify([
      bundle.questions.map((q) => [q.id, q.open, q.companies, q.tags, q.questionText]),
      bundle.caseStudies.map((c) => [c.id, c.stack, c.questions]),
    ]);
    bundle.loadouts = cache.get(["loadouts", createHash("sha256").update(loadoutInput).digest("base64url")], () => computeLoadouts(bundle));
    issues.push(...loadoutIssues(bundle, bundle.loadouts));
    lap("loadouts");
    if (issues.length) {
      // Kept even when the content has problems: the next run, after the fix, re-renders only the fixed file.
      cache.save({ prune: false });
      throw new ContentError(issues);
    }
    // Exercises are verified by running their reference solutions; unchanged ones come from the cache.
    // Snapshots are built from the datasets as soon as they are loaded, beside the solutions.
    const exercises = await checkExercises({
      roots,
      cacheDir: outDir,
      anchors,
      renderCache: cache,
      source: files,
      engines,
      onDatasets: (datasets) => {
        snapshotRun = snapshots.write(datasets);
        snapshotRun.catch(() => undefined); // awaited below, unless the check fails first
      },
    });
    lap("exercises");
    if (exercises.issues.length) {
      cache.save({ prune: false });
      throw new ContentError(exercises.issues);
    }
    const updated = gitDates(roots.map((r) => path.relative(process.cwd(), r) || "."), process.cwd(), cache);
    for (const doc of [...bundle.chapters, ...bundle.caseStudies]) doc.updated = updated.get(doc.file);
    lap("gitDates");
    cache.save();
    lap("cacheSave");

    const searchJson = buildSearchIndex(searchDocs(bundle, sectionTexts, plainTexts));
    lap("search");
    fs.mkdirSync(outDir, { recursive: true });
    // Content-addressed files: writing them before the bundle is renamed into place is safe.
    await (snapshotRun ?? snapshots.write(exercises.artifacts.datasets));
    lap("snapshots");
    return { bundle, exercises, searchJson, cache };
  };
  let prepared: Awaited<ReturnType<typeof prepare>>;
  try {
    prepared = await prepare();
  } finally {
    // Engines the check never reached (a content error stopped ingest before it), and a snapshot run
    // cut short by a failed check: a half-written snapshot is a temp file the next run removes.
    await Promise.all([...(engines?.sql ?? []).map((e) => e.close()), engines?.python.close(), snapshots.close()]);
  }
  const { bundle, exercises, searchJson, cache } = prepared;
  const staged = [stage(path.join(outDir, SEARCH_FILE), searchJson)];
  let sync: SyncReport;
  let rows: QuestionRow[];
  try {
    staged.push(stage(path.join(outDir, BUNDLE_FILE), encodeBundle(bundle)));
    staged.push(stage(path.join(outDir, EXERCISES_FILE), JSON.stringify(exercises.artifacts)));
    lap("write");
    // Exercises are cards too; their `ex-` ids never collide with question ids.
    rows = [...questionRows(bundle), ...exerciseRows(exercises.artifacts.exercises)];
    sync = await syncQuestions(db, rows);
  } catch (err) {
    for (const s of staged) fs.rmSync(s.tmp, { force: true });
    throw err;
  }
  // Renames within one directory are atomic and do not fail for lack of space.
  for (const s of staged) fs.renameSync(s.tmp, s.file);
  // The JSON bundle of earlier versions: nothing reads it any more.
  fs.rmSync(path.join(outDir, "content.json"), { force: true });
  lap("sync");
  // Written last: a crash before this line means the next ingest does the full work again. It carries
  // what a restart with nothing changed needs (the rows to sync, the counts to report), so that run does
  // not decode the bundle (16 MB then): that alone was ~150-210 ms of its ~260-300.
  const stamp: Stamp = { fingerprint, counts: countsOf(bundle), rows };
  fs.writeFileSync(path.join(outDir, STAMP_FILE), JSON.stringify(stamp));
  return { sync, counts: countsOf(bundle), ms: Math.round(performance.now() - started), reused: false, phases, rendered: { cached: cache.hits, fresh: cache.misses, freshByKind: cache.freshByKind } };
}

/** The Question rows of a bundle, each with its sibling group's concept key (null without siblings). */
function questionRows(bundle: ContentBundle): QuestionRow[] {
  const concepts = conceptKeys(bundle.questions);
  return bundle.questions.map((q) => ({ id: q.id, topic: q.topic, difficulty: q.difficulty, chapter: q.chapter, hash: q.hash, concept: concepts.get(q.id) ?? null }));
}

const countsOf = (b: ContentBundle) => ({ chapters: b.chapters.length, caseStudies: b.caseStudies.length, questions: b.questions.length, glossary: b.glossary.length });

async function reuseOutputs(db: Db, outDir: string, fingerprint: string, started: number): Promise<IngestReport | null> {
  const stampFile = path.join(outDir, STAMP_FILE);
  if (!fs.existsSync(stampFile) || !OUTPUTS.every((f) => fs.existsSync(path.join(outDir, f)))) return null;
  let stamp: unknown;
  try {
    stamp = JSON.parse(fs.readFileSync(stampFile, "utf8"));
  } catch (err) {
    console.warn(`ingest: ignoring an unreadable ${STAMP_FILE} (${(err as Error).message}); doing a full ingest`);
    return null;
  }
  if ((stamp as { fingerprint?: unknown })?.fingerprint !== fingerprint) return null;
  // Our own files, written by the full ingest whose fingerprint matched; a stamp from before the rows
  // were kept in it falls back to reading them from the bundle.
  let { rows, counts } = stamp as Partial<Stamp>;
  if (!rows || !counts) {
    const bundle = readBundle(path.join(outDir, BUNDLE_FILE));
    const artifacts = JSON.parse(fs.readFileSync(path.join(outDir, EXERCISES_FILE), "utf8")) as ExerciseArtifacts;
    rows = [...questionRows(bundle), ...exerciseRows(artifacts.exercises)];
    counts = countsOf(bundle);
  }
  // The database may be new (or another one) even when the files are current, so it is still synced.
  const sync = await syncQuestions(db, rows);
  const ms = Math.round(performance.now() - started);
  return { sync, counts, ms, reused: true, phases: { reuse: ms }, rendered: { cached: 0, fresh: 0, freshByKind: {} } };
}

function stage(file: string, data: string | Buffer): { file: string; tmp: string } {
  const tmp = `${file}.${process.pid}.tmp`;
  try {
    fs.writeFileSync(tmp, data);
  } catch (err) {
    fs.rmSync(tmp, { force: true });
    throw err;
  }
  return { file, tmp };
}
