import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import type { z } from "zod";
import { parseYaml, validateFrontmatter, validatedDoc } from "./frontmatter";
import type { ContentIssue } from "./issues";
import { headingAnchors, renderInline, renderMarkdown, inlineText, type HastTransform, type LinkRef, type Section } from "./markdown";
import { PARTS, caseStudySchema, chapterSchema, glossarySchema, questionSchema, topicSchema } from "./schema";
import type { CaseStudy, Chapter, ContentBundle, GlossaryTerm, Question, SectionText, Topic } from "./types";
import { flowDiagrams } from "./diagram";
import { glossaryMarker } from "./glossary";
import { validateBundle } from "./validate";
import { RenderCache } from "./render-cache";
import { ContentFiles } from "./content-files";
import { htmlToText } from "../search/text";

export interface LoadResult {
  bundle: ContentBundle;
  sectionTexts: SectionText[];
  issues: ContentIssue[];
  /** Per file: the links found in its markdown and where, for the cross-link check. */
  links: Map<string, LinkRef[]>;
  /** Per chapter id: every heading anchor with its line. */
  anchors: Map<string, Section[]>;
  /** Per file (topics: `file#id`), a lookup from frontmatter field path to line, for cross-file errors. */
  lineOf: Map<string, (path: PropertyKey[]) => number>;
  /** Per markdown file, its body and the file line it starts on (the quality checks read them). */
  bodies: Map<string, { body: string; bodyLine: number }>;
  /**
   * Plain text of each question's answer and case study's page, by search id (`q:…`, `cs:…`): worked out with
   * the render and cached with it, so an ingest does not turn every document's HTML into text again.
   */
  plainTexts: Map<string, string>;
}

const WORDS_PER_MINUTE = 220;

