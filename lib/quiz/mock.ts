// A mock interview round: one case-study question, five concepts, one SQL, one design — timed. The SQL
// slot is a real SQL exercise (written and run in the browser, graded by its result) when any exist;
// only a site without exercises falls back to a SQL question.
import { getContent, isQuizzable, type Question } from "../content/index";
import { getExerciseArtifacts } from "../exercises/index";
import { seededRandom } from "../rng";

export interface MockSlot {
  kind: "case-study" | "concept" | "sql" | "design";
  minutes: number;
  /** A question id, or (for the SQL slot) an exercise id: both are cards. */
  questionId: string;
}

/** Writing and running a query takes longer than recalling an answer: the SQL slot gets ten minutes. */
export const SLOT_MINUTES = { "case-study": 6, concept: 2, sql: 10, design: 10 } as const;

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
  // A company's round prefers that company's SQL exercises; junior/mid ones fit the slot's time.
  const sqlExercises = getExerciseArtifacts()
    .exercises.filter((e) => e.kind === "sql")
    .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  if (sqlExercises.length) {
    const fits = sqlExercises.filter((e) => e.difficulty !== "senior");
    const company = opts.company ? sqlExercises.filter((e) => e.companies.includes(opts.company!)) : [];
    const pool = company.length ? company : fits.length ? fits : sqlExercises;
    slots.push({ kind: "sql", minutes: SLOT_MINUTES.sql, questionId: pool[Math.floor(rand() * pool.length)].id });
  } else add("sql", pick(all.filter((q) => q.topic === "sql" && q.kind === "coding"), all.filter((q) => q.topic === "sql")));
  add("design", pick(all.filter((q) => q.topic === "system-design" && q.kind === "design"), all.filter((q) => q.kind === "design")));
  return slots;
}
