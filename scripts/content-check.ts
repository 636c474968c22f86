// Validates content only (no rendering output, no database): fast enough for a pre-commit habit.
import { contentDirs, generatedDir } from "../lib/paths";
import { runExerciseCheckCli } from "../lib/exercises/check";
import { loadContent } from "../lib/content/load";
import { formatIssue } from "../lib/content/issues";

const started = performance.now();
const { bundle, issues } = loadContent(contentDirs(), { html: false });
const ms = Math.round(performance.now() - started);
if (issues.length > 0) {
  for (const issue of issues) console.error(formatIssue(issue));
  console.error(`\ncontent check failed: ${issues.length} problem(s) in ${ms} ms. Each line above is file:line and how to fix it.`);
  process.exit(1);
}
console.log(
  `content check passed in ${ms} ms: ${bundle.chapters.length} chapters, ${bundle.caseStudies.length} case studies, ` +
    `${bundle.questions.length} questions, ${bundle.glossary.length} glossary terms, ${bundle.topics.length} topics.`,
);
if (!(await runExerciseCheckCli({ roots: contentDirs(), cacheDir: generatedDir() }))) process.exit(1);
