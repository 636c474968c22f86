// What the platform-blueprint page shows for each stage, derived from content (no extra files to keep in sync).
import { getCaseStudies, getChapters, getQuestions, getTopics, STAGES, type Chapter, type CaseStudy, type Topic } from "./content/index";
import type { Stage } from "./content/schema";

export interface StageView {
  stage: Stage;
  tools: { name: string; count: number }[];
  chapters: Chapter[];
  topics: (Topic & { questions: number })[];
  caseStudies: CaseStudy[];
}

export function stageView(stage: Stage): StageView {
  const studies = getCaseStudies().filter((c) => c.stack[stage].length > 0);
  const tools = new Map<string, number>();
  for (const c of studies) {
    for (const raw of c.stack[stage]) {
      // Stack entries are prose-ish ("Apache Kafka (fronting clusters)"): count the product name.
      const name = raw.replace(/\s*\(.*\)\s*$/, "").trim();
      tools.set(name, (tools.get(name) ?? 0) + 1);
    }
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