/** Reads every content root, validates it, and renders markdown. Never throws for bad content: it collects issues. */
export function loadContent(roots: string[], opts: { cwd?: string; html?: boolean; cache?: RenderCache; files?: ContentFiles } = {}): LoadResult {
  const cwd = opts.cwd ?? process.cwd();
  const files = opts.files ?? ContentFiles.lazy();
  const renderOpts = { htmlless: opts.html === false };
  const cache = opts.cache ?? RenderCache.memory();
  const rel = (f: string) => path.relative(cwd, f) || f;
  const result: LoadResult = {
    bundle: { topics: [], chapters: [], caseStudies: [], questions: [], glossary: [] },
    sectionTexts: [],
    issues: [],
    links: new Map(),
    anchors: new Map(),
    lineOf: new Map(),
    bodies: new Map(),
    plainTexts: new Map(),
  };
  const { bundle, issues } = result;

  const existing = roots.filter((root) => {
    if (fs.existsSync(root)) return true;
    issues.push({ file: rel(root), line: 1, message: "This content directory does not exist. Create it or fix CONTENT_DIR." });
    return false;
  });
  // Glossary first: every other document is rendered with its terms marked.
  for (const root of existing) {
    loadTopics(root, rel, result);
    for (const file of markdownFiles(path.join(root, "glossary"), rel, issues)) {
      const doc = readDoc(file, rel, "glossary", glossarySchema, result, cache, files);
      if (!doc) continue;
      const r = cache.get(["glossary", renderOpts.htmlless, doc.bodyLine, doc.bodyDigest], () => renderMarkdown(doc.body, doc.bodyLine - 1, [], renderOpts));
      result.links.set(doc.file, r.links);
      bundle.glossary.push({ ...doc.data, file: doc.file, html: r.html, text: r.text.trim() } satisfies GlossaryTerm);
    }
  }
  const terms = bundle.glossary.map((g) => ({ id: g.id, term: g.term, aliases: g.aliases, definition: g.text }));
  // Built on first use: its one regex over ~500 terms costs ~40 ms, and with a warm cache nothing needs it.
  let marker: ReturnType<typeof glossaryMarker> | undefined;
  const markTerms = (docId: string) => (marker ??= glossaryMarker(terms))(docId);
  // Every other document is rendered with the glossary's terms marked, so its rendering depends on them.
  // A digest, not the terms themselves: the key is hashed per document, and the terms run to ~100 kB.
  const glossaryKey = crypto.createHash("sha256").update(JSON.stringify(terms)).digest("base64url");
  // The whole-document text is kept only for glossary terms (their definitions); elsewhere it is unused
  // (words and section texts are separate fields), and keeping it made the cache a seventh larger.
  // The body's digest (cached with the frontmatter) stands for the body: hashing 43 characters instead of
  // the whole body is most of what a cache hit costs.
  // Questions and case studies keep their HTML's plain text instead (search indexes it; chapters are indexed
  // by section).
  const render = (kind: string, doc: { data: { id: string }; body: string; bodyLine: number; bodyDigest: string }, transforms: () => HastTransform[]) =>
    cache.get([kind, renderOpts.htmlless, glossaryKey, doc.data.id, doc.bodyLine, doc.bodyDigest], () => {
      const r = renderMarkdown(doc.body, doc.bodyLine - 1, transforms(), renderOpts);
      return { ...r, text: kind === "chapter" ? "" : htmlToText(r.html) };
    });

  for (const root of existing) {
    for (const file of markdownFiles(path.join(root, "chapters"), rel, issues)) {
      const doc = readDoc(file, rel, "chapter", chapterSchema, result, cache, files);
      if (!doc) continue;
      const r = render("chapter", doc, () => [headingAnchors, flowDiagrams, markTerms(doc.data.id)]);
      result.links.set(doc.file, r.links);
      result.anchors.set(doc.data.id, r.sections);
      if (r.sections.length === 0) {
        issues.push({ file: doc.file, line: doc.bodyLine, message: "The chapter has no `##` sections. Split it into sections so questions can link to them." });
      }
      const chapter: Chapter = {
        ...doc.data,
        file: doc.file,
        html: r.html,
        sections: r.sections.map(({ anchor, title, depth }) => ({ anchor, title, depth })),
        words: r.words,
        readingMinutes: Math.max(1, Math.round(r.words / WORDS_PER_MINUTE)),
      };
      bundle.chapters.push(chapter);
      for (const s of r.sections) result.sectionTexts.push({ chapterId: chapter.id, anchor: s.anchor, title: s.title, text: s.text });
    }

    for (const file of markdownFiles(path.join(root, "case-studies"), rel, issues)) {
      const doc = readDoc(file, rel, "case-study", caseStudySchema, result, cache, files);
      if (!doc) continue;
      const r = render("case-study", doc, () => [headingAnchors, flowDiagrams, markTerms(doc.data.id)]);
      result.links.set(doc.file, r.links);
      bundle.caseStudies.push({ ...doc.data, file: doc.file, html: r.html } satisfies CaseStudy);
      result.plainTexts.set(`cs:${doc.data.id}`, r.text);
    }

    for (const file of markdownFiles(path.join(root, "questions"), rel, issues)) {
      const doc = readDoc(file, rel, "question", questionSchema, result, cache, files);
      if (!doc) continue;
      const expected = `${doc.data.id}.md`;
      if (path.basename(file) !== expected) {
        issues.push({ file: doc.file, line: doc.lineOf(["id"]), message: `A question file must be named after its id. Rename the file to ${expected} (keep the id: learners' progress is stored under it).` });
      }
      const r = render("question", doc, () => [flowDiagrams, markTerms(doc.data.id)]);
      result.links.set(doc.file, r.links);
      // What the learner saw: a function of the file alone, so cached by its digest (hashing every answer
      // again cost ~15 ms per ingest).
      const hash = cache.get(["question-hash", doc.digest], () =>
        crypto
          .createHash("sha256")
          .update(JSON.stringify([doc.data.question, doc.body.trim(), doc.data.keyPoints]))
          .digest("hex")
          .slice(0, 16),
      );
      const question: Question = {
        ...doc.data,
        file: doc.file,
        questionHtml: renderOpts.htmlless ? "" : cache.get(["inline-html", doc.data.question], () => renderInline(doc.data.question)),
        questionText: cache.get(["inline-text", doc.data.question], () => inlineText(doc.data.question)),
        answerHtml: r.html,
        words: r.words,
        hash,
      };
      bundle.questions.push(question);
      result.plainTexts.set(`q:${doc.data.id}`, r.text);
    }

  }

  bundle.chapters.sort((a, b) => partIndex(a.part) - partIndex(b.part) || a.order - b.order || a.title.localeCompare(b.title));
  bundle.caseStudies.sort((a, b) => a.company.localeCompare(b.company));
  bundle.questions.sort((a, b) => a.topic.localeCompare(b.topic) || a.id.localeCompare(b.id));
  bundle.glossary.sort((a, b) => a.term.localeCompare(b.term, "en", { sensitivity: "base" }));

  issues.push(...validateBundle(result));
  issues.sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line);
  return result;
}

