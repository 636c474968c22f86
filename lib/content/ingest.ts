import fs from "node:fs";
import path from "node:path";
import type { Db } from "../db/client";
import { syncQuestions, type SyncReport } from "../db/sync-questions";
import { buildSearchIndex, searchDocs, SEARCH_FILE } from "../search/index";
import { BUNDLE_FILE } from "./index";
import { gitDates } from "./git-dates";
import { ContentError } from "./issues";
import { loadContent } from "./load";

export interface IngestReport {
  sync: SyncReport;
  counts: { chapters: number; caseStudies: number; questions: number; glossary: number };
  ms: number;
}

/**
 * Validate everything, then sync the database in one transaction, then replace the bundle files.
 * Any content error throws before anything is written.
 */
export async function ingest(db: Db, roots: string[], outDir: string): Promise<IngestReport> {
  const started = performance.now();
  const { bundle, sectionTexts, issues } = loadContent(roots);
  if (issues.length) throw new ContentError(issues);
  const updated = gitDates(roots.map((r) => path.relative(process.cwd(), r) || "."));
  for (const doc of [...bundle.chapters, ...bundle.caseStudies]) doc.updated = updated.get(doc.file);

  const searchJson = buildSearchIndex(searchDocs(bundle, sectionTexts));
  const sync = await syncQuestions(
    db,
    bundle.questions.map((q) => ({ id: q.id, topic: q.topic, difficulty: q.difficulty, chapter: q.chapter, hash: q.hash })),
  );

  fs.mkdirSync(outDir, { recursive: true });
  writeAtomic(path.join(outDir, SEARCH_FILE), searchJson);
  writeAtomic(path.join(outDir, BUNDLE_FILE), JSON.stringify(bundle));
  return {
    sync,
    counts: { chapters: bundle.chapters.length, caseStudies: bundle.caseStudies.length, questions: bundle.questions.length, glossary: bundle.glossary.length },
    ms: Math.round(performance.now() - started),
  };
}

function writeAtomic(file: string, data: string) {
  const tmp = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(tmp, data);
  fs.renameSync(tmp, file);
}
