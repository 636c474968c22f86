// The glossary split by first letter: one page per letter keeps each page (and its prefetch) small.
import { getContent, type GlossaryTerm } from "./index";

export interface GlossaryGroup {
  /** URL segment: "a" to "z", or "other" for terms that do not start with a letter; "s-2" for a letter's second page. */
  key: string;
  label: string;
  /** 1-based page within the letter, and how many pages the letter has. */
  part: number;
  parts: number;
  terms: GlossaryTerm[];
}

/** Terms per page: a page is served twice over (HTML and RSC payload), so 40 terms stay well under 100 kB. */
export const TERMS_PER_PAGE = 40;

export function groupKey(term: string): string {
  const c = term.trim()[0]?.toLowerCase() ?? "";
  return c >= "a" && c <= "z" ? c : "other";
}

const memo = new WeakMap<object, GlossaryGroup[]>();

/** Groups in alphabetical order, computed once per content bundle. */
export function glossaryGroups(): GlossaryGroup[] {
  const content = getContent();
  const cached = memo.get(content);
  if (cached) return cached;
  const byKey = new Map<string, GlossaryTerm[]>();
  for (const t of content.glossary) {
    const key = groupKey(t.term);
    byKey.set(key, [...(byKey.get(key) ?? []), t]);
  }
  const letters = [...byKey.keys()].sort((a, b) => (a === "other" ? -1 : b === "other" ? 1 : a.localeCompare(b)));
  const groups: GlossaryGroup[] = [];
  for (const letter of letters) {
    const terms = byKey.get(letter)!.sort((a, b) => a.term.localeCompare(b.term, "en", { sensitivity: "base" }));
    const parts = Math.ceil(terms.length / TERMS_PER_PAGE);
    for (let part = 1; part <= parts; part++) {
      groups.push({
        key: part === 1 ? letter : `${letter}-${part}`,
        label: letter === "other" ? "#" : letter.toUpperCase(),
        part,
        parts,
        terms: terms.slice((part - 1) * TERMS_PER_PAGE, part * TERMS_PER_PAGE),
      });
    }
  }
  memo.set(content, groups);
  return groups;
}

export function glossaryGroup(key: string): GlossaryGroup | undefined {
  return glossaryGroups().find((g) => g.key === key);
}

/**
 * Links written as /glossary#<id> (content, older pages) land on /glossary; the page forwards them to the
 * letter page. An id usually starts with its term's letter, so only the exceptions are sent to the browser.
 */
export function glossaryIdExceptions(): Record<string, string> {
  const out: Record<string, string> = {};
  for (const g of glossaryGroups()) for (const t of g.terms) if (t.id[0] !== g.key || g.key === "other") out[t.id] = g.key;
  return out;
}