function partIndex(part: string) {
  return PARTS.indexOf(part as (typeof PARTS)[number]);
}

function loadTopics(root: string, rel: (f: string) => string, result: LoadResult) {
  const file = path.join(root, "topics.yml");
  if (!fs.existsSync(file)) return;
  if (fs.lstatSync(file).isSymbolicLink()) {
    result.issues.push({ file: rel(file), line: 1, message: "topics.yml is a symbolic link; content files must be real files in the content directory. Replace the link with the file itself." });
    return;
  }
  const text = readUtf8(file, rel(file), result.issues);
  if (text === null) return;
  const parsed = parseYaml(rel(file), text);
  if (!parsed.ok) {
    result.issues.push(...parsed.issues);
    return;
  }
  if (!Array.isArray(parsed.data)) {
    result.issues.push({ file: rel(file), line: 1, message: "topics.yml must be a YAML list of topics (`- id: ...`)." });
    return;
  }
  parsed.data.forEach((item, i) => {
    const v = validateFrontmatter(rel(file), { data: item, body: "", bodyLine: 0 }, (p) => parsed.lineOf([i, ...p]), topicSchema);
    if (!v.ok) result.issues.push(...v.issues);
    else {
      result.bundle.topics.push(v.data as Topic);
      result.lineOf.set(`${rel(file)}#${v.data.id}`, (p) => parsed.lineOf([i, ...p]));
    }
  });
}

function readDoc<S extends z.ZodType>(file: string, rel: (f: string) => string, kind: string, schema: S, result: LoadResult, cache: RenderCache, files: ContentFiles) {
  const name = rel(file);
  const base = path.basename(file, ".md");
  if (!/^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(base)) {
    result.issues.push({ file: name, line: 1, message: `File names are kebab-case. Rename it, e.g. to ${base.toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "")}.md.` });
  }
  const text = readUtf8(file, name, result.issues, files.bytes(file));
  if (text === null) return null;
  const digest = files.digest(file);
  const doc = validatedDoc(cache, kind, name, text, schema, result.issues, digest);
  if (!doc) return null;
  result.lineOf.set(name, doc.lineOf);
  result.bodies.set(name, { body: doc.body, bodyLine: doc.bodyLine });
  return { file: name, digest, ...doc };
}

/** The file as text, or null with a `file:line` issue where its bytes are not UTF-8 (never a silent U+FFFD). */
export function readUtf8(file: string, name: string, issues: ContentIssue[], bytes: Buffer = fs.readFileSync(file)): string | null {
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch (err) {
    if (!(err instanceof TypeError)) throw err;
  }
  let line = 1;
  let start = 0;
  for (let i = 0; i <= bytes.length; i++) {
    if (i < bytes.length && bytes[i] !== 0x0a) continue;
    const chunk = bytes.subarray(start, i);
    if (!Buffer.from(chunk.toString("utf8"), "utf8").equals(chunk)) break;
    line++;
    start = i + 1;
  }
  issues.push({ file: name, line, message: "This line is not valid UTF-8 (the file was probably saved in another encoding). Re-save the file as UTF-8." });
  return null;
}

/** Markdown files under `dir`; a symlink is reported, not followed (it could point outside the content root). */
function markdownFiles(dir: string, rel: (f: string) => string, issues: ContentIssue[]): string[] {
  if (!fs.existsSync(dir)) return [];
  const entries = fs.readdirSync(dir, { recursive: true, withFileTypes: true });
  for (const d of entries) {
    if (d.isSymbolicLink()) {
      issues.push({ file: rel(path.join(d.parentPath, d.name)), line: 1, message: "This is a symbolic link; content files must be real files in the content directory. Replace the link with the file itself." });
    }
  }
  return entries
    .filter((d) => d.isFile() && d.name.endsWith(".md") && d.name !== "README.md")
    .map((d) => path.join(d.parentPath, d.name))
    .sort();
}
