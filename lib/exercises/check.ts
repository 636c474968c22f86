import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { SqlEngine } from "../engine/pglite-node";
import type { RenderCache } from "../content/render-cache";
import type { ContentFiles } from "../content/content-files";
import { formatIssue, type ContentIssue } from "../content/issues";
import { headingAnchors, renderMarkdown } from "../content/markdown";
import { parseFrontmatter } from "../content/frontmatter";
import { compareResults } from "./compare";
import { loadExercises, type LoadedDataset, type LoadedExercise } from "./load";
import { PythonEngine } from "./python-node";
import { pythonPassed } from "./python-harness";
import type { ResultTable } from "./result";
import { runProbes, runSqlExercise } from "./run-sql";
import type { DatasetTable, ExerciseArtifacts, PublicDataset, PublicExercise } from "./types";

// The exercise verifier: content:check, exercises:check and ingest all call it. It runs every reference
// solution on the engine the browser uses (PGlite; Pyodide for Python) and derives the expected result
// from it, so no expected output is ever typed by hand.

// Generous on purpose: this limit only stops a runaway reference solution. Under a load average near 10 on
// two cores, correct solutions that take ~1 s idle were seen to pass 10 s and fail ingest.
const SOLUTION_TIMEOUT_MS = 30_000;
const SETUP_TIMEOUT_MS = 60_000;
/** Bump when the verification rules change, so cached verdicts are recomputed. */
const CACHE_VERSION = 1;
const CACHE_FILE = "exercise-check-cache.json";

export interface CheckOptions {
  roots: string[];
  cwd?: string;
  /** Only these exercise files (datasets are always loaded). */
  files?: string[];
  /** Where verified results are cached between runs (keyed by content hash); null disables it. */
  cacheDir?: string | null;
  html?: boolean;
  log?: (line: string) => void;
  /** Rendered prompts and dataset descriptions kept between runs (ingest passes its own). */
  renderCache?: RenderCache;
  /** Per chapter id, its sections, when the caller has already rendered the chapters. */
  anchors?: Map<string, { anchor: string }[]>;
  /** The content files, when the caller has read them already (ingest). */
  source?: ContentFiles;
  /** Engines the caller started ahead (ingest, while it renders); the check closes them. */
  engines?: ExerciseEngines;
  /** Called with every loaded dataset before any solution runs (ingest builds snapshots meanwhile). */
  onDatasets?: (datasets: LoadedDataset[]) => void;
}

export interface ExerciseEngines {
  sql: SqlEngine[];
  python: PythonEngine;
}

/** True once a check has cached its verdicts in `dir`; false means the next check runs every solution. */
export function hasCheckCache(dir: string): boolean {
  return fs.existsSync(path.join(dir, CACHE_FILE));
}

/** How many SQL engines run side by side: one per core, and at least one. */
export function sqlLanes(): number {
  return Math.max(1, Math.min(4, os.availableParallelism()));
}

/**
 * Starts the engines a full check needs (PGlite's initdb and Pyodide's load take seconds) so that a
 * caller can overlap them with its own work. Start only when the check will run solutions.
 */
export function startExerciseEngines(): ExerciseEngines {
  const sql = Array.from({ length: sqlLanes() }, () => new SqlEngine(SOLUTION_TIMEOUT_MS));
  for (const e of sql) void e.start().catch(() => undefined); // a failed start is reported by the first statement
  const python = new PythonEngine();
  void python.start().catch(() => undefined);
  return { sql, python };
}

interface SqlJob {
  /** Rough work (solutions to run), to start the largest jobs first so that the lanes end together. */
  cost: number;
  run: (engine: SqlEngine) => Promise<void>;
}

