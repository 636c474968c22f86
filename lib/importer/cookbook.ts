// Reads an upstream Data Engineering Cookbook clone (sections/*.md) and writes this project's content format.
// Tolerant by design: anything it cannot read becomes a warning with file:line, never a crash.
import fs from "node:fs";
import path from "node:path";
import GithubSlugger, { slug as githubSlug } from "github-slugger";
import type { Heading, Html, Image, Link, List, ListItem, Node, Paragraph, PhrasingContent, Root, RootContent, Table, Text } from "mdast";
import { toString } from "mdast-util-to-string";
import remarkGfm from "remark-gfm";
import remarkParse from "remark-parse";
import remarkStringify from "remark-stringify";
import { unified } from "unified";
import { visit, SKIP } from "unist-util-visit";
import { stringify as toYaml } from "yaml";
import { jaccard, wordingTokens } from "../content/validate";

export interface ImportIssue {
  file: string;
  line: number;
  message: string;
}

export interface ImportSummary {
  chapters: number;
  caseStudies: number;
  questions: number;
  answeredQuestions: number;
  warnings: ImportIssue[];
  errors: ImportIssue[];
}

export interface ImportOptions {
  from: string;
  to: string;
  /** Our answered questions; open upstream questions whose wording is close get `sameAs`. */
  match?: { id: string; text: string }[];
  repoUrl?: string;
  ref?: string;
}

export const UPSTREAM = { name: "Data Engineering Cookbook (Andreas Kretz)", repoUrl: "https://github.com/andkret/Cookbook", license: "Apache-2.0" };
const SAME_AS_JACCARD = 0.5;

/** Our ids are strict kebab-case; GitHub slugs may hold "--" (from "A / B"), which anchors keep but ids may not. */
function kebab(text: string): string {
  return githubSlug(text).replace(/-+/g, "-").replace(/^-|-$/g, "");
}

const parser = unified().use(remarkParse).use(remarkGfm).freeze();
const printer = unified().use(remarkGfm).use(remarkStringify, { bullet: "-", fences: true, rule: "-" }).freeze();

interface Podcast {
  number: number;
  title: string;
  description?: string;
  video?: string;
  audio?: string;
}

interface Ctx {
  file: string; // e.g. sections/01-Introduction.md
  warn: (line: number | undefined, message: string) => void;
  blobUrl: (target: string, line?: number) => string;
  rawUrl: (target: string) => string;
  chapterIdOf: Map<string, string>; // upstream file name -> chapter id
  anchorsOf: Map<string, Set<string>>; // chapter id -> anchors
}

const lineOf = (n: Node | undefined) => n?.position?.start.line ?? 1;

