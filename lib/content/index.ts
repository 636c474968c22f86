// The typed API pages use to read content. It reads the bundle that `npm run ingest` writes.
import fs from "node:fs";
import path from "node:path";
import v8 from "node:v8";
import { generatedDir } from "../paths";
import type { CaseStudy, Chapter, ContentBundle, Question, Topic } from "./types";
import { DIFFICULTIES, STAGES, type Stage } from "./schema";

export type { CaseStudy, Chapter, ContentBundle, GlossaryTerm, Question, Topic } from "./types";
export { DIFFICULTIES, PARTS, PART_TITLES, STAGES, STAGE_TITLES } from "./schema";

export const BUNDLE_FILE = "content.v8";

/**
 * The bundle on disk is v8-serialized, not JSON: ~9.5 MB of mostly HTML took ~100 ms to write as JSON
 * (stringify, then UTF-8 encoding of a two-byte string) and ~50 ms to parse; v8 takes ~20 and ~10. Only
 * ingest writes it and only this module reads it, on the same Node.
 */
export const encodeBundle = (bundle: ContentBundle): Buffer => v8.serialize(bundle);

export function readBundle(file: string): ContentBundle {
  return v8.deserialize(fs.readFileSync(file)) as ContentBundle;
}

interface Indexed extends ContentBundle {
  chapterById: Map<string, Chapter>;
  questionById: Map<string, Question>;
  caseStudyById: Map<string, CaseStudy>;
  topicById: Map<string, Topic>;
}

const cache = globalThis as unknown as { __content?: { file: string; data: Indexed } };

/**
 * The bundle, read once per process. Pages are prerendered from it at build time (with
 * dynamicParams=false), so re-reading a newer bundle at run time would let the quiz serve questions
 * whose pages 404: new content needs `npm start` (ingest, build, serve) or a restart after a rebuild.
 */
export function getContent(): Indexed {
  const file = path.join(generatedDir(), BUNDLE_FILE);
  if (cache.__content?.file === file) return cache.__content.data;
  let bundle: ContentBundle;
  try {
    bundle = readBundle(file);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === "ENOENT") throw new Error(`No content bundle at ${file}. Run \`npm run ingest\` first.`);
    throw err;
  }
  const data: Indexed = {
    ...bundle,
    chapterById: new Map(bundle.chapters.map((c) => [c.id, c])),
    questionById: new Map(bundle.questions.map((q) => [q.id, q])),
    caseStudyById: new Map(bundle.caseStudies.map((c) => [c.id, c])),
    topicById: new Map(bundle.topics.map((t) => [t.id, t])),
  };
  cache.__content = { file, data };
  return data;
}

export const getChapters = () => getContent().chapters;
export const getChapter = (id: string) => getContent().chapterById.get(id);
export const getCaseStudies = () => getContent().caseStudies;
export const getCaseStudy = (id: string) => getContent().caseStudyById.get(id);
export const getTopics = () => getContent().topics;
export const getTopic = (id: string) => getContent().topicById.get(id);
export const getQuestion = (id: string) => getContent().questionById.get(id);
export const getGlossary = () => getContent().glossary;

export interface QuestionFilter {
  topic?: string;
  difficulty?: string;
  chapter?: string;
  company?: string;
}

export function getQuestions(filter: QuestionFilter = {}): Question[] {
  return getContent().questions.filter(
    (q) =>
      (!filter.topic || q.topic === filter.topic) &&
      (!filter.difficulty || q.difficulty === filter.difficulty) &&
      (!filter.chapter || q.chapter.split("#")[0] === filter.chapter) &&
      (!filter.company || q.companies.includes(filter.company)),
  );
}

/** Questions a learner can be quizzed on: answered ones (open questions have nothing to grade against). */
export function isQuizzable(q: Question): boolean {
  return !q.open;
}

/** Previous and next chapter in reading order. */
export function chapterNeighbours(id: string): { prev?: Chapter; next?: Chapter } {
  const list = getChapters();
  const i = list.findIndex((c) => c.id === id);
  return { prev: i > 0 ? list[i - 1] : undefined, next: i >= 0 && i < list.length - 1 ? list[i + 1] : undefined };
}

export function topicsByStage(): Record<Stage, Topic[]> {
  const out = Object.fromEntries(STAGES.map((s) => [s, [] as Topic[]])) as Record<Stage, Topic[]>;
  for (const t of getTopics()) if (t.stage) out[t.stage].push(t);
  return out;
}

export function isDifficulty(value: string): value is (typeof DIFFICULTIES)[number] {
  return (DIFFICULTIES as readonly string[]).includes(value);
}
