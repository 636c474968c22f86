import type { Nodes as MdNodes } from "mdast";

/**
 * Words that carry no meaning in a query ("what is kafka", "parquet vs avro"). They are dropped at index
 * and query time alike, so a question phrased in full finds the same documents as its keywords.
 */
export const STOP_WORDS = new Set(
  "a an and are as at be but by can do does for from how i if in into is it its of on or so than that the their then there these this to vs versus was what when where which who why will with you your".split(" "),
);

/** Lower case, and no stop words: the one term processor for indexing and querying. */
export function processTerm(term: string): string | null {
  const t = term.toLowerCase();
  return STOP_WORDS.has(t) ? null : t;
}

// Same splitting as MiniSearch's default tokenizer (space or punctuation, Unicode aware).
const SPLIT = /[\n\r\p{Z}\p{P}]+/u;

export function queryTerms(query: string): string[] {
  return query
    .split(SPLIT)
    .map((t) => (t ? processTerm(t) : null))
    .filter((t): t is string => !!t);
}

/** Each spelling of `term` with two neighbouring letters swapped ("kafak" → "kafka"): a typo Levenshtein prices at 2. */
export function transpositions(term: string): string[] {
  const out = new Set<string>();
  for (let i = 0; i + 1 < term.length; i++) {
    if (term[i] === term[i + 1]) continue;
    out.add(term.slice(0, i) + term[i + 1] + term[i] + term.slice(i + 2));
  }
  return [...out];
}

const NAMED: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'", nbsp: " " };

export function decodeEntities(s: string): string {
  return s.replace(/&(#x[0-9a-f]+|#[0-9]+|[a-z]+);/gi, (m, e: string) => {
    if (e[0] === "#") {
      const code = e[1] === "x" || e[1] === "X" ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
      return Number.isFinite(code) && code <= 0x10ffff ? String.fromCodePoint(code) : m;
    }
    return NAMED[e.toLowerCase()] ?? m;
  });
}

/**
 * Plain text of our own rendered HTML: glossary tooltips and heading `#` links are dropped (they are not
 * the document's words), block and cell boundaries become spaces, and entities are decoded.
 */
export function htmlToText(html: string): string {
  return decodeEntities(
    html
      .replace(/<span[^>]*class="term-tip"[^>]*>[^<]*<\/span>/g, "")
      .replace(/<a[^>]*class="anchor"[^>]*>[^<]*<\/a>/g, "")
      .replace(/<[^>]+>/g, " "),
  )
    .replace(/[ \t]+/g, " ")
    .trim();
}

// Nodes whose children are blocks: their children are separated by a line break, a row's cells by a space.
const CONTAINERS = new Set(["root", "blockquote", "list", "listItem", "table", "footnoteDefinition"]);

/**
 * Plain text of a markdown node with a break between blocks and list items and a space between table
 * cells (mdast-util-to-string glues them: "acksWaits forRisk"). Meant for section text extraction in
 * lib/content/markdown.ts (fillSectionText).
 */
export function mdastText(node: MdNodes): string {
  if (node.type === "html") return "";
  if ("value" in node && typeof node.value === "string") return node.value;
  if (node.type === "image") return node.alt ?? "";
  if (!("children" in node)) return "";
  const sep = CONTAINERS.has(node.type) ? "\n" : node.type === "tableRow" ? " " : "";
  return (node.children as MdNodes[]).map(mdastText).join(sep);
}

export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);
}

/** One case-insensitive pattern for all terms, longest first, built once per query. */
export function termPattern(terms: string[]): RegExp | null {
  const parts = [...new Set(terms)].filter((t) => t.length > 1).map((t) => t.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"));
  if (parts.length === 0) return null;
  parts.sort((a, b) => b.length - a.length);
  return new RegExp(`(${parts.join("|")})`, "gi");
}

export function highlight(text: string, terms: string[] | RegExp | null): string {
  const re = Array.isArray(terms) ? termPattern(terms) : terms;
  if (!re) return escapeHtml(text);
  return text
    .split(re)
    .map((part, i) => (i % 2 === 1 ? `<mark>${escapeHtml(part)}</mark>` : escapeHtml(part)))
    .join("");
}

/** Whitespace runs to one space: done once at build time so a snippet never scans a whole document twice. */
export function flatten(text: string): string {
  return text.replace(/\s+/g, " ").trim();
}

/** About 200 characters around the first matched term, cut at word boundaries. */
export function snippet(text: string, terms: string[] | RegExp | null, width = 200, flat = flatten(text)): string {
  const re = Array.isArray(terms) ? termPattern(terms) : terms;
  let at = -1;
  if (re) {
    re.lastIndex = 0;
    const m = re.exec(flat);
    at = m ? m.index : -1;
    re.lastIndex = 0;
  }
  let start = Math.max(0, (at < 0 ? 0 : at) - width / 3);
  if (start > 0) start = flat.indexOf(" ", start) + 1;
  let end = Math.min(flat.length, start + width);
  if (end < flat.length) {
    const space = flat.lastIndexOf(" ", end);
    if (space > start) end = space;
  }
  const body = flat.slice(start, end);
  return `${start > 0 ? "… " : ""}${highlight(body, re)}${end < flat.length ? " …" : ""}`;
}