export function importCookbook(opts: ImportOptions): ImportSummary {
  const summary: ImportSummary = { chapters: 0, caseStudies: 0, questions: 0, answeredQuestions: 0, warnings: [], errors: [] };
  const sectionsDir = path.join(opts.from, "sections");
  if (!fs.existsSync(sectionsDir)) {
    summary.errors.push({ file: opts.from, line: 1, message: "No sections/ folder here. Point --from at a clone of the Cookbook repository." });
    return summary;
  }
  const repoUrl = (opts.repoUrl ?? UPSTREAM.repoUrl).replace(/\/$/, "");
  const ref = opts.ref ?? "master";
  const files = fs.readdirSync(sectionsDir).filter((f) => f.endsWith(".md")).sort();

  // Pass 1: parse everything and learn chapter ids and anchors, so links between files can be resolved.
  const docs = files.map((name) => {
    const file = `sections/${name}`;
    const raw = fs.readFileSync(path.join(sectionsDir, name), "utf8").replace(/\r\n?/g, "\n");
    const { source, glued } = unglueQuestions(raw, parser.parse(raw) as Root);
    const tree = parser.parse(source) as Root;
    return { name, file, tree, kind: classify(name, tree), glued };
  });
  const chapterIdOf = new Map<string, string>();
  const anchorsOf = new Map<string, Set<string>>();
  for (const d of docs) {
    if (d.kind === "case-studies") continue;
    const id = d.kind === "interview" ? "cookbook-interview-questions" : `cookbook-${kebab(baseName(d.name))}`;
    chapterIdOf.set(d.name, id);
    const slugger = new GithubSlugger();
    anchorsOf.set(id, new Set(d.tree.children.filter((n): n is Heading => n.type === "heading").map((h) => slugger.slug(toString(h)))));
  }

  const out = { topics: [] as object[], chapters: [] as [string, string][], caseStudies: [] as [string, string][], questions: [] as [string, string][] };
  for (const d of docs) {
    const ctx: Ctx = {
      file: d.file,
      warn: (line, message) => summary.warnings.push({ file: d.file, line: line ?? 1, message }),
      blobUrl: (target, line) => `${repoUrl}/blob/${ref}/${path.posix.normalize(path.posix.join("sections", target))}${line ? `#L${line}` : ""}`,
      rawUrl: (target) => `${repoUrl}/raw/${ref}/${path.posix.normalize(path.posix.join("sections", target))}`,
      chapterIdOf,
      anchorsOf,
    };
    for (const g of d.glued) {
      ctx.warn(g.line, `"${clip(g.text, 60)}" directly follows a paragraph line, so Markdown reads it as part of that paragraph; it was recovered as a list item. Add a blank line before it upstream.`);
    }
    try {
      if (d.kind === "case-studies") out.caseStudies.push(...caseStudies(d.tree, ctx));
      else if (d.kind === "interview") {
        const r = interview(d.tree, ctx, chapterIdOf.get(d.name)!, opts.match ?? []);
        out.chapters.push(r.chapter);
        out.topics.push(...r.topics);
        out.questions.push(...r.questions);
        summary.answeredQuestions += r.answered;
      } else {
        out.chapters.push(chapter(d.tree, ctx, d.name, chapterIdOf.get(d.name)!));
      }
    } catch (err) {
      summary.errors.push({ file: d.file, line: 1, message: `Could not import this file (${err instanceof Error ? err.message : String(err)}); it was skipped.` });
    }
  }

  writeOutput(opts.to, out);
  summary.chapters = out.chapters.length;
  summary.caseStudies = out.caseStudies.length;
  summary.questions = out.questions.length;
  return summary;
}

// A numbered bold question such as `11. **Why…?**` right under a paragraph line is, in CommonMark, that
// paragraph's lazy continuation: only a list starting at 1 may interrupt a paragraph. Renumbering it
// to `1.` (padded, so nested answers keep their indentation) changes no line numbers, and the list
// it starts is then read as questions. Each recovery is reported, so nothing changes silently.
const GLUED_ITEM = /^( {0,3})(\d{1,9})([.)])( +)(\*\*\S.*)$/;

export function unglueQuestions(source: string, tree: Root): { source: string; glued: { line: number; text: string }[] } {
  const lines = source.split("\n");
  const glued: { line: number; text: string }[] = [];
  visit(tree, "paragraph", (p: Paragraph) => {
    const start = p.position?.start.line;
    const end = p.position?.end.line;
    if (!start || !end) return;
    for (let n = start + 1; n <= end; n++) {
      const m = lines[n - 1].match(GLUED_ITEM);
      if (!m || m[2] === "1") continue;
      const pad = " ".repeat(m[2].length - 1);
      lines[n - 1] = `${m[1]}1${m[3]}${m[4]}${pad}${m[5]}`;
      glued.push({ line: n, text: toString(parser.parse(m[5])).trim() });
    }
  });
  return { source: glued.length ? lines.join("\n") : source, glued };
}

function classify(name: string, tree: Root): "case-studies" | "interview" | "chapter" {
  const title = toString(tree.children.find((n) => n.type === "heading") ?? { type: "text", value: "" });
  if (/interview/i.test(name) || /interview questions/i.test(title)) return "interview";
  const companies = tree.children.filter((n) => n.type === "heading" && companyOf(toString(n)));
  return /case-?stud/i.test(name) || companies.length >= 2 ? "case-studies" : "chapter";
}

function companyOf(heading: string): string | null {
  const m = heading.trim().match(/^(?:Data Science\s*(?:at|@)\s*|@\s*)(.+)$/i);
  return m ? m[1].trim() : null;
}

function baseName(name: string): string {
  return name
    .replace(/\.md$/, "")
    .replace(/^\d+[-_ ]*/, "")
    .replace(/([a-z])([A-Z])/g, "$1 $2");
}

const PARTS: [RegExp, string][] = [
  [/intro/i, "introduction"],
  [/basic/i, "basic-skills"],
  [/hands.?on/i, "hands-on"],
  [/cloud|data.?sources/i, "cloud"],
  [/interview/i, "interviews"],
];

