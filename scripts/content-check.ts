// Validates content (no rendering output, no database), then checks code samples, key points, chapter
// links and version claims. The second group fails the check too, unless --lenient (or CODE_CHECK=lenient)
// asks for a list with a summary instead. Last, every
// exercise's reference solutions run on the practice engines.
import { contentDirs, generatedDir } from "../lib/paths";
import { runExerciseCheckCli } from "../lib/exercises/check";
import { loadContent } from "../lib/content/load";
import { loadoutIssues } from "../lib/quiz/loadout";
import { conceptKeys } from "../lib/content/siblings";
import { formatIssue, type ContentIssue } from "../lib/content/issues";
import { RenderCache } from "../lib/content/render-cache";
import { SqlChecker, checkQuality, checkedShareIssues, groupOf, strictMode } from "../lib/content/quality";

const started = performance.now();
const roots = contentDirs();
const sql = new SqlChecker();
// Both caches live beside the exercise verdicts in generated/: a second check after editing one file
// parses and checks that file's samples only. Neither is ever consulted for a file that had problems.
const textCache = RenderCache.open(generatedDir(), "text");
const codeCache = RenderCache.open(generatedDir(), "code");
// On a first run PGlite boots while the content loads; with verdicts cached it may not be needed at all.
if (codeCache.stored === 0) sql.warmUp();
const load = loadContent(roots, { html: false, cache: textCache });
// Not pruned yet: the exercise check below uses its entries for exercise files. Saved now in case that fails.
textCache.save({ prune: false });
const { bundle, issues } = load;
issues.push(...loadoutIssues(bundle));
const quality = await checkQuality(load, roots, process.cwd(), sql, codeCache);
codeCache.save();
const ms = Math.round(performance.now() - started);
const strict = strictMode();
const verbose = process.argv.includes("--all") || strict;

const gated: [string, ContentIssue[]][] = [
  ["code sample", quality.codeIssues],
  ["checked-share", checkedShareIssues(quality.code.counts)],
  ["key point not in its answer", quality.keyPointIssues],
  ["weak chapter link", quality.linkIssues],
];
const gatedCount = gated.reduce((n, [, list]) => n + list.length, 0);

for (const issue of issues) console.error(formatIssue(issue));
if (verbose) for (const [, list] of gated) for (const issue of list) console.error(formatIssue(issue));
if (process.argv.includes("--warnings")) for (const issue of quality.versionWarnings) console.error(`warning: ${formatIssue(issue)}`);

const codeLine = Object.entries(quality.code.counts)
  .filter(([, c]) => c.executed + c.parsed + c.norun + c.failed > 0)
  .map(([lang, c]) => `${lang} ${c.total} (${c.executed} run, ${c.parsed} parsed, ${c.norun} norun, ${c.failed} failing)`)
  .join("; ");
console.log(`code samples: ${codeLine}${quality.code.shellcheck ? "" : " — shellcheck not installed, bash got bash -n only"}`);
if (gatedCount > 0) {
  const summary = gated.map(([what, list]) => `${list.length} ${what} problem(s)`).join(", ");
  const byGroup = new Map<string, number>();
  for (const [, list] of gated) for (const i of list) byGroup.set(groupOf(i.file), (byGroup.get(groupOf(i.file)) ?? 0) + 1);
  const worst = [...byGroup].sort((a, b) => b[1] - a[1]).slice(0, 8).map(([g, n]) => `${g} ${n}`).join(", ");
  console[strict ? "error" : "log"](`${strict ? "" : "not enforced yet: "}${summary}. Most in: ${worst}.${verbose ? "" : " List them with --all."}`);
}
console.log(`${quality.versionWarnings.length} undated version claim(s) (warnings; list with --warnings).`);

if (issues.length > 0 || (strict && gatedCount > 0)) {
  console.error(`\ncontent check failed: ${issues.length + (strict ? gatedCount : 0)} problem(s) in ${ms} ms. Each line above is file:line and how to fix it.`);
  process.exit(1);
}
console.log(
  `content check passed in ${ms} ms: ${bundle.chapters.length} chapters, ${bundle.caseStudies.length} case studies, ` +
    `${bundle.questions.length} questions, ${bundle.glossary.length} glossary terms, ${bundle.topics.length} topics.`,
);
const concepts = conceptKeys(bundle.questions);
console.log(`siblings: ${new Set(concepts.values()).size} group(s) of questions that test one concept (${concepts.size} questions).`);
if (!(await runExerciseCheckCli({ roots: contentDirs(), cacheDir: generatedDir(), anchors: load.anchors, renderCache: textCache }))) process.exit(1);
textCache.save();
