import { z } from "zod";
import { DIFFICULTIES, sectionRef } from "../content/schema";

// Frontmatter schemas for exercises and datasets: the contract documented in CONTRIBUTING.md
// ("Exercises"). Exercise ids share the quiz's Question table, so they carry an `ex-` prefix that
// question ids never use.

const slug = z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, "use lowercase letters, digits and single hyphens (kebab-case)");

export const EXERCISE_KINDS = ["sql", "python", "modeling"] as const;
export type ExerciseKind = (typeof EXERCISE_KINDS)[number];

/** Exercise topics: the folder under content/exercises/ and the filter on /practice. */
export const EXERCISE_TOPICS = {
  // SQL: the LeetCode SQL 50 groups …
  "select-filter": "Select and filter",
  joins: "Joins",
  "advanced-joins": "Advanced joins and anti-joins",
  aggregation: "Aggregation, grouping and sorting",
  subqueries: "Subqueries and CTEs",
  strings: "String functions",
  "dates-times": "Dates and times",
  "null-handling": "NULL handling",
  // … and what data-engineering rounds add.
  "window-functions": "Window functions",
  "top-n-per-group": "Top-N per group",
  "running-totals": "Running totals and moving averages",
  "dedup-latest": "Deduplication and latest row per key",
  sessionization: "Sessionization",
  "gaps-islands": "Gaps and islands",
  "scd-merge": "SCD2, MERGE and upsert",
  funnels: "Funnels",
  retention: "Retention cohorts",
  percentiles: "Percentiles and statistics",
  pivots: "Pivots",
  recursive: "Recursive hierarchies",
  "date-spines": "Date spines",
  // Python
  "python-parsing": "Parsing and validating records",
  "python-json": "Nested JSON",
  "python-dedup": "Deduplicating streams",
  "python-windows": "Windowed aggregation",
  "python-intervals": "Intervals",
  "python-heaps": "Top-k with heaps",
  "python-generators": "Generators and large files",
  "python-retries": "Retries and backoff",
  "python-rate-limit": "Rate limiting",
  "python-dag": "DAG scheduling",
  "python-diff": "Snapshot diffs",
  "python-basics": "Python data structures",
  // Modeling
  "star-schema": "Star schemas",
  scd2: "SCD2 dimensions",
  bridge: "Bridge tables and many-to-many",
  "relational-design": "Keys and constraints",
} as const;
export type ExerciseTopic = keyof typeof EXERCISE_TOPICS;
const topicIds = Object.keys(EXERCISE_TOPICS) as [ExerciseTopic, ...ExerciseTopic[]];

export const exerciseSchema = z
  .strictObject({
    id: z
      .string()
      .regex(/^ex-[a-z0-9]+(?:-[a-z0-9]+)*$/, "start the id with `ex-` and use kebab-case, e.g. ex-second-highest-salary (the prefix keeps it apart from question ids)"),
    title: z.string().min(3).max(90),
    kind: z.enum(EXERCISE_KINDS),
    topic: z.enum(topicIds),
    difficulty: z.enum(DIFFICULTIES),
    /** Dataset id (content/datasets/<id>.md). Required for sql; optional for modeling (probes may use it). */
    dataset: slug.optional(),
    dialect: z.literal("postgres").default("postgres"),
    /** Whether the row order of the result is part of the answer (the prompt must say how to order). */
    ordered: z.boolean().default(false),
    /** Python only: the function the learner writes and the tests call. */
    function: z.string().regex(/^[a-z_][a-z0-9_]*$/, "use a Python function name in snake_case").optional(),
    companies: z.array(slug).default([]),
    chapter: sectionRef,
    keyIdeas: z.array(z.string().min(3)).min(2, "give 2 to 5 key ideas").max(5, "give 2 to 5 key ideas"),
    hints: z.array(z.string().min(3)).min(1, "give at least one hint"),
    tags: z.array(slug).default([]),
  })
  .superRefine((v, ctx) => {
    if (v.kind === "sql" && !v.dataset) ctx.addIssue({ code: "custom", path: ["dataset"], message: "an SQL exercise needs `dataset:` (an id from content/datasets/)" });
    if (v.kind === "python" && !v.function) ctx.addIssue({ code: "custom", path: ["function"], message: "a Python exercise needs `function:`, the name of the function the learner writes" });
    if (v.kind !== "python" && v.function) ctx.addIssue({ code: "custom", path: ["function"], message: "`function:` is only for Python exercises; remove it" });
    if (v.kind === "python" && v.dataset) ctx.addIssue({ code: "custom", path: ["dataset"], message: "Python exercises take no dataset; put the input in the tests" });
  });

export type ExerciseMeta = z.infer<typeof exerciseSchema>;

export const datasetSchema = z.strictObject({
  id: slug,
  title: z.string().min(3),
  summary: z.string().min(20).max(400),
});
export type DatasetMeta = z.infer<typeof datasetSchema>;