function chapter(tree: Root, ctx: Ctx, name: string, id: string): [string, string] {
  const nodes = [...tree.children];
  const titleIdx = nodes.findIndex((n) => n.type === "heading" && n.depth === 1);
  const title = titleIdx >= 0 ? toString(nodes[titleIdx]).trim() : baseName(name);
  if (titleIdx >= 0) nodes.splice(titleIdx, 1);
  dropContents(nodes);
  const body: Root = { type: "root", children: nodes };
  transformBody(body, ctx);
  warnEmptySections(nodes, ctx);
  pinHeadings(body);
  if (!nodes.some((n) => n.type === "heading" && n.depth === 2)) {
    nodes.unshift({ type: "heading", depth: 2, children: [{ type: "text", value: "Overview {#overview}" }] });
  }
  const firstPara = nodes.find((n): n is Paragraph => n.type === "paragraph" && toString(n).trim().length >= 20);
  const meta = {
    id,
    title,
    part: PARTS.find(([re]) => re.test(name))?.[1] ?? "advanced-skills",
    order: Number(name.match(/^(\d+)/)?.[1] ?? 99),
    summary: clip(firstPara ? toString(firstPara) : `Imported from the Data Engineering Cookbook: ${title}.`, 380),
    tags: ["cookbook"],
    source: source(ctx, 1),
  };
  return [`chapters/${id}.md`, document(meta, print(body))];
}

function caseStudies(tree: Root, ctx: Ctx): [string, string][] {
  const out: [string, string][] = [];
  const seen = new Set<string>();
  const nodes = tree.children;
  for (let i = 0; i < nodes.length; i++) {
    const h = nodes[i];
    if (h.type !== "heading") continue;
    const company = companyOf(toString(h));
    if (!company) continue;
    let end = i + 1;
    while (end < nodes.length && !(nodes[end].type === "heading" && (nodes[end] as Heading).depth <= h.depth)) end++;
    const section = nodes.slice(i + 1, end);
    let id = `cookbook-${kebab(company)}`;
    for (let n = 2; seen.has(id); n++) id = `cookbook-${kebab(company)}-${n}`;
    seen.add(id);

    const podcasts: Podcast[] = [];
    const kept: RootContent[] = [];
    for (const n of section) {
      const p = n.type === "table" ? podcastOf(n) : null;
      if (p) podcasts.push(p);
      else kept.push(n);
    }
    const body: Root = { type: "root", children: kept };
    transformBody(body, ctx);
    // Nested headings become ### so the page's own ## sections stay on top.
    visit(body, "heading", (node: Heading) => {
      node.depth = 3;
    });
    const { sources, slides } = linksOf(kept);
    if (sources.length === 0 && slides.length === 0) ctx.warn(lineOf(h), `"${company}" has no links; the upstream section is kept as its source.`);
    if (kept.length === 0 && podcasts.length === 0) ctx.warn(lineOf(h), `"${company}" is an empty section.`);
    const prose = kept.find((n): n is Paragraph => n.type === "paragraph" && proseWords(n) >= 8);
    const meta = {
      id,
      company,
      industry: "Not stated upstream",
      summary: clip(prose ? toString(prose) : `${company}: talks, slides and articles collected by the Data Engineering Cookbook${podcasts.length ? ", with a podcast episode" : ""}.`, 480),
      stack: { connect: [], buffer: [], process: [], store: [], visualize: [] },
      sources: sources.length || slides.length ? [...sources, ...slides].map((l) => ({ ...l })) : [{ title: `Cookbook section on ${company}`, url: ctx.blobUrl(path.posix.basename(ctx.file), lineOf(h)) }],
      slides: slides.map((l) => ({ ...l })),
      podcasts,
      tags: ["cookbook"],
      source: source(ctx, lineOf(h)),
    };
    const text = print(body).trim();
    out.push([`case-studies/${id}.md`, document(meta, `## From the Cookbook {#cookbook}\n\n${text || "The upstream section lists links only."}\n`)]);
  }
  return out;
}

