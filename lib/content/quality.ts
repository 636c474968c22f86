import path from "node:path";
import { versionClaims } from "./claims";
import { checkCode, SqlChecker, type CodeCheckResult } from "./code";
import type { RenderCache } from "./render-cache";
import type { ContentIssue } from "./issues";
import type { LoadResult } from "./load";
import { bodyText, sectionMap } from "./prose";
import { coverageIssues } from "./validate";

// The checks of issue 11 on top of the loader's: code samples run or parse, key points are in their
// answers, linked sections teach the question, version claims are dated. They are reported together so
// the content check and the stats agree.

export interface QualityResult {
  code: CodeCheckResult;
  codeIssues: ContentIssue[];
  keyPointIssues: ContentIssue[];
  linkIssues: ContentIssue[];
  /** Heuristic only: never fails the check. */
  versionWarnings: ContentIssue[];
}

export { SqlChecker };

/** `sql` lets the caller start PGlite before loading content, so its boot overlaps the load. */
export async function checkQuality(load: LoadResult, roots: string[], cwd = process.cwd(), sql = new SqlChecker(), cache?: RenderCache): Promise<QualityResult> {
  const code = await checkCode(roots, cwd, sql, cache);
  const codeIssues: ContentIssue[] = [];
  for (const { block, outcome } of code.blocks) {
    if (outcome.status === "failed") codeIssues.push({ file: block.file, line: outcome.line, message: `[${block.lang}] ${outcome.message}. ${outcome.fix}` });
  }

  const answers = new Map<string, string>();
  for (const q of load.bundle.questions) if (!q.open) answers.set(q.id, bodyText(load.bodies.get(q.file)?.body ?? ""));
  const depth = new Map<string, number>();
  for (const [chapterId, sections] of load.anchors) for (const s of sections) depth.set(`${chapterId}#${s.anchor}`, s.depth);
  const sections = sectionMap(load.sectionTexts, (c, a) => depth.get(`${c}#${a}`) ?? 2);
  const lineOf = (file: string, field: PropertyKey[]) => load.lineOf.get(file)?.(field) ?? 1;
  const { keyPoints, links } = coverageIssues({ questions: load.bundle.questions, answers, sections, lineOf });

  const versionWarnings: ContentIssue[] = [];
  const files = [...load.bundle.questions.map((q) => q.file), ...load.bundle.chapters.map((c) => c.file), ...load.bundle.caseStudies.map((c) => c.file)];
  for (const file of files) {
    const doc = load.bodies.get(file);
    if (doc) versionWarnings.push(...versionClaims(file, doc.body, doc.bodyLine));
  }
  return { code, codeIssues, keyPointIssues: keyPoints, linkIssues: links, versionWarnings };
}

/**
 * The share of blocks per language that must be executed or parsed (not norun): issue 11's 95% for all
 * three. SQL reached it once warehouse DDL got parsers: dt-sql-parser for Spark/Hive/Flink/Trino/Athena,
 * websql-autocomplete for ClickHouse, and statement grammars of our own for Snowflake and Redshift
 * (code/snowflake.ts, code/redshift.ts). The rest are norun with a reason (Delta/Iceberg Spark
 * extensions such as CALL and VACUUM, ASOF JOIN, Doris and SQL Server DDL).
 */
export const MIN_CHECKED_SHARE: Record<"sql" | "python" | "bash", number> = { sql: 0.95, python: 0.95, bash: 0.95 };

export function checkedShareIssues(counts: CodeCheckResult["counts"]): ContentIssue[] {
  const out: ContentIssue[] = [];
  for (const lang of ["sql", "python", "bash"] as const) {
    const c = counts[lang];
    if (!c || c.total === 0) continue;
    const share = (c.executed + c.parsed) / c.total;
    const min = MIN_CHECKED_SHARE[lang];
    if (share < min) {
      out.push({ file: "content", line: 1, message: `Only ${Math.round(share * 1000) / 10}% of ${lang} blocks are executed or parsed (${c.norun} norun, ${c.failed} failing of ${c.total}); at least ${min * 100}% must be. Fix failing blocks, and declare a dialect or setup rather than norun where one exists.` });
    }
  }
  return out;
}

/**
 * Code, key-point and link problems fail the content check now that the content passes them. `--lenient`
 * (or CODE_CHECK=lenient) lists them without failing, for a contributor working through a large import.
 */
export function strictMode(argv = process.argv, env = process.env): boolean {
  return !(argv.includes("--lenient") || env.CODE_CHECK === "lenient");
}

/** The folder a content file is grouped under in reports: the question topic, `chapters/x` or `case-studies`. */
export function groupOf(file: string): string {
  const m = file.match(/content\/questions\/([^/]+)\//);
  if (m) return `questions/${m[1]}`;
  const c = file.match(/content\/chapters\/([^/]+)\.md$/);
  if (c) return `chapters/${c[1]}`;
  if (file.includes("content/case-studies/")) return "case-studies";
  return path.dirname(file);
}
