// A company loadout: its case study's questions plus the questions about the tools in its stack.
import { getCaseStudy, getContent, getQuestion, isQuizzable } from "../content/index";
import { search } from "../search/index";

const PER_TOOL = 6;

export function toolName(entry: string): string {
  return entry
    .replace(/\s*\(.*?\)\s*/g, " ")
    .replace(/^(Apache|Amazon|AWS|Google Cloud|Google|Azure|Microsoft)\s+/i, "")
    .trim();
}

// Content only changes on re-ingest (a new bundle object), so a loadout is worked out once per bundle
// rather than on every quiz request of a learner in interview mode.
const cache = new WeakMap<object, Map<string, string[]>>();

export function loadoutQuestionIds(companyId: string): string[] {
  const bundle = getContent();
  let byCompany = cache.get(bundle);
  if (!byCompany) cache.set(bundle, (byCompany = new Map()));
  let ids = byCompany.get(companyId);
  if (!ids) byCompany.set(companyId, (ids = computeLoadout(companyId)));
  return ids;
}

function computeLoadout(companyId: string): string[] {
  const cs = getCaseStudy(companyId);
  if (!cs) return [];
  const ids = new Set<string>(cs.questions);
  for (const tool of new Set(Object.values(cs.stack).flat().map(toolName))) {
    if (tool.length < 2) continue;
    for (const hit of search(tool, { kind: "question", limit: PER_TOOL })) ids.add(hit.id.slice(2));
  }
  return [...ids].filter((id) => {
    const q = getQuestion(id);
    return q && isQuizzable(q) && (q.companies.length === 0 || q.companies.includes(companyId));
  });
}
