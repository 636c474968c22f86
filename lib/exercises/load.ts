import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { validatedDoc } from "../content/frontmatter";
import { ContentFiles } from "../content/content-files";
import type { ContentIssue } from "../content/issues";
import { headingAnchors, renderMarkdown } from "../content/markdown";
import { RenderCache } from "../content/render-cache";
import { parseProbe, splitExerciseBody, type Probe } from "./parse";
import { datasetSchema, exerciseSchema, type DatasetMeta, type ExerciseMeta } from "./schema";

// Reads content/exercises/** and content/datasets/*.md into typed records, collecting `file:line`
// issues instead of throwing. Running the solutions is check.ts's job.

export interface LoadedDataset extends DatasetMeta {
  file: string;
  /** The description shown beside the prompt (sanitized HTML). */
  html: string;
  setupSql: string;
  setupLine: number;
  hash: string;
}

export interface LoadedExercise extends ExerciseMeta {
  file: string;
  prompt: string;
  promptHtml: string;
  promptLine: number;
  solutions: { code: string; line: number }[];
  /** SQL only: a query run after the learner's statements whose result is graded (for DML exercises). */
  check?: { code: string; line: number };
  /** Python only: the test module. */
  tests?: { code: string; line: number };
  probes: Probe[];
  lineOf: (path: PropertyKey[]) => number;
  /** Changes whenever anything that affects the expected result changes (content, not the dataset). */
  hash: string;
}

export interface ExerciseLoad {
  exercises: LoadedExercise[];
  datasets: LoadedDataset[];
  issues: ContentIssue[];
}

export function loadExercises(roots: string[], opts: { cwd?: string; html?: boolean; files?: string[]; cache?: RenderCache; source?: ContentFiles } = {}): ExerciseLoad {
  const cache = opts.cache ?? RenderCache.memory();
  const source = opts.source ?? ContentFiles.lazy();
  const cwd = opts.cwd ?? process.cwd();
  const rel = (f: string) => path.relative(cwd, f) || f;
  const out: ExerciseLoad = { exercises: [], datasets: [], issues: [] };
  const only = opts.files?.map((f) => path.resolve(cwd, f));
  for (const root of roots) {
    for (const file of mdFiles(path.join(root, "datasets"))) loadDataset(file, rel, out, opts.html !== false, cache, source);
    for (const file of mdFiles(path.join(root, "exercises"))) {
      if (only && !only.includes(path.resolve(file))) continue;
      loadExercise(file, rel, out, opts.html !== false, cache, source);
    }
  }
  out.exercises.sort((a, b) => a.kind.localeCompare(b.kind) || a.topic.localeCompare(b.topic) || a.id.localeCompare(b.id));
  out.datasets.sort((a, b) => a.id.localeCompare(b.id));
  return out;
}

function read<T extends typeof exerciseSchema | typeof datasetSchema>(file: string, rel: (f: string) => string, out: ExerciseLoad, kind: string, schema: T, cache: RenderCache, source: ContentFiles) {
  const name = rel(file);
  const doc = validatedDoc(cache, kind, name, source.bytes(file).toString("utf8"), schema, out.issues, source.digest(file));
  if (!doc) return null;
  if (path.basename(file) !== `${(doc.data as { id: string }).id}.md`) {
    out.issues.push({ file: name, line: doc.lineOf(["id"]), message: `The file must be named after its id: rename it to ${(doc.data as { id: string }).id}.md (keep the id: learners' progress is stored under it).` });
  }
  return { name, ...doc };
}

