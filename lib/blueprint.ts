// What the platform-blueprint page shows for each stage, derived from content (no extra files to keep in sync).
import { getCaseStudies, getChapters, getQuestions, getTopics, STAGES, type Chapter, type CaseStudy, type Topic } from "./content/index";
import type { Stage } from "./content/schema";

export interface StageView {
  stage: Stage;
  tools: { name: string; count: number }[];
  chapters: Chapter[];
  topics: (Topic & { questions: number })[];
  caseStudies: (CaseStudy & { tools: string[] })[];
}

/**
 * Stack lists are YAML flow sequences, so `[Apache Kafka (immutable event log, source of truth)]` arrives as two
 * items split inside the brackets. Re-join pieces until their brackets balance: only top-level commas separate tools.
 */
export function stackEntries(items: readonly string[]): string[] {
  const out: string[] = [];
  let pending: string | undefined;
  for (const item of items) {
    pending = pending === undefined ? item : `${pending}, ${item}`;
    if (depth(pending) <= 0) {
      out.push(pending.trim());
      pending = undefined;
    }
  }
  if (pending !== undefined) out.push(pending.trim());
  return out;
}

function depth(s: string): number {
  let d = 0;
  for (const ch of s) {
    if (ch === "(" || ch === "[") d++;
    else if ((ch === ")" || ch === "]") && d > 0) d--;
  }
  return d;
}

/** The product name of a stack entry: "Apache Kafka (fronting clusters)" counts as "Apache Kafka". */
export function toolName(entry: string): string {
  return entry.replace(/\s*\(.*\)\s*$/s, "").trim() || entry;
}

export function stageView(stage: Stage): StageView {
  const studies = getCaseStudies()
    .filter((c) => c.stack[stage].length > 0)
    .map((c) => ({ ...c, tools: stackEntries(c.stack[stage]) }));
  const tools = new Map<string, number>();
  for (const c of studies) {
    for (const name of new Set(c.tools.map(toolName))) tools.set(name, (tools.get(name) ?? 0) + 1);
  }
  return {
    stage,
    tools: [...tools].map(([name, count]) => ({ name, count })).sort((a, b) => b.count - a.count || a.name.localeCompare(b.name)),
    chapters: getChapters().filter((c) => c.stages.includes(stage)),
    topics: getTopics()
      .filter((t) => t.stage === stage)
      .map((t) => ({ ...t, questions: getQuestions({ topic: t.id }).length })),
    caseStudies: studies,
  };
}

export function isStage(value: unknown): value is Stage {
  return typeof value === "string" && (STAGES as readonly string[]).includes(value);
}