/** Runs the jobs on up to `sqlLanes()` engines; engines handed in are used first, and all are closed. */
async function runLanes(jobs: SqlJob[], started: SqlEngine[]): Promise<void> {
  const queue = [...jobs].sort((a, b) => b.cost - a.cost);
  const lanes = Math.min(queue.length, sqlLanes());
  const engines = [...started.slice(0, lanes)];
  while (engines.length < lanes) engines.push(new SqlEngine(SOLUTION_TIMEOUT_MS));
  try {
    await Promise.all(
      engines.map(async (engine) => {
        for (let job = queue.shift(); job; job = queue.shift()) await job.run(engine);
      }),
    );
  } finally {
    await Promise.all([...engines, ...started.slice(lanes)].map((e) => e.close()));
  }
}

export interface CheckResult {
  issues: ContentIssue[];
  artifacts: ExerciseArtifacts;
  stats: { exercises: number; datasets: number; ran: number; cached: number; ms: number };
}

interface CacheEntry {
  expected?: ResultTable;
}

export async function checkExercises(opts: CheckOptions): Promise<CheckResult> {
  const started = performance.now();
  const log = opts.log ?? (() => undefined);
  const cwd = opts.cwd ?? process.cwd();
  const load = loadExercises(opts.roots, { cwd, html: opts.html, files: opts.files, cache: opts.renderCache, source: opts.source });
  const issues = [...load.issues];
  const add = (ex: LoadedExercise, line: number, message: string) => issues.push({ file: ex.file, line, message });

  const datasets = new Map(load.datasets.map((d) => [d.id, d]));
  // One listing per root instead of a stat per (exercise, company): ~200 exercises name a company.
  const caseStudies = new Set(
    opts.roots.flatMap((r) => (fs.existsSync(path.join(r, "case-studies")) ? fs.readdirSync(path.join(r, "case-studies")) : [])),
  );
  const seen = new Map<string, LoadedExercise>();
  for (const ex of load.exercises) {
    const dup = seen.get(ex.id);
    if (dup) add(ex, ex.lineOf(["id"]), `Exercise id \`${ex.id}\` is also used by ${dup.file}. Ids must be unique; pick another.`);
    seen.set(ex.id, ex);
    if (ex.dataset && !datasets.has(ex.dataset)) {
      add(ex, ex.lineOf(["dataset"]), `No dataset \`${ex.dataset}\`. Use one of: ${[...datasets.keys()].join(", ") || "(none yet)"}, or add content/datasets/${ex.dataset}.md.`);
    }
    ex.companies.forEach((c, i) => {
      if (!caseStudies.has(`${c}.md`)) {
        add(ex, ex.lineOf(["companies", i]), `No case study has id \`${c}\`. Use a case study's id (content/case-studies/) or remove it.`);
      }
    });
  }
  checkChapterRefs(opts.roots, load.exercises, issues, opts.anchors);

  const cacheFile = opts.cacheDir ? path.join(opts.cacheDir, CACHE_FILE) : null;
  const cache = readCache(cacheFile);
  const nextCache: Record<string, CacheEntry> = {};
  const keyOf = (ex: LoadedExercise) => `${CACHE_VERSION}:${ex.id}:${ex.hash}:${ex.dataset ? datasets.get(ex.dataset)?.hash : ""}`;
  const expected = new Map<string, ResultTable>();
  const tables = new Map<string, DatasetTable[]>();
  let ran = 0;
  let cached = 0;

  // Only files that could not be parsed are skipped; a bad chapter link still lets the solutions run,
  // so one check reports every problem of a file.
  const broken = new Set(load.issues.map((i) => i.file));
  const runnable = load.exercises.filter((ex) => !broken.has(ex.file) && (!ex.dataset || datasets.has(ex.dataset)));
  const todo: LoadedExercise[] = [];
  for (const ex of runnable) {
    const hit = cache[keyOf(ex)];
    if (hit) {
      nextCache[keyOf(ex)] = hit;
      if (hit.expected) expected.set(ex.id, hit.expected);
      cached++;
    } else todo.push(ex);
  }

  // Datasets: every one is loaded once per run that needs it; its schema (with comments) is the
  // documentation shown to learners, so every table and column must have a COMMENT.
  const datasetCacheKey = (d: LoadedDataset) => `${CACHE_VERSION}:dataset:${d.id}:${d.hash}`;
  opts.onDatasets?.(load.datasets);
  const needsEngine = new Set(todo.filter((e) => e.dataset).map((e) => e.dataset!));
  for (const d of load.datasets) {
    const hit = cache[datasetCacheKey(d)] as { tables?: DatasetTable[] } | undefined;
    if (hit?.tables && !needsEngine.has(d.id)) {
      tables.set(d.id, hit.tables);
      nextCache[datasetCacheKey(d)] = hit as CacheEntry;
      continue;
    }
    needsEngine.add(d.id);
  }

  // Every dataset's exercises, the modeling exercises without one, and the Python exercises are
  // independent: they run on parallel lanes, each with its own engine (a worker thread), so a cold check
  // uses every core. Within a lane one engine serves many datasets: PGlite's cold start costs seconds, a
  // schema reset milliseconds.
  const jobs: SqlJob[] = [];
  for (const d of load.datasets.filter((d) => needsEngine.has(d.id))) {
    const mine = todo.filter((e) => e.dataset === d.id);
    jobs.push({
      cost: 1 + mine.reduce((n, e) => n + e.solutions.length, 0),
      run: async (engine) => {
        log(`dataset ${d.id}: loading`);
        await engine.exec("DROP SCHEMA public CASCADE; CREATE SCHEMA public;", SETUP_TIMEOUT_MS);
        const loaded = await loadDataset(engine, d, issues);
        if (!loaded) return;
        tables.set(d.id, loaded);
        (nextCache as Record<string, unknown>)[datasetCacheKey(d)] = { tables: loaded };
        for (const ex of mine) {
          ran++;
          const ok = ex.kind === "sql" ? await verifySql(engine, d, ex, add) : await verifyModeling(engine, d, ex, add);
          if (ok) {
            nextCache[keyOf(ex)] = ok;
            if (ok.expected) expected.set(ex.id, ok.expected);
          }
        }
      },
    });
  }
  const modelingAlone = todo.filter((e) => e.kind === "modeling" && !e.dataset);
  if (modelingAlone.length) {
    jobs.push({
      cost: modelingAlone.length,
      run: async (engine) => {
        await engine.exec("DROP SCHEMA public CASCADE; CREATE SCHEMA public;", SETUP_TIMEOUT_MS);
        for (const ex of modelingAlone) {
          ran++;
          const ok = await verifyModeling(engine, null, ex, add);
          if (ok) nextCache[keyOf(ex)] = ok;
        }
      },
    });
  }

  const pythonTodo = todo.filter((e) => e.kind === "python");
  const python = async () => {
    if (!pythonTodo.length) return;
    log(`python: loading Pyodide for ${pythonTodo.length} exercise(s)`);
    const py = opts.engines?.python ?? new PythonEngine();
    try {
      for (const ex of pythonTodo) {
        ran++;
        if (await verifyPython(py, ex, add)) nextCache[keyOf(ex)] = {};
      }
    } finally {
      await py.close();
    }
  };
  await Promise.all([runLanes(jobs, opts.engines?.sql ?? []), python()]);
  // Engines started ahead by the caller but not needed (everything came from the cache) stop here too.
  if (!pythonTodo.length) await opts.engines?.python.close();

  // Only a complete, clean run may replace the cache: a partial run (some files) merges into it.
  if (cacheFile) writeCache(cacheFile, opts.files ? { ...cache, ...nextCache } : nextCache);

  issues.sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line);
  const failed = new Set(issues.map((i) => i.file));
  const artifacts: ExerciseArtifacts = {
    datasets: load.datasets.filter((d) => tables.has(d.id)).map((d) => publicDataset(d, tables.get(d.id)!)),
    exercises: runnable.filter((ex) => !failed.has(ex.file)).map((ex) => publicExercise(ex, expected.get(ex.id))),
  };
  return {
    issues,
    artifacts,
    stats: { exercises: load.exercises.length, datasets: load.datasets.length, ran, cached, ms: Math.round(performance.now() - started) },
  };
}

