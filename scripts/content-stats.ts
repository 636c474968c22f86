// Counts of what content/ holds, for humans or (with --json) for scripts and issue notes.
import { loadContent } from "../lib/content/load";
import { formatIssue } from "../lib/content/issues";
import { contentDirs } from "../lib/paths";
import { loadExercises } from "../lib/exercises/load";

const { bundle, issues } = loadContent(contentDirs(), { html: false });
const ex = loadExercises(contentDirs(), { html: false });
const count = <T>(items: T[], key: (t: T) => string) =>
  Object.fromEntries(Object.entries(items.reduce<Record<string, number>>((acc, t) => ((acc[key(t)] = (acc[key(t)] ?? 0) + 1), acc), {})).sort());
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
