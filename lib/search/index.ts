import fs from "node:fs";
import path from "node:path";
import MiniSearch, { type Query, type SearchOptions as MsOptions, type SearchResult as MsResult } from "minisearch";
import { generatedDir } from "../paths";
import type { ContentBundle, SectionText } from "../content/types";
import { flatten, highlight, htmlToText, processTerm, queryTerms, snippet, termPattern, transpositions } from "./text";

export { highlight, snippet } from "./text";

export const SEARCH_FILE = "search-index.json";
export const KINDS = ["chapter", "case-study", "question"] as const;
export type SearchKind = (typeof KINDS)[number];

export interface SearchDoc {
  id: string;
  kind: SearchKind;
  title: string;
  /** Where the hit lives, e.g. the chapter title for a section. */
  context: string;
  text: string;
  tags: string;
  url: string;
  topic: string;
  difficulty: string;
}

export interface SearchHit {
  id: string;
  kind: SearchKind;
  title: string;
  context: string;
  url: string;
  topic: string;
  difficulty: string;
  score: number;
  /** Escaped HTML with matched terms in <mark>. Safe to render. */
  snippet: string;
  titleHtml: string;
}

export interface SearchOptions {
  kind?: SearchKind;
  topic?: string;
  difficulty?: string;
  limit?: number;
  offset?: number;
  /** 1-based page of `limit` hits; past the last page means the last page. Overrides offset. */
  page?: number;
}

export interface SearchPage {
  hits: SearchHit[];
  /** Every match, before offset and limit. */
  total: number;
  page: number;
  pages: number;
}

const OPTIONS = {
  fields: ["title", "text", "tags", "context"],
  storeFields: ["kind", "title", "context", "url", "topic", "difficulty"],
  processTerm,
  searchOptions: { boost: { title: 3, tags: 2, context: 1.2 } },
};

/** A whole chapter outranks its own sections when both match: its page is the better landing place. */
const boostDocument = (id: string) => (id.startsWith("ch:") ? 1.6 : 1);

/** Fewer hits than this from exact and prefix matching, and the search also tries typo-tolerant matching. */
const FUZZY_BELOW = 3;

/** `plainTexts` (from the loader, by search id) saves converting each document's HTML to text again. */
export function searchDocs(bundle: ContentBundle, sections: SectionText[], plainTexts: ReadonlyMap<string, string> = new Map()): SearchDoc[] {
  const chapterTitle = new Map(bundle.chapters.map((c) => [c.id, c.title]));
  const chapterTags = new Map(bundle.chapters.map((c) => [c.id, c.tags.join(" ")]));
  const topicTitle = new Map(bundle.topics.map((t) => [t.id, t.title]));
  const docs: SearchDoc[] = [];
  for (const c of bundle.chapters) {
    docs.push({
      id: `ch:${c.id}`,
      kind: "chapter",
      title: c.title,
      context: "Chapter",
      text: c.summary,
      tags: c.tags.join(" "),
      url: `/chapters/${c.id}`,
      topic: "",
      difficulty: "",
    });
  }
  for (const s of sections) {
    docs.push({
      id: `c:${s.chapterId}#${s.anchor}`,
      kind: "chapter",
      title: s.title,
      context: chapterTitle.get(s.chapterId) ?? "",
      text: s.text,
      tags: chapterTags.get(s.chapterId) ?? "",
      url: `/chapters/${s.chapterId}#${s.anchor}`,
      topic: "",
      difficulty: "",
    });
  }
  for (const c of bundle.caseStudies) {
    const stack = Object.values(c.stack).flat().join(", ");
    docs.push({
      id: `cs:${c.id}`,
      kind: "case-study",
      title: c.company,
      context: c.industry,
      text: `${c.summary}\n${stack}\n${plainTexts.get(`cs:${c.id}`) ?? htmlToText(c.html)}`,
      tags: c.tags.join(" "),
      url: `/case-studies/${c.id}`,
      topic: "",
      difficulty: "",
    });
  }
  for (const q of bundle.questions) {
    docs.push({
      id: `q:${q.id}`,
      kind: "question",
      title: q.questionText,
      context: topicTitle.get(q.topic) ?? q.topic,
      text: `${q.keyPoints.join("\n")}\n${plainTexts.get(`q:${q.id}`) ?? htmlToText(q.answerHtml)}`,
      tags: [...q.tags, ...q.companies].join(" "),
      url: `/questions/${q.id}`,
      topic: q.topic,
      difficulty: q.difficulty,
    });
  }
  return docs;
}

/**
 * What ingest writes for search: the documents, not a serialized MiniSearch. Serializing the index cost
 * ingest ~1.5 s on every edit (toJSON alone ~0.7 s, more than building it), while the server builds it
 * from the documents once at boot (instrumentation.ts) in about the time loading a serialized one took.
 */
