// Content → validated bundle + search index + question rows. Exits non-zero and writes nothing on any problem.
import { createDb } from "../lib/db/client";
import { ingest } from "../lib/content/ingest";
import { ContentError, formatIssue } from "../lib/content/issues";
import { contentDirs, generatedDir } from "../lib/paths";

const db = createDb();
try {
  const r = await ingest(db, contentDirs(), generatedDir());
  const s = r.sync;
  console.log(
    `${r.reused ? "nothing changed since the last ingest, files kept; " : ""}ingested in ${r.ms} ms: ${r.counts.chapters} chapters, ${r.counts.caseStudies} case studies, ${r.counts.questions} questions, ${r.counts.glossary} glossary terms` +
      ` | database: ${s.inserted} new, ${s.updated} changed, ${s.restored} restored, ${s.archived} archived, ${s.unchanged} unchanged`,
  );
} catch (err) {
  if (err instanceof ContentError) {
    for (const issue of err.issues) console.error(formatIssue(issue));
    console.error(`\ningest failed: ${err.issues.length} content problem(s); nothing was written. Each line above is file:line and how to fix it.`);
  } else {
    console.error(err);
  }
  process.exitCode = 1;
} finally {
  await db.$disconnect();
}
