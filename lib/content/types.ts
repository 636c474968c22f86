import type { CaseStudyMeta, ChapterMeta, GlossaryMeta, QuestionMeta, TopicMeta } from "./schema";

// The shapes of the content bundle that ingest writes and the site reads.

export interface SectionInfo {
  anchor: string;
  title: string;
  depth: number;
}

export interface Chapter extends ChapterMeta {
  file: string;
  html: string;
  sections: SectionInfo[];
  words: number;
  readingMinutes: number;
  /** Date (YYYY-MM-DD) of the last commit that changed the file; absent outside a full git clone. */
  updated?: string;
}

export interface CaseStudy extends CaseStudyMeta {
  file: string;
  html: string;
  /** As for chapters. */
  updated?: string;
}

export interface Question extends QuestionMeta {
  file: string;
  questionHtml: string;
  questionText: string;
  answerHtml: string;
  words: number;
  /** Changes whenever the question, answer or key points change; stored in the database to spot edits. */
  hash: string;
}

export interface GlossaryTerm extends GlossaryMeta {
  file: string;
  html: string;
  text: string;
}

export type Topic = TopicMeta;

export interface ContentBundle {
  topics: Topic[];
  chapters: Chapter[];
  caseStudies: CaseStudy[];
  questions: Question[];
  glossary: GlossaryTerm[];
  /** Company id → its loadout's question ids, computed at ingest (lib/quiz/loadout.ts). */
  loadouts?: Record<string, string[]>;
}

/** A chapter section's plain text, kept out of the page bundle and used only to build the search index. */
export interface SectionText {
  chapterId: string;
  anchor: string;
  title: string;
  text: string;
}
