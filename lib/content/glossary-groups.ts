// The glossary split by first letter: one page per letter keeps each page (and its prefetch) small.
import { getContent, type GlossaryTerm } from "./index";

export interface GlossaryGroup {
  /** URL segment: "a" to "z", or "other" for terms that do not start with a letter. */
  key: string;
  label: string;
  terms: GlossaryTerm[];
}

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
  const groups = [...byKey.entries()]
    .map(([key, terms]) => ({ key, label: key === "other" ? "#" : key.toUpperCase(), terms }))
    .sort((a, b) => (a.key === "other" ? -1 : b.key === "other" ? 1 : a.key.localeCompare(b.key)));
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
  for (const g of glossaryGroups()) for (const t of g.terms) if (t.id[0] !== g.key[0] || g.key === "other") out[t.id] = g.key;
  return out;
}
