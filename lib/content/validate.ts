import type { ContentIssue } from "./issues";
import type { LoadResult } from "./load";
import { siblingIssues } from "./siblings";

export const ANSWER_WORDS = { min: 40, max: 250 } as const;
export const NEAR_DUPLICATE_JACCARD = 0.8;

/** Cross-file checks: unique ids, every reference resolves, answers within bounds, no near-duplicate questions. */
export function validateBundle(result: LoadResult): ContentIssue[] {
  const { bundle, anchors } = result;
  const issues: ContentIssue[] = [];
  const at = (file: string, field: PropertyKey[]) => result.lineOf.get(file)?.(field) ?? 1;
  const add = (file: string, field: PropertyKey[], message: string) => issues.push({ file, line: at(file, field), message });

  const chapters = uniqueIds("chapter", bundle.chapters, issues, at);
  const caseStudies = uniqueIds("case study", bundle.caseStudies, issues, at);
  const questions = uniqueIds("question", bundle.questions, issues, at);
  uniqueIds("glossary term", bundle.glossary, issues, at);
  const topics = new Map<string, (typeof bundle.topics)[number]>();
  for (const t of bundle.topics) {
    if (topics.has(t.id)) issues.push({ file: "topics.yml", line: 1, message: `Topic \`${t.id}\` is listed twice. Remove one entry.` });
    topics.set(t.id, t);
  }

  const sectionExists = (ref: string) => {
    const [chapterId, anchor] = ref.split("#");
    if (!chapters.has(chapterId)) return `chapter \`${chapterId}\` does not exist`;
    if (anchor && !anchors.get(chapterId)?.some((s) => s.anchor === anchor)) {
      const known = (anchors.get(chapterId) ?? []).map((s) => s.anchor).slice(0, 12).join(", ");
      return `chapter \`${chapterId}\` has no section \`#${anchor}\` (its sections: ${known})`;
    }
    return null;
  };

  for (const t of bundle.topics) {
    if (!chapters.has(t.chapter)) {
      const key = [...result.lineOf.keys()].find((k) => k.endsWith(`#${t.id}`)) ?? "content/topics.yml";
      issues.push({ file: key.split("#")[0], line: result.lineOf.get(key)?.(["chapter"]) ?? 1, message: `Topic \`${t.id}\` points at chapter \`${t.chapter}\`, which does not exist. Use the id of an existing chapter.` });
    }
  }

  for (const q of bundle.questions) {
    if (!topics.has(q.topic)) add(q.file, ["topic"], `Unknown topic \`${q.topic}\`. Use one of the ids in topics.yml (${[...topics.keys()].join(", ")}), or add the topic there.`);
    const bad = sectionExists(q.chapter);
    if (bad) add(q.file, ["chapter"], `The question links to ${q.chapter}, but ${bad}. Link it to the section that teaches it.`);
    q.companies.forEach((c, i) => {
      if (!caseStudies.has(c)) add(q.file, ["companies", i], `No case study has id \`${c}\`. Use a case study's id or remove the company tag.`);
    });
    if (q.open) {
      if (q.sameAs && !questions.get(q.sameAs)) add(q.file, ["sameAs"], `\`sameAs\` points at question \`${q.sameAs}\`, which does not exist. Use the id of an answered question.`);
      else if (q.sameAs && questions.get(q.sameAs)?.open) add(q.file, ["sameAs"], `\`sameAs\` must point at an answered question; \`${q.sameAs}\` is open too.`);
      continue;
    }
    if (q.words === 0) add(q.file, ["question"], "This question has no answer. Write the answer below the frontmatter, or mark it `open: true`.");
    else if (!q.source && (q.words < ANSWER_WORDS.min || q.words > ANSWER_WORDS.max)) {
      add(q.file, ["question"], `The answer has ${q.words} words; answers need ${ANSWER_WORDS.min}–${ANSWER_WORDS.max}. ${q.words < ANSWER_WORDS.min ? "Add the why, an example or a common pitfall." : "Cut it down to the direct answer, the why, one example and one pitfall."}`);
    }
    // Imported answers may be too short for two points; our own need at least two.
    if (q.keyPoints.length < (q.source ? 1 : 2)) add(q.file, ["keyPoints"], "Give 2 to 5 key points: the facts a good answer must mention (they drive rubric grading).");
  }

  for (const cs of bundle.caseStudies) {
    cs.questions.forEach((id, i) => {
      if (!questions.has(id)) add(cs.file, ["questions", i], `Question \`${id}\` does not exist. Use the id of a question file, or remove it from the list.`);
    });
  }

  for (const g of bundle.glossary) {
    if (g.chapter) {
      const bad = sectionExists(g.chapter);
      if (bad) add(g.file, ["chapter"], `The term links to ${g.chapter}, but ${bad}. Link it to the section that explains it.`);
    }
    if (g.text.split(/(?<=[.!?])\s+/).filter(Boolean).length > 3) add(g.file, ["term"], "A glossary definition is 1–3 sentences. Shorten it; the chapter can say the rest.");
  }
  const terms = new Map<string, string>();
  for (const g of bundle.glossary) {
    for (const name of [g.term, ...g.aliases]) {
      const key = name.toLowerCase();
      const other = terms.get(key);
      if (other && other !== g.file) add(g.file, ["term"], `"${name}" is already defined in ${other}. Merge the two entries or drop the alias.`);
      terms.set(key, g.file);
    }
  }

  // Links inside markdown bodies: internal ones must resolve.
  const fileChapter = new Map(bundle.chapters.map((c) => [c.file, c.id]));
  const glossaryIds = new Set(bundle.glossary.map((g) => g.id));
  for (const [file, links] of result.links) {
    for (const { url, line } of links) {
      const problem = checkLink(url, fileChapter.get(file), { sectionExists, caseStudies, questions, glossaryIds });
      if (problem) issues.push({ file, line, message: problem });
    }
  }

  issues.push(...siblingIssues(bundle.questions, at));
  issues.push(...nearDuplicates(bundle.questions, at));
  return issues;
}

