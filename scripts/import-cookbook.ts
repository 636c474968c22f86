// npm run import:cookbook -- --from <clone> [--to imported/cookbook] [--match content] [--json]
import path from "node:path";
import { parseArgs } from "node:util";
import { loadContent } from "../lib/content/load";
import { formatIssue } from "../lib/content/issues";
import { importCookbook } from "../lib/importer/cookbook";

const { values } = parseArgs({
  options: {
    from: { type: "string" },
    to: { type: "string", default: "imported/cookbook" },
    match: { type: "string" },
    json: { type: "boolean", default: false },
    ref: { type: "string" },
  },
});
if (!values.from) {
  console.error("usage: npm run import:cookbook -- --from <path to a Cookbook clone> [--to imported/cookbook] [--match content] [--json]");
  process.exit(2);
}
const to = path.resolve(values.to!);
if (path.relative(path.resolve("content"), to) === "" || !path.relative(path.resolve("content"), to).startsWith("..")) {
  console.error("Refusing to write into content/: imported text is not ours. Pick another --to directory.");
  process.exit(2);
}

// Open upstream questions are matched against our answered ones, so they can be quizzed through ours.
const match = values.match
  ? loadContent([path.resolve(values.match)], { html: false }).bundle.questions.filter((q) => !q.open).map((q) => ({ id: q.id, text: q.questionText }))
  : [];
const summary = importCookbook({ from: path.resolve(values.from), to, match, ref: values.ref });

// The output must pass the same check as hand-written content (merged with --match, which it links into).
const roots = values.match ? [path.resolve(values.match), to] : [to];
const check = loadContent(roots, { html: false });
summary.errors.push(...check.issues.filter((i) => path.resolve(i.file).startsWith(to)));

if (values.json) {
  console.log(JSON.stringify(summary));
} else {
  for (const w of summary.warnings) console.warn(`warning ${formatIssue(w)}`);
  for (const e of summary.errors) console.error(`error ${formatIssue(e)}`);
  console.log(
    `imported into ${path.relative(process.cwd(), to) || to}: ${summary.chapters} chapters, ${summary.caseStudies} case studies, ` +
      `${summary.questions} questions (${summary.answeredQuestions} answered), ${summary.warnings.length} warnings, ${summary.errors.length} errors`,
  );
  console.log(`serve it: CONTENT_DIR=${values.match ? `${values.match}:` : ""}${path.relative(process.cwd(), to)} npm start`);
}
process.exitCode = summary.errors.length ? 1 : 0;
