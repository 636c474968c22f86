import GithubSlugger from "github-slugger";
import type { Root as MdRoot, Heading, Link, Nodes as MdNodes, Text } from "mdast";
import type { Root as HastRoot, Element } from "hast";
import { toString } from "mdast-util-to-string";
import rehypeSanitize, { defaultSchema, type Options as Schema } from "rehype-sanitize";
import rehypeStringify from "rehype-stringify";
import remarkGfm from "remark-gfm";
import remarkParse from "remark-parse";
import remarkRehype from "remark-rehype";
import { unified } from "unified";
import { visit } from "unist-util-visit";
import { contentId } from "./safe-ids";
import { rehypeCode } from "./highlight";
import { mdastText } from "../search/text";

export interface Section {
  anchor: string;
  title: string;
  depth: number;
  line: number;
  text: string;
}

export interface LinkRef {
  url: string;
  line: number;
}

export interface Rendered {
  html: string;
  text: string;
  words: number;
  sections: Section[];
  links: LinkRef[];
}

/** Hook for later passes over the sanitized tree (glossary terms, heading anchors). Runs on trusted output only. */
export type HastTransform = (tree: HastRoot) => void;

const EXPLICIT_ANCHOR = /\s*\{#([a-z0-9-]+)\}\s*$/;

// `## Title {#anchor}` pins an anchor so links survive rewording; otherwise GitHub-style slugs.
function assignHeadingIds(tree: MdRoot, sections: Section[], lineOffset: number) {
  const slugger = new GithubSlugger();
  visit(tree, "heading", (node: Heading) => {
    const last = node.children[node.children.length - 1];
    let anchor: string | undefined;
    if (last?.type === "text") {
      const m = (last as Text).value.match(EXPLICIT_ANCHOR);
      if (m) {
        anchor = m[1];
        (last as Text).value = (last as Text).value.replace(EXPLICIT_ANCHOR, "");
        slugger.slug(anchor);
      }
    }
    const title = toString(node).trim();
    anchor = contentId(anchor ?? slugger.slug(title));
    node.data = { ...node.data, hProperties: { ...(node.data?.hProperties ?? {}), id: anchor } };
    if (node.depth >= 2 && node.depth <= 3) {
      sections.push({ anchor, title, depth: node.depth, line: (node.position?.start.line ?? 1) + lineOffset, text: "" });
    }
  });
}

const sanitizeSchema: Schema = {
  ...defaultSchema,
  // Ids come only from our heading plugin (raw HTML is never parsed), so keep them unprefixed for stable anchors.
  clobber: ["name"],
  attributes: {
    ...defaultSchema.attributes,
    code: [...(defaultSchema.attributes?.code ?? []), ["className", /^language-[\w+-]+$/]],
    // Glossary terms are added after sanitizing, but anchors on headings must survive it.
    h2: ["id"],
    h3: ["id"],
  },
};

/** Adds a visible `#` link to each h2/h3 so readers can copy a section's address. */
export const headingAnchors: HastTransform = (tree) => {
  visit(tree, "element", (node: Element) => {
    if ((node.tagName === "h2" || node.tagName === "h3") && typeof node.properties?.id === "string") {
      node.children.push({
        type: "element",
        tagName: "a",
        properties: { href: `#${node.properties.id}`, className: ["anchor"], ariaLabel: "Link to this section" },
        children: [{ type: "text", value: "#" }],
      });
    }
  });
};

// Built once: creating unified processors per file dominated ingest time.
const parser = unified().use(remarkParse).use(remarkGfm).freeze();
const toSafeHast = unified().use(remarkRehype).use(rehypeSanitize, sanitizeSchema).use(rehypeCode).freeze();
const stringifier = unified().use(rehypeStringify).freeze();

export interface RenderOptions {
  /** Skip HTML (the content check needs only structure, links and words). */
  htmlless?: boolean;
}

export function renderMarkdown(body: string, lineOffset = 0, transforms: HastTransform[] = [], opts: RenderOptions = {}): Rendered {
  const sections: Section[] = [];
  const mdast = parser.runSync(parser.parse(body)) as MdRoot;
  assignHeadingIds(mdast, sections, lineOffset);

  const links: LinkRef[] = [];
  visit(mdast, "link", (node: Link) => {
    links.push({ url: node.url, line: (node.position?.start.line ?? 1) + lineOffset });
  });
  fillSectionText(mdast, sections, lineOffset);
  const text = toString(mdast);
  if (opts.htmlless) return { html: "", text, words: countWords(text), sections, links };

  const hast = toSafeHast.runSync(mdast) as HastRoot;
  for (const t of transforms) t(hast);
  const html = stringifier.stringify(hast);
  return { html, text, words: countWords(text), sections, links };
}

function fillSectionText(tree: MdRoot, sections: Section[], lineOffset: number) {
  if (sections.length === 0) return;
  const byLine = new Map(sections.map((s) => [s.line, s]));
  let current: Section | undefined;
  for (const node of tree.children) {
    const line = (node.position?.start.line ?? 0) + lineOffset;
    if (node.type === "heading" && node.depth <= 3) {
      current = byLine.get(line);
      continue;
    }
    if (current) current.text += (current.text ? "\n" : "") + mdastText(node as MdNodes);
  }
}

export function countWords(text: string): number {
  return text.split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w)).length;
}

/** Plain text of inline markdown (question titles may contain `code`). */
export function inlineText(markdown: string): string {
  return toString(parser.parse(markdown));
}

/** Sanitized HTML for a one-line markdown string, without the wrapping paragraph. */
export function renderInline(markdown: string): string {
  return renderMarkdown(markdown).html.replace(/^<p>/, "").replace(/<\/p>\s*$/, "");
}
