// A company loadout: its case study's questions plus the questions about the tools in its stack.
// Deterministic and computed from the content alone (no search ranking): a question is about a tool
// when the tool's name is one of its tags or a whole phrase in its question text. Ties are broken by id,
// so retuning search never changes which cards get the interview retention target.
import { getContent, isQuizzable, type CaseStudy, type ContentBundle, type Question } from "../content/index";

const PER_TOOL = 6;

export function toolName(entry: string): string {
  return entry
    .replace(/\s*\(.*?\)\s*/g, " ")
    .replace(/^(Apache|Amazon|AWS|Google Cloud|Google|Azure|Microsoft)\s+/i, "")
    .trim();
}

const slug = (s: string) => s.toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "");
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

function aboutTool(q: Question, tool: string): boolean {
  if (q.tags.includes(slug(tool))) return true;
  return new RegExp(`(^|[^a-z0-9])${escape(tool.toLowerCase())}([^a-z0-9]|$)`).test(q.questionText.toLowerCase());
}

/** One company's loadout over a bundle. Pure: the same content gives the same ids in the same order. */
export function computeLoadout(bundle: Pick<ContentBundle, "questions">, cs: CaseStudy): string[] {
  const quizzable = bundle.questions.filter((q) => isQuizzable(q) && (q.companies.length === 0 || q.companies.includes(cs.id)));
  const byId = new Set(quizzable.map((q) => q.id));
  const ids = new Set<string>(cs.questions.filter((id) => byId.has(id)));
  const sorted = [...quizzable].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  for (const tool of [...new Set(Object.values(cs.stack).flat().map(toolName))].sort()) {
    if (tool.length < 2) continue;
    for (const q of sorted.filter((x) => aboutTool(x, tool)).slice(0, PER_TOOL)) ids.add(q.id);
  }
  return [...ids];
}

/** Every company's loadout; what ingest (or the content check) can compute once and validate. */
export function computeLoadouts(bundle: Pick<ContentBundle, "questions" | "caseStudies">): Record<string, string[]> {
  return Object.fromEntries(bundle.caseStudies.map((cs) => [cs.id, computeLoadout(bundle, cs)]));
}

// Content only changes on re-ingest (a new bundle object): loadouts are worked out once per bundle.
const cache = new WeakMap<object, Record<string, string[]>>();

export function loadoutQuestionIds(companyId: string): string[] {
  const bundle = getContent() as ContentBundle & { loadouts?: Record<string, string[]> };
  let all = bundle.loadouts ?? cache.get(bundle);
  if (!all) cache.set(bundle, (all = computeLoadouts(bundle)));
  return all[companyId] ?? [];
}
