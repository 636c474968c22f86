import fs from "node:fs";
import path from "node:path";
import type { Db } from "../db/client";
import { generatedDir } from "../paths";
import { EXERCISE_TOPICS, type ExerciseKind } from "./schema";
import { EXERCISES_FILE, type ExerciseArtifacts, type PublicDataset, type PublicExercise } from "./types";

// Read side of exercises for pages and routes: the verified artifacts that ingest wrote.

interface Indexed extends ExerciseArtifacts {
  byId: Map<string, PublicExercise>;
  datasetById: Map<string, PublicDataset>;
}
const cache = globalThis as unknown as { __exercises?: { mtimeMs: number; file: string; data: Indexed } };

export function getExerciseArtifacts(): Indexed {
  const file = path.join(generatedDir(), EXERCISES_FILE);
  let mtimeMs = 0;
  try {
    mtimeMs = fs.statSync(file).mtimeMs;
  } catch (err) {
    void err;
    // No exercises ingested yet: an empty catalogue, not a crash.
    return { exercises: [], datasets: [], byId: new Map(), datasetById: new Map() };
  }
  if (cache.__exercises?.file === file && cache.__exercises.mtimeMs === mtimeMs) return cache.__exercises.data;
  const raw = JSON.parse(fs.readFileSync(file, "utf8")) as ExerciseArtifacts;
  const data: Indexed = { ...raw, byId: new Map(raw.exercises.map((e) => [e.id, e])), datasetById: new Map(raw.datasets.map((d) => [d.id, d])) };
  cache.__exercises = { file, mtimeMs, data };
  return data;
}

/** What the exercise page may send to the browser before a pass: no solutions. */
export type ExerciseForPage = Omit<PublicExercise, "solutions" | "keyIdeas" | "file">;

export function exerciseForPage(id: string): { exercise: ExerciseForPage; dataset: PublicDataset | null } | null {
  const a = getExerciseArtifacts();
  const ex = a.byId.get(id);
  if (!ex) return null;
  const { solutions: _s, keyIdeas: _k, file: _f, ...rest } = ex;
  void _s, void _k, void _f;
  return { exercise: rest, dataset: ex.dataset ? (a.datasetById.get(ex.dataset) ?? null) : null };
}

export function revealExercise(id: string): { solutions: string[]; keyIdeas: string[]; chapter: string } | null {
  const ex = getExerciseArtifacts().byId.get(id);
  return ex ? { solutions: ex.solutions, keyIdeas: ex.keyIdeas, chapter: ex.chapter } : null;
}

export interface PracticeFilter {
  kind?: ExerciseKind;
  topic?: string;
  difficulty?: string;
  company?: string;
  /** A chapter id: the exercises whose `chapter:` link points into it ("practise this chapter"). */
  chapter?: string;
}

const chapterOf = (e: Pick<PublicExercise, "chapter">) => e.chapter.split("#")[0];

/** How many exercises practise a chapter, for its "Practise this chapter" link. */
export function exerciseCountForChapter(chapterId: string): number {
  return getExerciseArtifacts().exercises.filter((e) => chapterOf(e) === chapterId).length;
}

export interface PracticeRow {
  id: string;
  title: string;
  kind: ExerciseKind;
  topic: string;
  topicTitle: string;
  difficulty: string;
  companies: string[];
  due: string | null;
  isDue: boolean;
}

/** The /practice list with each exercise's schedule for this learner (one query over their ex- cards). */
export async function practiceList(db: Db, learnerId: string | null, filter: PracticeFilter, now: Date) {
  const all = getExerciseArtifacts().exercises;
  const cards = learnerId
    ? await db.card.findMany({ where: { learnerId, questionId: { startsWith: "ex-" } }, select: { questionId: true, due: true, suspended: true } })
    : [];
  const dueOf = new Map(cards.filter((c) => !c.suspended).map((c) => [c.questionId, c.due]));
  const rows: PracticeRow[] = all
    .filter(
      (e) =>
        (!filter.kind || e.kind === filter.kind) &&
        (!filter.topic || e.topic === filter.topic) &&
        (!filter.difficulty || e.difficulty === filter.difficulty) &&
        (!filter.company || e.companies.includes(filter.company)) &&
        (!filter.chapter || chapterOf(e) === filter.chapter),
    )
    .map((e) => {
      const due = dueOf.get(e.id) ?? null;
      return {
        id: e.id,
        title: e.title,
        kind: e.kind,
        topic: e.topic,
        topicTitle: EXERCISE_TOPICS[e.topic],
        difficulty: e.difficulty,
        companies: e.companies,
        due: due?.toISOString() ?? null,
        isDue: !!due && due <= now,
      };
    });
  const topics = [...new Set(all.map((e) => e.topic))].map((t) => ({
    id: t,
    title: EXERCISE_TOPICS[t],
    kind: all.find((e) => e.topic === t)!.kind,
    count: all.filter((e) => e.topic === t).length,
    due: all.filter((e) => e.topic === t && (dueOf.get(e.id)?.getTime() ?? Infinity) <= now.getTime()).length,
  }));
  return { rows, topics, total: all.length, dueTotal: [...dueOf.values()].filter((d) => d <= now).length };
}

/** The learner's schedule for one exercise, shown on its page (kept across reloads). */
export async function exerciseSchedule(db: Db, learnerId: string | null, id: string) {
  if (!learnerId) return null;
  const card = await db.card.findUnique({ where: { learnerId_questionId: { learnerId, questionId: id } }, select: { due: true, reps: true, state: true } });
  return card ? { due: card.due.toISOString(), reps: card.reps, state: card.state } : null;
}
