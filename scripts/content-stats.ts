// Counts of what content/ holds, for humans or (with --json) for scripts and issue notes. It runs the
// code-sample check too, since `codeBlocks` reports how many samples were executed, parsed or declared norun.
import { loadContent } from "../lib/content/load";
import { formatIssue } from "../lib/content/issues";
import { RUN_CANDIDATE } from "../lib/content/code/python";
import { SqlChecker, checkQuality } from "../lib/content/quality";
import { contentDirs } from "../lib/paths";
import { loadExercises } from "../lib/exercises/load";

const roots = contentDirs();
const sql = new SqlChecker();
sql.warmUp();
const load = loadContent(roots, { html: false });
const { bundle, issues } = load;
const ex = loadExercises(roots, { html: false });
const quality = await checkQuality(load, roots, process.cwd(), sql);
const count = <T>(items: T[], key: (t: T) => string) =>
  Object.fromEntries(Object.entries(items.reduce<Record<string, number>>((acc, t) => ((acc[key(t)] = (acc[key(t)] ?? 0) + 1), acc), {})).sort());
const codeBlocks = Object.fromEntries(
  Object.entries(quality.code.counts)
    .sort((a, b) => b[1].total - a[1].total)
    .map(([lang, c]) => [lang, c]),
);
const stats = {
  questions: bundle.questions.length,
  answeredQuestions: bundle.questions.filter((q) => !q.open).length,
  byTopic: count(bundle.questions, (q) => q.topic),
  byDifficulty: count(bundle.questions, (q) => q.difficulty),
  byKind: count(bundle.questions, (q) => q.kind),
  topics: bundle.topics.length,
  chapters: bundle.chapters.length,
  caseStudies: bundle.caseStudies.length,
  glossaryTerms: bundle.glossary.length,
  chapterWords: bundle.chapters.reduce((n, c) => n + c.words, 0),
  // Per language: total, executed, parsed (only), norun (declared with a reason), failed. "other" languages have only a total.
  codeBlocks,
  // Compiled python blocks that look runnable as they stand (stdlib only, no undefined names) but lack `run`.
  pythonRunCandidates: quality.code.blocks.filter((b) => b.outcome.status === "parsed" && b.outcome.note === RUN_CANDIDATE).length,
  keyPointsNotInAnswer: quality.keyPointIssues.length,
  weakChapterLinks: quality.linkIssues.length,
  undatedVersionClaims: quality.versionWarnings.length,
  sqlExercises: ex.exercises.filter((e) => e.kind === "sql").length,
  pythonExercises: ex.exercises.filter((e) => e.kind === "python").length,
  modelingExercises: ex.exercises.filter((e) => e.kind === "modeling").length,
  datasets: ex.datasets.length,
  exercisesByTopic: count(ex.exercises, (e) => `${e.kind}/${e.topic}`),
  exercisesByDifficulty: count(ex.exercises, (e) => `${e.kind}/${e.difficulty}`),
  issues: issues.length + ex.issues.length,
};
if (process.argv.includes("--json")) {
  console.log(JSON.stringify(stats));
} else {
  console.log(JSON.stringify(stats, null, 2));
  if (issues.length) console.error(`\n${issues.length} content problem(s); run npm run content:check. First: ${formatIssue(issues[0])}`);
}