async function loadDataset(engine: SqlEngine, d: LoadedDataset, issues: ContentIssue[]): Promise<DatasetTable[] | null> {
  try {
    await engine.exec(d.setupSql, SETUP_TIMEOUT_MS);
  } catch (err) {
    issues.push({ file: d.file, line: d.setupLine, message: `The setup SQL fails: ${(err as Error).message}. Fix the statement (run it in psql or PGlite to find it).` });
    return null;
  }
  const cols = await engine.query(
    `SELECT c.relname AS table_name, obj_description(c.oid, 'pg_class') AS table_comment, a.attname AS column_name,
            format_type(a.atttypid, a.atttypmod) AS data_type, col_description(c.oid, a.attnum) AS column_comment,
            NOT a.attnotnull AS nullable
       FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
       JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped
      WHERE n.nspname = 'public' AND c.relkind IN ('r', 'v')
      ORDER BY c.relname, a.attnum`,
  );
  const byTable = new Map<string, DatasetTable>();
  let ok = true;
  for (const r of cols.rows as { table_name: string; table_comment: string | null; column_name: string; data_type: string; column_comment: string | null; nullable: boolean }[]) {
    let t = byTable.get(r.table_name);
    if (!t) {
      if (!r.table_comment) {
        issues.push({ file: d.file, line: d.setupLine, message: `Table \`${r.table_name}\` has no description. Add COMMENT ON TABLE ${r.table_name} IS '...'; learners see it beside the prompt.` });
        ok = false;
      }
      t = { name: r.table_name, description: r.table_comment ?? "", rows: 0, columns: [] };
      byTable.set(r.table_name, t);
    }
    if (!r.column_comment) {
      issues.push({ file: d.file, line: d.setupLine, message: `Column \`${r.table_name}.${r.column_name}\` has no description. Add COMMENT ON COLUMN ${r.table_name}.${r.column_name} IS '...'.` });
      ok = false;
    }
    t.columns.push({ name: r.column_name, type: r.data_type, nullable: r.nullable, description: r.column_comment ?? "" });
  }
  if (byTable.size === 0) {
    issues.push({ file: d.file, line: d.setupLine, message: "The setup SQL creates no tables. Add CREATE TABLE statements." });
    return null;
  }
  for (const t of byTable.values()) {
    const c = await engine.query(`SELECT count(*)::int AS n FROM "${t.name}"`);
    t.rows = (c.rows[0] as { n: number }).n;
    if (t.rows === 0) {
      issues.push({ file: d.file, line: d.setupLine, message: `Table \`${t.name}\` is empty. Insert rows (generate_series with deterministic arithmetic keeps the file small).` });
      ok = false;
    }
  }
  return ok ? [...byTable.values()] : null;
}