export function buildSearchIndex(docs: SearchDoc[]): string {
  return JSON.stringify({ docs });
}

type Stored = Pick<SearchDoc, "kind" | "title" | "context" | "url" | "topic" | "difficulty">;

export class SearchIndex {
  private constructor(
    private readonly ms: MiniSearch<SearchDoc>,
    private readonly texts: Record<string, string>,
  ) {}

  static fromJSON(json: string): SearchIndex {
    const { docs } = JSON.parse(json) as { docs: SearchDoc[] };
    const ms = new MiniSearch<SearchDoc>(OPTIONS);
    ms.addAll(docs);
    return new SearchIndex(ms, Object.fromEntries(docs.map((d) => [d.id, flatten(d.text)])));
  }

  search(query: string, opts: SearchOptions = {}): SearchHit[] {
    return this.page(query, opts).hits;
  }

  /**
   * Exact and prefix matching first (cheap); typo-tolerant matching, including swapped letters, only when
   * that finds little. All terms must match when they can, otherwise any term, so a typo does not empty the page.
   */
  page(query: string, opts: SearchOptions = {}): SearchPage {
    const terms = queryTerms(query.slice(0, 200)).slice(0, 12);
    if (terms.length === 0) return { hits: [], total: 0, page: 1, pages: 1 };
    const filter = (r: MsResult) =>
      (!opts.kind || r.kind === opts.kind) && (!opts.topic || r.topic === opts.topic) && (!opts.difficulty || r.difficulty === opts.difficulty);
    const base: MsOptions = { filter, boostDocument, processTerm: (t) => t };
    // Prefix only on words long enough to narrow anything down, so "a b c" does not expand to the whole vocabulary.
    const prefix = (t: string) => t.length >= 3;
    const exact = (combineWith: "AND" | "OR"): Query => ({ combineWith, queries: terms.map((t) => ({ queries: [t], prefix: prefix(t) })) });
    const fuzzy = (combineWith: "AND" | "OR"): Query => ({
      combineWith,
      queries: terms.map((t) => ({
        combineWith: "OR",
        queries: [
          { queries: [t], prefix: prefix(t), fuzzy: t.length >= 4 ? 0.2 : false },
          ...(t.length >= 4 ? [{ queries: transpositions(t), prefix: false, fuzzy: false }] : []),
        ],
      })),
    });
    let results = this.ms.search(exact("AND"), base);
    if (results.length < FUZZY_BELOW) results = this.ms.search(fuzzy("AND"), base);
    if (results.length === 0 && terms.length > 1) results = this.ms.search(exact("OR"), base);
    if (results.length === 0 && terms.length > 1) results = this.ms.search(fuzzy("OR"), base);
    const limit = opts.limit ?? 20;
    const pages = Math.max(1, Math.ceil(results.length / limit));
    const pageNo = opts.page === undefined ? Math.floor(Math.max(0, opts.offset ?? 0) / limit) + 1 : Math.min(Math.max(1, opts.page), pages);
    const offset = opts.page === undefined ? Math.max(0, opts.offset ?? 0) : (pageNo - 1) * limit;
    const page = results.slice(offset, offset + limit);
    const re = termPattern([...terms, ...page.flatMap((r) => r.terms)]);
    const hits = page.map((r) => {
      const stored = r as unknown as MsResult & Stored;
      return {
        id: r.id as string,
        kind: stored.kind,
        title: stored.title,
        context: stored.context,
        url: stored.url,
        topic: stored.topic,
        difficulty: stored.difficulty,
        score: r.score,
        snippet: snippet("", re, 200, this.texts[r.id as string] ?? ""),
        titleHtml: highlight(stored.title, re),
      };
    });
    return { hits, total: results.length, page: pageNo, pages };
  }
}

const cache = globalThis as unknown as { __search?: { file: string; mtimeMs: number; checkedAt: number; index: SearchIndex } };

/** Re-checks the file at most once a second: a stat per keystroke costs more than the search itself. */
export function getSearchIndex(): SearchIndex {
  const file = path.join(generatedDir(), SEARCH_FILE);
  const now = Date.now();
  const hit = cache.__search;
  if (hit?.file === file && now - hit.checkedAt < 1000) return hit.index;
  const stat = fs.statSync(file);
  if (hit?.file === file && hit.mtimeMs === stat.mtimeMs) {
    hit.checkedAt = now;
    return hit.index;
  }
  const index = SearchIndex.fromJSON(fs.readFileSync(file, "utf8"));
  cache.__search = { file, mtimeMs: stat.mtimeMs, checkedAt: now, index };
  return index;
}

export function search(query: string, opts: SearchOptions = {}): SearchHit[] {
  return getSearchIndex().search(query, opts);
}

export function searchPage(query: string, opts: SearchOptions = {}): SearchPage {
  return getSearchIndex().page(query, opts);
}
