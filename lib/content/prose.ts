import type { SectionText } from "./types";

// Plain text for the coverage checks, from the bodies the loader read, so the bundle stays as it is.

/**
 * The words of a content file's markdown body, code included (a key point may name `group.id` that only
 * a sample shows). Raw markdown rather than a parsed tree: the term heuristic drops the punctuation
 * anyway, and skipping a second parse of every answer keeps the check fast.
 */
export function bodyText(body: string): string {
  return body.replace(/\]\([^)]*\)/g, "]");
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