type Add = (ex: LoadedExercise, line: number, message: string) => void;

async function verifySql(engine: SqlEngine, d: LoadedDataset, ex: LoadedExercise, add: Add): Promise<CacheEntry | null> {
  let first: { table: ResultTable; line: number } | null = null;
  let ok = true;
  for (const s of ex.solutions) {
    let table: ResultTable | null;
    try {
      table = await runSqlExercise(engine, s.code, ex.check?.code, SOLUTION_TIMEOUT_MS);
    } catch (err) {
      add(ex, s.line, `This solution fails on dataset \`${d.id}\`: ${(err as Error).message}. Fix it; every solution must run on PGlite (PostgreSQL 18).`);
      if ((err as { kind?: string }).kind === "timeout") await engine.exec(d.setupSql, SETUP_TIMEOUT_MS); // the engine was replaced: reload
      ok = false;
      continue;
    }
    if (!table) {
      add(ex, ex.check?.line ?? s.line, "This solution returns no result set. End it with a SELECT (or add a ```sql check query for DML exercises).");
      ok = false;
      continue;
    }
    const colNames = new Set(table.columns);
    if (colNames.size !== table.columns.length) {
      add(ex, s.line, `Two result columns share a name (${table.columns.join(", ")}). Give each column its own alias.`);
      ok = false;
      continue;
    }
    if (table.rows.length === 0) {
      add(ex, s.line, "This solution returns no rows, so any empty query would pass. Change the prompt or the dataset so the answer has rows.");
      ok = false;
      continue;
    }
    if (table.rows.every((r) => r.every((c) => c === null))) {
      add(ex, s.line, "This solution returns only NULLs, so the exercise cannot tell right from wrong. Change the prompt so the answer has values.");
      ok = false;
      continue;
    }
    if (!first) first = { table, line: s.line };
    else {
      const v = compareResults(first.table, table, { ordered: ex.ordered });
      if (!v.pass) {
        add(ex, s.line, `This solution disagrees with the one at line ${first.line}: ${v.message} Make the solutions agree (ties and NULLs are the usual cause), or tighten the prompt.`);
        ok = false;
      }
    }
  }
  return ok && first ? { expected: first.table } : null;
}

