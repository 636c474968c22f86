import { z } from "zod";

// Frontmatter schemas, one per kind of file. They are the contract documented in CONTRIBUTING.md.

const slug = z
  .string()
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, "use lowercase letters, digits and single hyphens (kebab-case)");

export const STAGES = ["connect", "buffer", "process", "store", "visualize"] as const;
export const stageSchema = z.enum(STAGES);
export type Stage = z.infer<typeof stageSchema>;

export const STAGE_TITLES: Record<Stage, string> = {
  connect: "Connect",
  buffer: "Buffer",
  process: "Processing framework",
  store: "Store",
  visualize: "Visualize",
};

export const PARTS = ["introduction", "basic-skills", "advanced-skills", "hands-on", "cloud", "interviews"] as const;
export const PART_TITLES: Record<(typeof PARTS)[number], string> = {
  introduction: "Introduction",
  "basic-skills": "Basic skills",
  "advanced-skills": "Advanced skills",
  "hands-on": "Hands-on course",
  cloud: "Cloud and data sources",
  interviews: "Interviews",
};

export const DIFFICULTIES = ["junior", "mid", "senior"] as const;
export const QUESTION_KINDS = ["concept", "scenario", "design", "coding"] as const;

/** `chapter-id#section-anchor`: the section that teaches something. */
export const sectionRef = z
  .string()
  .regex(/^[a-z0-9-]+#[a-z0-9-]+$/, "write it as chapter-id#section-anchor, e.g. sql-fundamentals#window-functions");

const url = z.url({ protocol: /^https?$/, message: "use a full http(s) URL" });

/** Where an imported item came from (set by importers, never needed for hand-written content). */
export const sourceSchema = z.strictObject({
  name: z.string().min(2),
  url,
  path: z.string().optional(),
  line: z.number().int().min(1).optional(),
  license: z.string().min(2),
});

export const topicSchema = z.strictObject({
  id: slug,
  title: z.string().min(2),
  description: z.string().min(10),
  stage: stageSchema.nullable().default(null),
  chapter: slug,
});

export const chapterSchema = z.strictObject({
  id: slug,
  title: z.string().min(3),
  part: z.enum(PARTS),
  order: z.number().int().min(0),
  summary: z.string().min(20).max(400),
  tags: z.array(slug).default([]),
  stages: z.array(stageSchema).default([]),
  source: sourceSchema.optional(),
});

export const caseStudySchema = z.strictObject({
  id: slug,
  company: z.string().min(2),
  industry: z.string().min(2),
  summary: z.string().min(20).max(500),
  stack: z.strictObject({
    connect: z.array(z.string()).default([]),
    buffer: z.array(z.string()).default([]),
    process: z.array(z.string()).default([]),
    store: z.array(z.string()).default([]),
    visualize: z.array(z.string()).default([]),
  }),
  scale: z
    .array(z.strictObject({ figure: z.string().min(3), source: url }))
    .default([]),
  sources: z.array(z.strictObject({ title: z.string().min(3), url })).min(1, "list at least one public source"),
  questions: z.array(slug).default([]),
  tags: z.array(slug).default([]),
  slides: z.array(z.strictObject({ title: z.string().min(1), url })).default([]),
  podcasts: z
    .array(
      z.strictObject({
        number: z.number().int().min(0),
        title: z.string().min(1),
        description: z.string().optional(),
        video: url.optional(),
        audio: url.optional(),
      }),
    )
    .default([]),
  source: sourceSchema.optional(),
});

export const questionSchema = z.strictObject({
  id: slug,
  question: z.string().min(10),
  topic: slug,
  difficulty: z.enum(DIFFICULTIES),
  kind: z.enum(QUESTION_KINDS).default("concept"),
  tags: z.array(slug).default([]),
  companies: z.array(slug).default([]),
  chapter: sectionRef,
  // 2–5 for answered questions (checked by the validator, since open questions have none).
  keyPoints: z.array(z.string().min(3)).max(5, "give 2 to 5 key points").default([]),
  // An open question has no answer yet; it is browsable and searchable but only quizzable through `sameAs`.
  open: z.boolean().default(false),
  sameAs: slug.optional(),
  // Questions that test the same concept: the quiz never serves two of a group on one day. Symmetric and
  // transitive (ingest joins the lists into groups), so listing each sibling from one side is enough.
  siblings: z.array(slug).default([]),
  source: sourceSchema.optional(),
  // Switches off a heuristic check for this file (or one key point) when it misfires; the reason is required.
  skipChecks: z
    .array(
      z.strictObject({
        check: z.enum(["key-points", "link"]),
        point: z.number().int().min(1).max(5).optional(),
        reason: z.string().min(10, "say why the check is wrong here"),
      }),
    )
    .default([]),
});

export const glossarySchema = z.strictObject({
  id: slug,
  term: z.string().min(1),
  aliases: z.array(z.string().min(1)).default([]),
  chapter: sectionRef.optional(),
});

export type TopicMeta = z.infer<typeof topicSchema>;
export type ChapterMeta = z.infer<typeof chapterSchema>;
export type CaseStudyMeta = z.infer<typeof caseStudySchema>;
export type QuestionMeta = z.infer<typeof questionSchema>;
export type GlossaryMeta = z.infer<typeof glossarySchema>;