function podcastOf(table: Table): Podcast | null {
  const cells = table.children.flatMap((r) => r.children);
  const head = toString(cells[0] ?? { type: "text", value: "" });
  const m = head.match(/Podcast Episode:?\s*#?\s*(\d+)\s*[-:]?\s*(.*)/i);
  if (!m) return null;
  const p: Podcast = { number: Number(m[1]), title: m[2].trim() || `Episode ${m[1]}` };
  const links: Link[] = [];
  visit(table, "link", (l: Link) => {
    links.push(l);
  });
  for (const l of links) {
    const label = `${toString(l)} ${l.url}`;
    if (!p.video && /youtu|watch|video/i.test(label)) p.video = l.url;
    else if (!p.audio && /anchor|listen|audio|spotify|podcast/i.test(label)) p.audio = l.url;
  }
  const description = cells
    .slice(1)
    .map((c) => toString(c).trim())
    .find((t) => t && !/^[-|\s]*$/.test(t) && !/watch on|listen on/i.test(t));
  if (description) p.description = clip(description, 300);
  return p;
}

function linksOf(nodes: RootContent[]) {
  const sources: { title: string; url: string }[] = [];
  const slides: { title: string; url: string }[] = [];
  const seen = new Set<string>();
  let inSlides = false;
  for (const n of nodes) {
    const text = toString(n).trim();
    if (/^slides:?$/i.test(text)) {
      inSlides = true;
      continue;
    }
    if (n.type === "heading") inSlides = /slides/i.test(text);
    visit(n, "link", (l: Link, _i, parent) => {
      if (!/^https?:\/\//.test(l.url) || seen.has(l.url)) return;
      seen.add(l.url);
      const label = toString(l).trim();
      // "Druid Analytics: <https://…>" → the text before the link names it.
      const before = parent && "children" in parent ? toString({ type: "paragraph", children: (parent.children as PhrasingContent[]).slice(0, (parent.children as Node[]).indexOf(l)) } as Paragraph).trim().replace(/[:\s-]+$/, "") : "";
      const title = label && label !== l.url ? label : before.split("\n").pop()?.trim() || hostPath(l.url);
      const entry = { title: clip(title.length >= 3 ? title : hostPath(l.url), 200), url: l.url };
      // Upstream lists everything after "Slides:"; only unlabeled links and decks there are slides.
      const labeled = title !== hostPath(l.url);
      if (/slideshare|speakerdeck|\.pdf($|\?)/i.test(l.url) || (inSlides && !labeled)) slides.push(entry);
      else sources.push(entry);
    });
  }
  return { sources, slides };
}

/** Words outside links: tells a sentence from a "Label: <url>" line. */
function proseWords(p: Paragraph): number {
  return p.children
    .filter((c) => c.type !== "link")
    .map((c) => toString(c))
    .join(" ")
    .split(/\s+/)
    .filter((w) => /[a-z]{2}/i.test(w)).length;
}

function hostPath(url: string): string {
  try {
    const u = new URL(url);
    return `${u.hostname}${u.pathname === "/" ? "" : u.pathname}`.slice(0, 120);
  } catch {
    return url.slice(0, 120);
  }
}

function interview(tree: Root, ctx: Ctx, chapterId: string, match: { id: string; text: string }[]) {
  const nodes = [...tree.children];
  const titleIdx = nodes.findIndex((n) => n.type === "heading" && n.depth === 1);
  const title = titleIdx >= 0 ? toString(nodes[titleIdx]).trim() : "Interview questions";
  if (titleIdx >= 0) nodes.splice(titleIdx, 1);
  dropContents(nodes);

  const slugger = new GithubSlugger();
  const ids = new Set<string>();
  const topics: { id: string; title: string; description: string; stage: null; chapter: string }[] = [];
  const questions: [string, string][] = [];
  const intro: RootContent[] = [];
  const sections: { heading: string; anchor: string; line: number; items: { id: string; text: string; open: boolean }[]; prose: RootContent[] }[] = [];
  let answered = 0;
  const matchTokens = match.map((m) => ({ id: m.id, tokens: wordingTokens(m.text) }));

  for (const n of nodes) {
    if (n.type === "heading") {
      const heading = toString(n).trim();
      sections.push({ heading, anchor: slugger.slug(heading), line: lineOf(n), items: [], prose: [] });
      continue;
    }
    const current = sections[sections.length - 1];
    if (n.type !== "list") {
      (current ? current.prose : intro).push(n);
      continue;
    }
    if (!current) {
      ctx.warn(lineOf(n), "A list of questions comes before any topic heading; it was skipped. Put it under a heading such as `## SQL`.");
      continue;
    }
    for (const item of n.children) {
      const q = questionOf(item, ctx);
      if (!q) continue;
      let id = `cookbook-${kebab(q.text).slice(0, 80).replace(/-+$/, "")}`;
      for (let k = 2; ids.has(id); k++) id = `cookbook-${kebab(q.text).slice(0, 76).replace(/-+$/, "")}-${k}`;
      ids.add(id);
      // Sections with the same heading (upstream repeats some) share one topic.
      const topicId = `cookbook-${kebab(current.heading)}`;
      const meta: Record<string, unknown> = {
        id,
        question: clip(q.text, 300),
        topic: topicId,
        difficulty: "mid",
        kind: "concept",
        tags: ["cookbook"],
        chapter: `${chapterId}#${current.anchor}`,
        keyPoints: q.answer ? keyPointsOf(q.answer) : [],
        open: !q.answer,
        source: source(ctx, q.line),
      };
      if (!q.answer && matchTokens.length) {
        const mine = wordingTokens(q.text);
        let best: { id: string; score: number } | undefined;
        for (const m of matchTokens) {
          const score = jaccard(mine, m.tokens);
          if (score >= SAME_AS_JACCARD && (!best || score > best.score)) best = { id: m.id, score };
        }
        if (best) meta.sameAs = best.id;
      }
      if (q.answer) answered++;
      current.items.push({ id, text: q.text, open: !q.answer });
      questions.push([`questions/${topicId}/${id}.md`, document(meta, q.answer ? `${q.answer.trim()}\n` : "")]);
    }
  }

  const body: RootContent[] = [...intro];
  const topicIds = new Set<string>();
  for (const s of sections) {
    const topicId = `cookbook-${kebab(s.heading)}`;
    if (s.items.length && !topicIds.has(topicId)) {
      topicIds.add(topicId);
      topics.push({ id: topicId, title: `${s.heading} (Cookbook)`, description: `Interview questions on ${s.heading} collected in the Data Engineering Cookbook.`, stage: null, chapter: chapterId });
    } else if (!s.items.length && !s.prose.length) {
      ctx.warn(s.line, `The section "${s.heading}" is empty.`);
    }
  }
  const introRoot: Root = { type: "root", children: body };
  transformBody(introRoot, ctx);
  let md = print(introRoot).trim();
  if (!sections.length) md += "\n\n## Questions {#questions}\n\nNo questions were found.";
  for (const s of sections) {
    const prose: Root = { type: "root", children: s.prose };
    transformBody(prose, ctx);
    md += `\n\n## ${escapeHeading(s.heading)} {#${s.anchor}}\n\n`;
    const text = print(prose).trim();
    if (text) md += `${text}\n\n`;
    md += s.items.length ? s.items.map((i) => `- [${escapeLinkText(i.text)}](/questions/${i.id})${i.open ? " (open)" : ""}`).join("\n") : "No questions in this section yet.";
  }
  const meta = {
    id: chapterId,
    title,
    part: "interviews",
    order: 90,
    summary: `${title}: the interview questions collected in the Data Engineering Cookbook, answered ones and open ones.`,
    tags: ["cookbook"],
    source: source(ctx, 1),
  };
  return { chapter: [`chapters/${chapterId}.md`, document(meta, `${md.trim()}\n`)] as [string, string], topics, questions, answered };
}

/** `1. **Question?**` with a nested `- **Answer**: …` item, or a bare `- question` bullet. */
function questionOf(item: ListItem, ctx: Ctx): { text: string; answer: string | null; line: number } | null {
  const first = item.children[0];
  if (!first || first.type !== "paragraph") return null;
  const text = toString(first).replace(/\s+/g, " ").trim();
  if (!text || (first.children.length === 1 && first.children[0].type === "link")) return null;
  const nested = item.children.slice(1);
  const answerItem = nested
    .filter((c): c is List => c.type === "list")
    .flatMap((l) => l.children)
    .find((li) => {
      const p = li.children[0];
      return p?.type === "paragraph" && p.children[0]?.type === "strong" && /^answer\b/i.test(toString(p.children[0]));
    });
  if (!answerItem) {
    if (first.children[0]?.type === "strong" && nested.length) ctx.warn(lineOf(item), `"${clip(text, 60)}" has nested content but no **Answer** item; it was imported as an open question.`);
    return { text, answer: null, line: lineOf(item) };
  }
  const [lead, ...rest] = answerItem.children as RootContent[];
  const leadPara = lead as Paragraph;
  const phrasing = leadPara.children.slice(1);
  if (phrasing[0]?.type === "text") (phrasing[0] as Text).value = (phrasing[0] as Text).value.replace(/^\s*:?\s*/, "");
  const root: Root = { type: "root", children: [...(phrasing.length ? [{ type: "paragraph", children: phrasing } as Paragraph] : []), ...rest] };
  transformBody(root, ctx);
  const answer = print(root).trim();
  if (!answer) {
    ctx.warn(lineOf(answerItem), `"${clip(text, 60)}" has an empty **Answer**; it was imported as an open question.`);
    return { text, answer: null, line: lineOf(item) };
  }
  return { text, answer, line: lineOf(item) };
}

function keyPointsOf(answer: string): string[] {
  const tree = parser.parse(answer) as Root;
  const list = tree.children.find((n): n is List => n.type === "list");
  const fromList = list ? list.children.map((li) => toString(li.children[0] ?? li).trim()).filter(Boolean) : [];
  const sentences = toString({ type: "root", children: tree.children.filter((n) => n.type === "paragraph") } as Root)
    .split(/(?<=[.!?])\s+/)
    .map((s) => s.trim())
    .filter((s) => s.length >= 3);
  const points = (fromList.length >= 2 ? fromList : [...sentences, ...fromList])
    .map((p) => p.replace(/\s*Example:?$/i, "").trim())
    .filter((p) => p.length >= 3)
    .slice(0, 3)
    .map((p) => clip(p, 160));
  return points.length ? points : [clip(toString(tree), 160) || "See the answer"];
}

/** Links, images, raw HTML and podcast tables turned into what this site can render offline. */
function transformBody(tree: Root, ctx: Ctx) {
  visit(tree, (node, index, parent) => {
    if (!parent || index === undefined) return;
    if (node.type === "table") {
      const p = podcastOf(node as Table);
      if (p) {
        const links = [p.video && `[Watch](${p.video})`, p.audio && `[Listen](${p.audio})`].filter(Boolean).join(" · ");
        const replacement = parser.parse(`> **Podcast #${p.number}: ${escapeLinkText(p.title)}**${p.description ? ` ${escapeLinkText(p.description)}` : ""}${links ? ` ${links}` : ""}`).children;
        parent.children.splice(index, 1, ...(replacement as never[]));
        return [SKIP, index + replacement.length];
      }
    }
    if (node.type === "image") {
      const img = node as Image;
      const url = resolveUrl(img.url, ctx, lineOf(img), true);
      const replacement: Link | Text = url ? { type: "link", url, children: [{ type: "text", value: `Image: ${img.alt || path.posix.basename(img.url)}` }] } : { type: "text", value: img.alt ?? "" };
      parent.children.splice(index, 1, replacement as never);
      return SKIP;
    }
    if (node.type === "link") {
      const link = node as Link;
      const url = resolveUrl(link.url, ctx, lineOf(link), false);
      if (url) link.url = url;
      else parent.children.splice(index, 1, ...(link.children as never[]));
      return SKIP;
    }
    if (node.type === "html") {
      const html = (node as Html).value;
      if (/^<br\s*\/?>$/i.test(html.trim())) {
        parent.children.splice(index, 1, { type: "text", value: " " } as never);
        return [SKIP, index + 1];
      }
      const text = html.replace(/<br\s*\/?>/gi, " ").replace(/<[^>]*>/g, "").trim();
      if (!/^<\/?(br|b|i|em|strong|sup|sub|p|span|a|img)\b/i.test(html.trim())) ctx.warn(lineOf(node), `Raw HTML (${clip(html.trim(), 40)}) was reduced to its text.`);
      const flow = parent.type === "root" || parent.type === "listItem" || parent.type === "blockquote";
      const replacement: RootContent[] = !text ? [] : flow ? [{ type: "paragraph", children: [{ type: "text", value: text }] }] : [{ type: "text", value: text }];
      parent.children.splice(index, 1, ...(replacement as never[]));
      return [SKIP, index + replacement.length];
    }
    return undefined;
  });
}

function resolveUrl(url: string, ctx: Ctx, line: number, image: boolean): string | null {
  const u = url.trim();
  if (!u) {
    ctx.warn(line, "A link with no target was turned into plain text.");
    return null;
  }
  if (/^(https?:|mailto:)/i.test(u)) return u;
  if (/^[a-z][a-z0-9+.-]*:/i.test(u)) {
    ctx.warn(line, `A link with the unsupported scheme "${u.split(":")[0]}:" was turned into plain text.`);
    return null;
  }
  const [target, anchorRaw] = u.split("#");
  const anchor = anchorRaw?.toLowerCase();
  const here = path.posix.basename(ctx.file);
  const fileName = target ? path.posix.basename(target) : here;
  const chapterId = ctx.chapterIdOf.get(fileName);
  if (!image && chapterId && (!target || target.endsWith(".md"))) {
    if (!anchor) return `/chapters/${chapterId}`;
    if (ctx.anchorsOf.get(chapterId)?.has(anchor)) return `/chapters/${chapterId}#${anchor}`;
    ctx.warn(line, `The link "${u}" points at a heading that does not exist upstream; it now points at the upstream file.`);
    return ctx.blobUrl(target || here);
  }
  if (target && target.endsWith(".md") && !chapterId) {
    ctx.warn(line, `The link "${u}" points at a file that is not in sections/; it now points at the upstream repository.`);
  }
  const rel = target.startsWith("/") ? `..${target}` : target;
  return image ? ctx.rawUrl(rel) : ctx.blobUrl(rel || here);
}

function dropContents(nodes: RootContent[]) {
  const i = nodes.findIndex((n) => n.type === "heading" && /^contents:?$/i.test(toString(n).trim()));
  if (i < 0) return;
  let end = i + 1;
  while (end < nodes.length && nodes[end].type !== "heading") end++;
  nodes.splice(i, end - i);
}

function warnEmptySections(nodes: RootContent[], ctx: Ctx) {
  nodes.forEach((n, i) => {
    if (n.type !== "heading") return;
    const next = nodes[i + 1];
    if (!next || (next.type === "heading" && next.depth <= n.depth)) ctx.warn(lineOf(n), `The section "${toString(n).trim()}" is empty.`);
  });
}

/** Pins each heading's anchor to its GitHub slug so links keep working after upstream rewording. */
function pinHeadings(tree: Root) {
  const slugger = new GithubSlugger();
  for (const n of tree.children) {
    if (n.type !== "heading") continue;
    const anchor = slugger.slug(toString(n));
    if (!anchor) continue;
    n.children.push({ type: "text", value: ` {#${anchor}}` });
  }
}

function print(tree: Root): string {
  return String(printer.stringify(tree));
}

function source(ctx: Ctx, line: number) {
  return { name: UPSTREAM.name, url: ctx.blobUrl(path.posix.basename(ctx.file), line), path: ctx.file, line, license: UPSTREAM.license };
}

function document(meta: object, body: string): string {
  return `---\n${toYaml(meta, { lineWidth: 0 })}---\n${body.startsWith("\n") ? body : `\n${body}`}`;
}

function clip(s: string, n: number): string {
  const t = s.replace(/\s+/g, " ").trim();
  return t.length <= n ? t : `${t.slice(0, n - 1).replace(/\s+\S*$/, "")}…`;
}

function escapeLinkText(s: string): string {
  return s.replace(/([[\]\\*_`])/g, "\\$1");
}

function escapeHeading(s: string): string {
  return s.replace(/([\\*_`#])/g, "\\$1");
}

function writeOutput(to: string, out: { topics: object[]; chapters: [string, string][]; caseStudies: [string, string][]; questions: [string, string][] }) {
  for (const sub of ["chapters", "case-studies", "questions", "topics.yml"]) fs.rmSync(path.join(to, sub), { recursive: true, force: true });
  fs.mkdirSync(to, { recursive: true });
  fs.writeFileSync(path.join(to, "topics.yml"), out.topics.length ? toYaml(out.topics, { lineWidth: 0 }) : "[]\n");
  for (const [rel, text] of [...out.chapters, ...out.caseStudies, ...out.questions]) {
    const file = path.join(to, rel);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, text);
  }
  fs.writeFileSync(
    path.join(to, "README.md"),
    `Imported from the ${UPSTREAM.name} (${UPSTREAM.repoUrl}), licensed ${UPSTREAM.license}.\nGenerated by \`npm run import:cookbook\`; edits here are overwritten by the next import.\n`,
  );
}