async function verifyModeling(engine: SqlEngine, d: LoadedDataset | null, ex: LoadedExercise, add: Add): Promise<CacheEntry | null> {
  let ok = true;
  for (const s of ex.solutions) {
    const r = await runProbes(engine, s.code, ex.probes, SOLUTION_TIMEOUT_MS);
    if (r.ddlError) {
      add(ex, s.line, `This reference DDL fails: ${r.ddlError}. Fix it.`);
      ok = false;
      continue;
    }
    for (const o of r.outcomes.filter((o) => !o.pass)) {
      add(ex, o.line, `The reference solution at line ${s.line} fails this probe (${o.requirement}): ${o.detail}. Fix the probe or the solution.`);
      ok = false;
    }
  }
  // A probe that passes with no schema at all checks nothing.
  const empty = await runProbes(engine, "", ex.probes, SOLUTION_TIMEOUT_MS);
  for (const o of empty.outcomes.filter((o) => o.pass)) {
    add(ex, o.line, `This probe (${o.requirement}) passes even when the learner creates no tables, so it checks nothing. Make it insert into the learner's tables and assert on the result.`);
    ok = false;
  }
  void d;
  return ok ? {} : null;
}

async function verifyPython(py: PythonEngine, ex: LoadedExercise, add: Add): Promise<boolean> {
  const tests = ex.tests!;
  let ok = true;
  for (const s of ex.solutions) {
    try {
      const run = await py.run(s.code, tests.code, ex.function!, SOLUTION_TIMEOUT_MS);
      if (run.error) {
        add(ex, s.line, `${run.error}. Fix the reference solution.`);
        ok = false;
      } else if (run.cases.filter((c) => c.source.startsWith("assert")).length === 0) {
        add(ex, tests.line, "The tests block has no assert statements. Add `assert fn(...) == expected` lines.");
        ok = false;
      } else {
        for (const c of run.cases.filter((c) => !c.ok)) {
          add(ex, tests.line + c.line, `The reference solution at line ${s.line} fails this test: ${c.message.replace(/\n/g, "; ")}. Fix the test or the solution.`);
          ok = false;
        }
      }
    } catch (err) {
      add(ex, s.line, `The reference solution did not finish: ${(err as Error).message}. Make it terminate.`);
      ok = false;
    }
  }
  // Tests that a do-nothing function passes check nothing.
  try {
    const stub = await py.run(`def ${ex.function}(*args, **kwargs):\n    return None\n`, tests.code, ex.function!, SOLUTION_TIMEOUT_MS);
    if (!stub.error && stub.cases.length > 0 && stub.cases.every((c) => c.ok)) {
      add(ex, tests.line, "The tests pass for a function that returns None. Assert on the returned value.");
      ok = false;
    }
  } catch {
    // A stub that hangs cannot pass; nothing to report.
  }
  return ok;
}

