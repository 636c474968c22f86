import fs from "node:fs";
import path from "node:path";
import MiniSearch, { type SearchResult as MsResult } from "minisearch";
import { generatedDir } from "../paths";
import type { ContentBundle, SectionText } from "../content/types";

export const SEARCH_FILE = "search-index.json";
export const KINDS = ["chapter", "case-study", "question"] as const;
export type SearchKind = (typeof KINDS)[number];

interface SearchDoc {
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
}

const OPTIONS = {
  fields: ["title", "text", "tags", "context"],
  storeFields: ["kind", "title", "context", "url", "topic", "difficulty"],
  searchOptions: { boost: { title: 3, tags: 2, context: 1.2 }, prefix: true, fuzzy: 0.2 },
};

export function searchDocs(bundle: ContentBundle, sections: SectionText[]): SearchDoc[] {
  const chapterTitle = new Map(bundle.chapters.map((c) => [c.id, c.title]));
  const chapterTags = new Map(bundle.chapters.map((c) => [c.id, c.tags.join(" ")]));
  const docs: SearchDoc[] = [];
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
      title: `${c.company}`,
      context: c.industry,
      text: `${c.summary}\n${stack}\n${stripTags(c.html)}`,
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
      context: bundle.topics.find((t) => t.id === q.topic)?.title ?? q.topic,
      text: `${q.keyPoints.join("\n")}\n${stripTags(q.answerHtml)}`,
      tags: [...q.tags, ...q.companies].join(" "),
      url: `/questions/${q.id}`,
      topic: q.topic,
      difficulty: q.difficulty,
    });
  }
  return docs;
}

/** The serialized index plus each document's text (for snippets), written by ingest and read by the server. */
export function buildSearchIndex(docs: SearchDoc[]): string {
  const ms = new MiniSearch<SearchDoc>(OPTIONS);
  ms.addAll(docs);
  return JSON.stringify({ index: ms.toJSON(), texts: Object.fromEntries(docs.map((d) => [d.id, d.text])) });
}

export class SearchIndex {
  private constructor(
    private readonly ms: MiniSearch<SearchDoc>,
    private readonly texts: Record<string, string>,
  ) {}

  static fromJSON(json: string): SearchIndex {
    const parsed = JSON.parse(json) as { index: unknown; texts: Record<string, string> };
    return new SearchIndex(MiniSearch.loadJS(parsed.index as never, OPTIONS), parsed.texts);
  }

  search(query: string, opts: SearchOptions = {}): SearchHit[] {
    const q = query.trim().slice(0, 200);
    if (!q) return [];
    const filter = (r: MsResult) =>
      (!opts.kind || r.kind === opts.kind) && (!opts.topic || r.topic === opts.topic) && (!opts.difficulty || r.difficulty === opts.difficulty);
    // All terms must match when they can; otherwise fall back to any term so a typo does not empty the page.
    let results = this.ms.search(q, { filter, combineWith: "AND" });
    if (results.length === 0) results = this.ms.search(q, { filter, combineWith: "OR" });
    return results.slice(0, opts.limit ?? 20).map((r) => {
      const terms = [...new Set([...r.terms, ...r.queryTerms])];
      return {
        id: r.id as string,
        kind: r.kind,
        title: r.title,
        context: r.context,
        url: r.url,
        topic: r.topic,
        difficulty: r.difficulty,
        score: r.score,
        snippet: snippet(this.texts[r.id as string] ?? "", terms),
        titleHtml: highlight(r.title, terms),
      };
    });
  }
}

const cache = globalThis as unknown as { __search?: { file: string; mtimeMs: number; index: SearchIndex } };

export function getSearchIndex(): SearchIndex {
  const file = path.join(generatedDir(), SEARCH_FILE);
  const stat = fs.statSync(file);
  if (cache.__search?.file === file && cache.__search.mtimeMs === stat.mtimeMs) return cache.__search.index;
  const index = SearchIndex.fromJSON(fs.readFileSync(file, "utf8"));
  cache.__search = { file, mtimeMs: stat.mtimeMs, index };
  return index;
}

export function search(query: string, opts: SearchOptions = {}): SearchHit[] {
  return getSearchIndex().search(query, opts);
}

function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);
}

function termPattern(terms: string[]): RegExp | null {
  const parts = terms.filter((t) => t.length > 1).map((t) => t.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"));
  if (parts.length === 0) return null;
  parts.sort((a, b) => b.length - a.length);
  return new RegExp(`(${parts.join("|")})`, "gi");
}

export function highlight(text: string, terms: string[]): string {
  const re = termPattern(terms);
  if (!re) return escapeHtml(text);
  return text
    .split(re)
    .map((part, i) => (i % 2 === 1 ? `<mark>${escapeHtml(part)}</mark>` : escapeHtml(part)))
    .join("");
}

/** About 200 characters around the first matched term, cut at word boundaries. */
export function snippet(text: string, terms: string[], width = 200): string {
  const flat = text.replace(/\s+/g, " ").trim();
  const re = termPattern(terms);
  const at = re ? flat.search(re) : -1;
  let start = Math.max(0, (at < 0 ? 0 : at) - width / 3);
  if (start > 0) start = flat.indexOf(" ", start) + 1;
  let end = Math.min(flat.length, start + width);
  if (end < flat.length) end = flat.lastIndexOf(" ", end);
  const body = flat.slice(start, end);
  return `${start > 0 ? "… " : ""}${highlight(body, terms)}${end < flat.length ? " …" : ""}`;
}

function stripTags(html: string): string {
  return html.replace(/<[^>]+>/g, " ").replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&quot;/g, '"').replace(/&#x27;|&#39;/g, "'").replace(/&amp;/g, "&");
}
