// A company loadout: its case study's questions plus the questions about the tools in its stack.
// Deterministic and computed from the content alone (no search ranking): a question is about a tool
// when the tool's name is one of its tags or a whole phrase in its question text. Ties are broken by id,
// so retuning search never changes which cards get the interview retention target.
import { getContent, isQuizzable, type CaseStudy, type ContentBundle, type Question } from "../content/index";
import type { ContentIssue } from "../content/issues";

const PER_TOOL = 6;

export function toolName(entry: string): string {
  return entry
    .replace(/\s*\(.*?\)\s*/g, " ")
    .replace(/^(Apache|Amazon|AWS|Google Cloud|Google|Azure|Microsoft)\s+/i, "")
    .trim();
}

const slug = (s: string) => s.toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "");
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** Quizzable questions in id order, and per tool the ones about it (worked out once per tool, not per company). */
interface ToolIndex {
  sorted: Question[];
  about: (tool: string) => Question[];
}

function toolIndex(questions: Question[]): ToolIndex {
  const sorted = questions.filter(isQuizzable).sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const lower = sorted.map((q) => q.questionText.toLowerCase());
  const tagged = new Map<string, Set<Question>>();
  for (const q of sorted) for (const t of q.tags) tagged.set(t, (tagged.get(t) ?? new Set()).add(q));
  const memo = new Map<string, Question[]>();
  const about = (tool: string) => {
    let hit = memo.get(tool);
    if (!hit) {
      const tag = slug(tool);
      const name = tool.toLowerCase();
      const re = new RegExp(`(^|[^a-z0-9])${escape(name)}([^a-z0-9]|$)`);
      // includes() first: most tools appear in few questions, and it is far cheaper than the regex.
      const withTag = tagged.get(tag);
      memo.set(tool, (hit = sorted.filter((q, i) => withTag?.has(q) || (lower[i].includes(name) && re.test(lower[i])))));
    }
    return hit;
  };
  return { sorted, about };
}

/** One company's loadout over a bundle. Pure: the same content gives the same ids in the same order. */
export function computeLoadout(bundle: Pick<ContentBundle, "questions">, cs: CaseStudy, index = toolIndex(bundle.questions)): string[] {
  // Questions tagged with other companies belong to those companies' decks only.
  const forCompany = (q: Question) => q.companies.length === 0 || q.companies.includes(cs.id);
  const byId = new Set(index.sorted.filter(forCompany).map((q) => q.id));
  const ids = new Set<string>(cs.questions.filter((id) => byId.has(id)));
  for (const tool of [...new Set(Object.values(cs.stack).flat().map(toolName))].sort()) {
    if (tool.length < 2) continue;
    for (const q of index.about(tool).filter(forCompany).slice(0, PER_TOOL)) ids.add(q.id);
  }
  return [...ids];
}

/** Every company's loadout; what ingest (or the content check) can compute once and validate. */
export function computeLoadouts(bundle: Pick<ContentBundle, "questions" | "caseStudies">): Record<string, string[]> {
  const index = toolIndex(bundle.questions);
  return Object.fromEntries(bundle.caseStudies.map((cs) => [cs.id, computeLoadout(bundle, cs, index)]));
}

/** The content check's view: a company whose loadout is empty gives an interview deck of nothing. */
export function loadoutIssues(bundle: Pick<ContentBundle, "questions" | "caseStudies">, loadouts = computeLoadouts(bundle)): ContentIssue[] {
  return bundle.caseStudies
    .filter((cs) => !loadouts[cs.id]?.length)
    .map((cs) => ({ file: cs.file, line: 1, message: `The company "${cs.id}" has an empty loadout: list quizzable questions under \`questions:\` or name tools in its stack that questions mention.` }));
}

// Content only changes on re-ingest (a new bundle object): loadouts are worked out once per bundle.
const cache = new WeakMap<object, Record<string, string[]>>();

export function loadoutQuestionIds(companyId: string): string[] {
  const bundle = getContent();
  let all = bundle.loadouts ?? cache.get(bundle);
  if (!all) cache.set(bundle, (all = computeLoadouts(bundle)));
  return all[companyId] ?? [];
}
