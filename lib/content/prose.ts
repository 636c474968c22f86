import fs from "node:fs";
import type { Root } from "mdast";
import { toString } from "mdast-util-to-string";
import remarkGfm from "remark-gfm";
import remarkParse from "remark-parse";
import { unified } from "unified";
import { parseFrontmatter } from "./frontmatter";
import type { SectionText } from "./types";

// Plain text for the coverage checks, read straight from the files so the loader's bundle stays as it is.

const parser = unified().use(remarkParse).use(remarkGfm).freeze();

/** The plain text (code included) of a content file's markdown body. */
export function bodyText(file: string): string {
  const parsed = parseFrontmatter(file, fs.readFileSync(file, "utf8"));
  if (!parsed.ok) return "";
  // Code blocks and inline code count: a key point may name `group.id` that only a sample shows.
  return toString(parser.parse(parsed.value.body) as Root, { includeImageAlt: false });
}

/** Section texts keyed `chapter#anchor`; a `##` section includes the text of its `###` subsections. */
export function sectionMap(sections: SectionText[], depthOf: (chapterId: string, anchor: string) => number): Map<string, { title: string; text: string }> {
  const out = new Map<string, { title: string; text: string }>();
  sections.forEach((s, i) => {
    let text = s.text;
    const depth = depthOf(s.chapterId, s.anchor);
    for (let j = i + 1; j < sections.length && sections[j].chapterId === s.chapterId && depthOf(s.chapterId, sections[j].anchor) > depth; j++) {
      text += `\n${sections[j].title}\n${sections[j].text}`;
    }
    out.set(`${s.chapterId}#${s.anchor}`, { title: s.title, text });
  });
  return out;
}