function checkChapterRefs(roots: string[], exercises: LoadedExercise[], issues: ContentIssue[], known?: Map<string, { anchor: string }[]>) {
  // Ingest has already rendered every chapter: its anchors save parsing each linked chapter again.
  const anchors = new Map<string, string[] | null>(known ? [...known].map(([id, s]) => [id, s.map((x) => x.anchor)]) : []);
  const anchorsOf = (chapterId: string) => {
    if (!anchors.has(chapterId)) {
      const file = roots.map((r) => path.join(r, "chapters", `${chapterId}.md`)).find((f) => fs.existsSync(f));
      if (!file) anchors.set(chapterId, null);
      else {
        const parsed = parseFrontmatter(file, fs.readFileSync(file, "utf8"));
        anchors.set(chapterId, parsed.ok ? renderMarkdown(parsed.value.body, 0, [headingAnchors], { htmlless: true }).sections.map((s) => s.anchor) : []);
      }
    }
    return anchors.get(chapterId)!;
  };
  for (const ex of exercises) {
    const [chapterId, anchor] = ex.chapter.split("#");
    const known = anchorsOf(chapterId);
    if (known === null) issues.push({ file: ex.file, line: ex.lineOf(["chapter"]), message: `Chapter \`${chapterId}\` does not exist. Link the section that teaches this exercise (chapter-id#section).` });
    else if (!known.includes(anchor)) {
      issues.push({ file: ex.file, line: ex.lineOf(["chapter"]), message: `Chapter \`${chapterId}\` has no section \`#${anchor}\` (its sections: ${known.slice(0, 15).join(", ")}). Link an existing section.` });
    }
  }
}

function publicDataset(d: LoadedDataset, tables: DatasetTable[]): PublicDataset {
  return { id: d.id, title: d.title, summary: d.summary, html: d.html, setupSql: d.setupSql, tables, hash: d.hash };
}

function publicExercise(ex: LoadedExercise, expected: ResultTable | undefined): PublicExercise {
  return {
    id: ex.id,
    title: ex.title,
    kind: ex.kind,
    topic: ex.topic,
    difficulty: ex.difficulty,
    dataset: ex.dataset ?? null,
    dialect: ex.dialect,
    ordered: ex.ordered,
    function: ex.function ?? null,
    companies: ex.companies,
    chapter: ex.chapter,
    keyIdeas: ex.keyIdeas,
    hints: ex.hints,
    tags: ex.tags,
    file: ex.file,
    promptHtml: ex.promptHtml,
    solutions: ex.solutions.map((s) => s.code),
    check: ex.check?.code ?? null,
    tests: ex.tests?.code ?? null,
    probes: ex.probes.map((p) => ({ requirement: p.requirement, expectError: p.expectError, sql: p.sql })),
    expected: expected ?? null,
    hash: ex.hash,
  };
}

function readCache(file: string | null): Record<string, CacheEntry> {
  if (!file || !fs.existsSync(file)) return {};
  try {
    return JSON.parse(fs.readFileSync(file, "utf8")) as Record<string, CacheEntry>;
  } catch (err) {
    // A corrupt cache only costs a full re-run.
    void err;
    return {};
  }
}

function writeCache(file: string, data: Record<string, CacheEntry>) {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const tmp = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(tmp, JSON.stringify(data));
  fs.renameSync(tmp, file);
}

/** For CLIs: prints issues and a summary; returns whether the check passed. */
export async function runExerciseCheckCli(opts: CheckOptions): Promise<boolean> {
  const r = await checkExercises({ ...opts, html: false, log: opts.log ?? ((l) => console.log(l)) });
  for (const i of r.issues) console.error(formatIssue(i));
  const s = r.stats;
  if (r.issues.length) {
    console.error(`\nexercise check failed: ${r.issues.length} problem(s) in ${s.ms} ms. Each line above is file:line and how to fix it.`);
    return false;
  }
  console.log(`exercise check passed in ${s.ms} ms: ${s.exercises} exercises (${s.ran} run, ${s.cached} cached), ${s.datasets} datasets.`);
  return true;
}
