// A mock interview round: one case-study question, five concepts, one SQL, one design — timed.
import { getContent, isQuizzable, type Question } from "../content/index";
import { seededRandom } from "../rng";

export interface MockSlot {
  kind: "case-study" | "concept" | "sql" | "design";
  minutes: number;
  questionId: string;
}

export const SLOT_MINUTES = { "case-study": 6, concept: 2, sql: 5, design: 10 } as const;

/** Deterministic for a seed, so a round can be reloaded or shared. */
export function composeRound(opts: { seed: number; company?: string }): MockSlot[] {
  const rand = seededRandom(opts.seed);
  const all = getContent().questions.filter(isQuizzable);
  const used = new Set<string>();
  const pick = (pool: Question[], fallback: Question[]) => {
    const candidates = (pool.length ? pool : fallback).filter((q) => !used.has(q.id));
    if (!candidates.length) return undefined;
    const q = candidates[Math.floor(rand() * candidates.length)];
    used.add(q.id);
    return q;
  };
  const slots: MockSlot[] = [];
  const add = (kind: MockSlot["kind"], q: Question | undefined) => q && slots.push({ kind, minutes: SLOT_MINUTES[kind], questionId: q.id });

  const companyQs = all.filter((q) => q.companies.length > 0 && (!opts.company || q.companies.includes(opts.company)));
  add("case-study", pick(companyQs.filter((q) => q.kind === "design" || q.kind === "scenario"), companyQs));
  const topics = new Set<string>();
  for (let i = 0; i < 5; i++) {
    const q = pick(all.filter((x) => x.kind === "concept" && x.companies.length === 0 && !topics.has(x.topic) && x.topic !== "sql"), all.filter((x) => x.kind === "concept"));
    if (q) topics.add(q.topic);
    add("concept", q);
  }
  add("sql", pick(all.filter((q) => q.topic === "sql" && q.kind === "coding"), all.filter((q) => q.topic === "sql")));
  add("design", pick(all.filter((q) => q.topic === "system-design" && q.kind === "design"), all.filter((q) => q.kind === "design")));
  return slots;
}