function uniqueIds<T extends { id: string; file: string }>(
  kind: string,
  items: T[],
  issues: ContentIssue[],
  at: (file: string, field: PropertyKey[]) => number,
): Map<string, T> {
  const seen = new Map<string, T>();
  for (const item of items) {
    const first = seen.get(item.id);
    if (first) {
      issues.push({ file: item.file, line: at(item.file, ["id"]), message: `Duplicate ${kind} id \`${item.id}\`: ${first.file}:${at(first.file, ["id"])} uses it too. Give this one a new id.` });
    } else seen.set(item.id, item);
  }
  return seen;
}

function checkLink(
  url: string,
  chapterId: string | undefined,
  ctx: { sectionExists: (ref: string) => string | null; caseStudies: Map<string, unknown>; questions: Map<string, unknown>; glossaryIds: Set<string> },
): string | null {
  if (/^(https?:|mailto:)/.test(url)) return null;
  if (url.startsWith("#")) {
    if (!chapterId) return null;
    const bad = ctx.sectionExists(`${chapterId}${url}`);
    return bad ? `Link ${url} points nowhere: ${bad}. Fix the anchor.` : null;
  }
  const m = url.match(/^\/(chapters|case-studies|questions|glossary)(?:\/([a-z0-9-]+))?(?:#([a-z0-9-]+))?$/);
  if (!m) return `Link \`${url}\` is not a site path this checker knows. Use /chapters/<id>#<section>, /case-studies/<id>, /questions/<id>, /glossary#<id>, or a full https:// URL.`;
  const [, kind, id, anchor] = m;
  if (kind === "chapters" && id) {
    const bad = ctx.sectionExists(anchor ? `${id}#${anchor}` : id);
    return bad ? `Link \`${url}\` is dangling: ${bad}. Fix the link.` : null;
  }
  if (kind === "case-studies" && id && !ctx.caseStudies.has(id)) return `Link \`${url}\` is dangling: no case study \`${id}\`. Fix the link.`;
  if (kind === "questions" && id && !ctx.questions.has(id)) return `Link \`${url}\` is dangling: no question \`${id}\`. Fix the link.`;
  if (kind === "glossary" && anchor && !ctx.glossaryIds.has(anchor)) return `Link \`${url}\` is dangling: no glossary term \`${anchor}\`. Fix the link.`;
  return null;
}

const STOP = new Set("a an the of in on to and or is are what why how do does you your for with between vs versus it its be can when which that this".split(" "));

export function wordingTokens(text: string): Set<string> {
  return new Set(
    text
      .toLowerCase()
      .replace(/[^\p{L}\p{N}\s]/gu, " ")
      .split(/\s+/)
      .filter((w) => w && !STOP.has(w)),
  );
}

export function jaccard(a: Set<string>, b: Set<string>): number {
  if (a.size === 0 && b.size === 0) return 1;
  let inter = 0;
  for (const t of a) if (b.has(t)) inter++;
  return inter / (a.size + b.size - inter);
}

function nearDuplicates(questions: { id: string; file: string; questionText: string; source?: unknown }[], at: (file: string, field: PropertyKey[]) => number): ContentIssue[] {
  const issues: ContentIssue[] = [];
  const own = questions.filter((q) => !q.source);
  const tokens = own.map((q) => wordingTokens(q.questionText));
  for (const [i, j] of candidatePairs(tokens)) {
    const sa = tokens[i].size, sb = tokens[j].size;
    // Jaccard can reach the threshold only if the smaller set is at least 80% of the larger.
    if (Math.min(sa, sb) < NEAR_DUPLICATE_JACCARD * Math.max(sa, sb)) continue;
    const score = jaccard(tokens[i], tokens[j]);
    if (score >= NEAR_DUPLICATE_JACCARD) {
      issues.push({ file: own[j].file, line: at(own[j].file, ["question"]), message: `This question's wording is near-identical (Jaccard ${score.toFixed(2)}) to ${own[i].file}. Merge them, or make each ask something distinct.` });
    }
  }
  return issues;
}

/**
 * The pairs (i < j, in that order) that can reach the threshold, by prefix filtering: with tokens ordered
 * rarest first, two sets with Jaccard ≥ t share a token among the first |x| − ⌈t·|x|⌉ + 1 of each. Comparing
 * every pair was 665,000 comparisons and ~50 ms, most of an unchanged content's validation.
 */
export function candidatePairs(sets: Set<string>[], t = NEAR_DUPLICATE_JACCARD): [number, number][] {
  const df = new Map<string, number>();
  for (const set of sets) for (const w of set) df.set(w, (df.get(w) ?? 0) + 1);
  const byRarity = (a: string, b: string) => df.get(a)! - df.get(b)! || (a < b ? -1 : a > b ? 1 : 0);
  const seen = new Map<string, number[]>();
  const empty: number[] = [];
  const pairs: [number, number][] = [];
  sets.forEach((set, j) => {
    // Two empty sets are identical (Jaccard 1); an empty set has no prefix to share.
    if (set.size === 0) {
      for (const i of empty) pairs.push([i, j]);
      empty.push(j);
      return;
    }
    const prefix = [...set].sort(byRarity).slice(0, set.size - Math.ceil(t * set.size) + 1);
    const mine = new Set<number>();
    for (const w of prefix) {
      const list = seen.get(w);
      if (list) for (const i of list) mine.add(i);
      if (list) list.push(j);
      else seen.set(w, [j]);
    }
    for (const i of mine) pairs.push([i, j]);
  });
  return pairs.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
}

// ---- Key points covered by the answer; linked sections that teach the question -----------------------
// A term-overlap heuristic: significant terms (stop words dropped, light stemming, 5-letter prefix match)
// of a key point must mostly appear in the answer; the question's terms must appear in the linked section.
// Thresholds were set by reading the flagged items in the real content (see CONTRIBUTING.md).

export const KEY_POINT_MIN_COVERAGE = 0.5;
export const LINK_MIN_COVERAGE = 0.25;

const SIGNIFICANT_STOP = new Set(
  (
    "a an the of in on to and or is are was were be been being what why how do does did you your for with between vs versus it its " +
    "can could when which that this these those there their they them than then as at by from into onto over under not no nor but if so " +
    "also only just more most less least many much some any each every all both either neither one two use used uses using via per " +
    "will would should must may might has have had having get gets got make makes made does doing done about after before again " +
    "because while where who whom whose own same such very too out up down off we our us i me my he she his her him who instead rather " +
    "e g eg ie etc like than way ways thing things need needs needed lets let give gives given keep keeps kept still even well"
  ).split(" "),
);

/** Light stemming: enough to match partition/partitions/partitioned without a dictionary. */
export function stem(word: string): string {
  let w = word;
  if (w.length > 4 && w.endsWith("ies")) w = w.slice(0, -3) + "y";
  else if (w.length > 5 && w.endsWith("ing")) w = w.slice(0, -3);
  else if (w.length > 4 && w.endsWith("ed")) w = w.slice(0, -2);
  else if (w.length > 4 && /(ss|x|ch|sh)es$/.test(w)) w = w.slice(0, -2);
  else if (w.length > 3 && w.endsWith("s") && !w.endsWith("ss")) w = w.slice(0, -1);
  return w;
}

/** Significant terms of a text: lowercased words and numbers, stop words out, stemmed. */
export function significantTerms(text: string): string[] {
  const words = text
    .toLowerCase()
    .replace(/['’]s\b/g, "")
    .replace(/[`*_"“”‘’()[\]{},;:!?<>|]/g, " ")
    .split(/\s+/)
    .map((w) => w.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, ""))
    .filter(Boolean);
  const out: string[] = [];
  for (const raw of words) {
    // Dotted or hyphenated names (group.id, exactly-once) count as their parts too.
    const parts = raw.includes(".") && !/^\d+(\.\d+)*$/.test(raw) ? raw.split(/[.]/) : [raw];
    for (const p of parts.flatMap((x) => x.split("-"))) {
      if (!p || SIGNIFICANT_STOP.has(p) || (p.length < 3 && !/\d/.test(p))) continue;
      out.push(stem(p));
    }
  }
  return [...new Set(out)];
}

/** The share of `terms` present in `haystack` (a set of stemmed terms), with 5-letter prefix matching. */
export function termCoverage(terms: string[], haystack: Set<string>, prefixes: Set<string>): { share: number; missing: string[] } {
  if (terms.length === 0) return { share: 1, missing: [] };
  const missing = terms.filter((t) => !haystack.has(t) && !(t.length >= 5 && prefixes.has(t.slice(0, 5))));
  return { share: 1 - missing.length / terms.length, missing };
}

export function termIndex(text: string): { terms: Set<string>; prefixes: Set<string> } {
  const terms = new Set(significantTerms(text));
  return { terms, prefixes: new Set([...terms].filter((t) => t.length >= 5).map((t) => t.slice(0, 5))) };
}

export interface CoverageInput {
  questions: { id: string; file: string; open: boolean; questionText: string; keyPoints: string[]; chapter: string; skipChecks?: { check: string; point?: number; reason: string }[] }[];
  /** Plain text of each question's answer body, by id. */
  answers: Map<string, string>;
  /** Plain text of each chapter section (with its subsections), by `chapter#anchor`. */
  sections: Map<string, { title: string; text: string }>;
  lineOf: (file: string, field: PropertyKey[]) => number;
}

/** Key points the answer does not say, and chapter links whose section does not teach the question. */
export function coverageIssues(input: CoverageInput): { keyPoints: ContentIssue[]; links: ContentIssue[] } {
  const keyPoints: ContentIssue[] = [];
  const links: ContentIssue[] = [];
  for (const q of input.questions) {
    if (q.open) continue;
    const skips = q.skipChecks ?? [];
    const answer = input.answers.get(q.id);
    if (answer !== undefined && !skips.some((s) => s.check === "key-points" && s.point === undefined)) {
      const idx = termIndex(answer);
      q.keyPoints.forEach((kp, i) => {
        if (skips.some((s) => s.check === "key-points" && s.point === i + 1)) return;
        const terms = significantTerms(kp);
        const { share, missing } = termCoverage(terms, idx.terms, idx.prefixes);
        if (share < KEY_POINT_MIN_COVERAGE) {
          keyPoints.push({
            file: q.file,
            line: input.lineOf(q.file, ["keyPoints", i]),
            message: `Key point ${i + 1} is not in the answer (only ${Math.round(share * 100)}% of its terms appear; missing: ${missing.slice(0, 6).join(", ")}). Say it in the answer, or reword the key point to what the answer says.`,
          });
        }
      });
    }
    if (!skips.some((s) => s.check === "link")) {
      const section = input.sections.get(q.chapter);
      if (!section) continue; // a dangling link is reported by validateBundle
      const idx = termIndex(`${section.title}\n${section.text}`);
      // The key points name the concepts; the question text alone carries a scenario's company and context.
      // Figures in a scenario ("P99 of 60 ms") say nothing about which section teaches it.
      const terms = significantTerms(`${q.questionText}\n${q.keyPoints.join("\n")}`).filter((t) => !/^[\d.]+$/.test(t));
      const { share, missing } = termCoverage(terms, idx.terms, idx.prefixes);
      if (share < LINK_MIN_COVERAGE) {
        links.push({
          file: q.file,
          line: input.lineOf(q.file, ["chapter"]),
          message: `The linked section ${q.chapter} ("${section.title}") shares only ${Math.round(share * 100)}% of the terms of the question and its key points (missing: ${missing.slice(0, 6).join(", ")}). Link the section that teaches this, or write that section.`,
        });
      }
    }
  }
  return { keyPoints, links };
}
