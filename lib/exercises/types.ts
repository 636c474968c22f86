import type { DIFFICULTIES } from "../content/schema";
import type { ResultTable } from "./result";
import type { ExerciseKind, ExerciseTopic } from "./schema";

// What ingest writes to generated/exercises.json and the practice pages read.

export const EXERCISES_FILE = "exercises.json";

export interface DatasetColumn {
  name: string;
  type: string;
  nullable: boolean;
  description: string;
}
export interface DatasetTable {
  name: string;
  description: string;
  rows: number;
  columns: DatasetColumn[];
}
export interface PublicDataset {
  id: string;
  title: string;
  summary: string;
  html: string;
  setupSql: string;
  tables: DatasetTable[];
  hash: string;
}

export interface PublicExercise {
  id: string;
  title: string;
  kind: ExerciseKind;
  topic: ExerciseTopic;
  difficulty: (typeof DIFFICULTIES)[number];
  dataset: string | null;
  dialect: "postgres";
  ordered: boolean;
  function: string | null;
  companies: string[];
  chapter: string;
  keyIdeas: string[];
  hints: string[];
  tags: string[];
  file: string;
  promptHtml: string;
  /** Shown only after a pass or giving up; the page never sends them before. */
  solutions: string[];
  check: string | null;
  tests: string | null;
  probes: { requirement: string; expectError: boolean; sql: string }[];
  /** SQL: the verified result of the reference solution. */
  expected: ResultTable | null;
  hash: string;
}

export interface ExerciseArtifacts {
  datasets: PublicDataset[];
  exercises: PublicExercise[];
}