function loadDataset(file: string, rel: (f: string) => string, out: ExerciseLoad, html: boolean, cache: RenderCache, source: ContentFiles) {
  const doc = read(file, rel, out, "dataset", datasetSchema, cache, source);
  if (!doc) return;
  const data = doc.data as DatasetMeta;
  const lines = doc.body.split("\n");
  const start = lines.findIndex((l) => /^```sql\s+setup\s*$/.test(l));
  if (start === -1) {
    out.issues.push({ file: doc.name, line: doc.bodyLine, message: "A dataset needs one ```sql setup block with its CREATE TABLE, COMMENT ON and INSERT statements." });
    return;
  }
  const end = lines.findIndex((l, i) => i > start && /^```\s*$/.test(l));
  if (end === -1) {
    out.issues.push({ file: doc.name, line: doc.bodyLine + start, message: "The ```sql setup block is never closed. Add a closing ``` line." });
    return;
  }
  const setupSql = lines.slice(start + 1, end).join("\n");
  const description = [...lines.slice(0, start), ...lines.slice(end + 1)].join("\n");
  const r = html ? { html: cache.get(["dataset", doc.bodyLine, description], () => renderMarkdown(description, doc.bodyLine - 1, [headingAnchors]).html) } : { html: "" };
  out.datasets.push({
    ...data,
    file: doc.name,
    html: r.html,
    setupSql,
    setupLine: doc.bodyLine + start,
    hash: sha(setupSql),
  });
}

function loadExercise(file: string, rel: (f: string) => string, out: ExerciseLoad, html: boolean, cache: RenderCache, source: ContentFiles) {
  const doc = read(file, rel, out, "exercise", exerciseSchema, cache, source);
  if (!doc) return;
  const data = doc.data as ExerciseMeta;
  const folder = path.basename(path.dirname(file));
  if (folder !== data.topic) {
    out.issues.push({ file: doc.name, line: doc.lineOf(["topic"]), message: `The file is in exercises/${folder}/ but its topic is \`${data.topic}\`. Move it to exercises/${data.topic}/ or change the topic.` });
  }
  const split = splitExerciseBody(doc.name, doc.body, doc.bodyLine, data.kind);
  out.issues.push(...split.issues);
  const at = (role: string) => split.blocks.filter((b) => b.role === role).map((b) => ({ code: b.code, line: b.line }));
  const solutions = at("solution");
  const checks = at("check");
  const tests = at("tests");
  const probes: Probe[] = [];
  for (const b of split.blocks.filter((b) => b.role === "probe")) {
    const p = parseProbe(doc.name, b);
    if (p.issue) out.issues.push(p.issue);
    else if (p.probe) probes.push(p.probe);
  }
  const where = doc.bodyLine;
  if (split.prompt.length < 20) out.issues.push({ file: doc.name, line: where, message: "The prompt is missing or too short. Write the task above the solution blocks: what to return, its columns in order, and the sort order if it matters." });
  if (!solutions.length) out.issues.push({ file: doc.name, line: where, message: `Add at least one reference solution: a \`\`\`${data.kind === "python" ? "python" : "sql"} solution block after the prompt.` });
  if (checks.length > 1) out.issues.push({ file: doc.name, line: checks[1].line, message: "Give at most one ```sql check block." });
  if (data.kind === "python" && tests.length !== 1) out.issues.push({ file: doc.name, line: where, message: "A Python exercise needs exactly one ```python tests block: assert statements that call the function." });
  if (data.kind === "modeling" && probes.length < 2) out.issues.push({ file: doc.name, line: where, message: "A modeling exercise needs at least two ```sql probe blocks, each starting with `-- requirement: ...`." });
  if (data.kind === "sql" && data.ordered && !checks.length && !solutions.every((s) => /order\s+by/i.test(s.code))) {
    out.issues.push({ file: doc.name, line: doc.lineOf(["ordered"]), message: "`ordered: true` but a solution has no ORDER BY. Order every solution the way the prompt says." });
  }
  const promptHtml = html ? cache.get(["exercise-prompt", where, split.prompt], () => renderMarkdown(split.prompt, where - 1, []).html) : "";
  out.exercises.push({
    ...data,
    file: doc.name,
    prompt: split.prompt,
    promptHtml,
    promptLine: where,
    solutions,
    check: checks[0],
    tests: tests[0],
    probes,
    lineOf: doc.lineOf,
    hash: sha(JSON.stringify([data, doc.body])),
  });
}

function sha(s: string) {
  return crypto.createHash("sha256").update(s).digest("hex").slice(0, 16);
}

function mdFiles(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((d) => d.isFile() && d.name.endsWith(".md") && d.name !== "README.md")
    .map((d) => path.join(d.parentPath, d.name))
    .sort();
}
