import { createHash } from "node:crypto";
import { LineCounter, parseDocument, isMap, isSeq, visit, type Node } from "yaml";
import type { z } from "zod";
import type { ContentIssue } from "./issues";
import type { RenderCache } from "./render-cache";

export interface SplitFile {
  data: unknown;
  body: string;
  /** 1-based line of the first body line in the file, so body positions map back to the file. */
  bodyLine: number;
}

type Parsed = { ok: true; value: SplitFile; lineOf: (path: PropertyKey[]) => number } | { ok: false; issues: ContentIssue[] };

/** The text frontmatter and body positions refer to: no byte-order mark, LF line ends. */
export const normalizeSource = (source: string) => source.replace(/^\uFEFF/, "").replace(/\r\n?/g, "\n");

/** Splits `---` frontmatter from the markdown body and parses it as YAML, keeping positions for errors. */
export function parseFrontmatter(file: string, source: string): Parsed {
  const text = normalizeSource(source);
  if (!text.startsWith("---\n")) {
    return fail(file, 1, "The file has no frontmatter. Start it with a line `---`, the YAML fields, and another `---`.");
  }
  const end = text.indexOf("\n---", 3);
  if (end === -1 || (text[end + 4] !== "\n" && end + 4 !== text.length)) {
    return fail(file, 1, "The frontmatter is never closed. Add a line `---` after the last YAML field.");
  }
  const yaml = parseYaml(file, text.slice(4, end + 1), 1);
  if (!yaml.ok) return yaml;
  const bodyStart = end + 5;
  const bodyLine = text.slice(0, bodyStart).split("\n").length;
  return { ok: true, value: { data: yaml.data, body: text.slice(bodyStart), bodyLine }, lineOf: yaml.lineOf };
}

/** Frontmatter never needs aliases; a handful is allowed, a bomb is not. */
const MAX_ALIASES = 20;

export type YamlResult = { ok: true; data: unknown; lineOf: (path: PropertyKey[]) => number } | { ok: false; issues: ContentIssue[] };

/** Parses YAML keeping positions; `lineOffset` is the file line the YAML text starts after. */
export function parseYaml(file: string, yamlText: string, lineOffset = 0): YamlResult {
  const lineCounter = new LineCounter();
  const doc = parseDocument(yamlText, { lineCounter, prettyErrors: false, uniqueKeys: true });
  if (doc.errors.length > 0) {
    return {
      ok: false,
      issues: doc.errors.map((e) => ({
        file,
        line: lineOffset + lineCounter.linePos(e.pos[0]).line,
        message: `This is not valid YAML (${e.code}: ${e.message.split("\n")[0]}). Check indentation and quote values that contain a colon.`,
      })),
    };
  }
  // An alias bomb (`a: &a [x,x]`, `b: [*a,*a]`, …) expands exponentially in toJSON; yaml stops it at
  // maxAliasCount with a bare exception, which we turn into a `file:line` issue at the first alias.
  let data: unknown;
  try {
    data = doc.toJS({ json: true, maxAliasCount: MAX_ALIASES });
  } catch (err) {
    if (!(err instanceof ReferenceError)) throw err;
    let at = 0;
    visit(doc, {
      Alias(_key, node) {
        at = node.range?.[0] ?? 0;
        return visit.BREAK;
      },
    });
    return {
      ok: false,
      issues: [{ file, line: lineOffset + lineCounter.linePos(at).line, message: `YAML aliases here expand too far (${err.message.split("\n")[0]}). Write the values out instead of using \`*alias\` references.` }],
    };
  }
  const lineOf = (path: PropertyKey[]) => {
    let node: unknown = doc.contents;
    let best = lineOffset + 1;
    for (const key of path) {
      if (isMap(node)) {
        const pair = node.items.find((p) => String((p.key as Node | null)?.toJSON?.() ?? p.key) === String(key));
        if (!pair) break;
        const range = ((pair.key as Node | null)?.range ?? (pair.value as Node | null)?.range) as [number, number] | undefined;
        if (range) best = lineOffset + lineCounter.linePos(range[0]).line;
        node = pair.value;
      } else if (isSeq(node) && typeof key === "number") {
        const item = node.items[key] as Node | undefined;
        if (item?.range) best = lineOffset + lineCounter.linePos(item.range[0]).line;
        node = item;
      } else break;
    }
    return best;
  };
  return { ok: true, data: data ?? {}, lineOf };
}

function fail(file: string, line: number, message: string): Parsed {
  return { ok: false, issues: [{ file, line, message }] };
}

/** Validates frontmatter against a schema and turns each zod issue into `file:line` plus a fix-it sentence. */
export function validateFrontmatter<S extends z.ZodType>(
  file: string,
  parsed: SplitFile,
  lineOf: (path: PropertyKey[]) => number,
  schema: S,
): { ok: true; data: z.infer<S> } | { ok: false; issues: ContentIssue[] } {
  const result = schema.safeParse(parsed.data);
  if (result.success) return { ok: true, data: result.data };
  return {
    ok: false,
    issues: result.error.issues.flatMap((issue) =>
      // An unknown key is reported on its own line, one issue per key (zod puts the path on the parent object).
      issue.code === "unrecognized_keys"
        ? issue.keys.map((key) => ({ file, line: lineOf([...issue.path, key]), message: describeIssue({ ...issue, keys: [key] }, false) }))
        : [{ file, line: lineOf(issue.path), message: describeIssue(issue, valueAt(parsed.data, issue.path) === undefined) }],
    ),
  };
}

function valueAt(data: unknown, path: PropertyKey[]): unknown {
  let v = data;
  for (const key of path) v = v && typeof v === "object" ? (v as Record<PropertyKey, unknown>)[key] : undefined;
  return v;
}

function describeIssue(issue: z.core.$ZodIssue, missing: boolean): string {
  const field = issue.path.length ? `\`${issue.path.join(".")}\`` : "The frontmatter";
  if (missing && issue.code !== "unrecognized_keys") {
    return `${field} is missing. Add it (see CONTRIBUTING.md for the fields this kind of file needs).`;
  }
  switch (issue.code) {
    case "invalid_type":
      return `${field} should be ${issue.expected}. Change its value to that type.`;
    case "unrecognized_keys":
      return `Unknown field ${issue.keys.map((k) => `\`${k}\``).join(", ")}. Remove it or fix its spelling (allowed fields are listed in CONTRIBUTING.md).`;
    case "invalid_value":
      return `${field} must be one of ${issue.values.map((v) => `\`${String(v)}\``).join(", ")}. Pick one of those.`;
    case "too_small":
    case "too_big":
      return `${field}: ${issue.message}. Adjust the value.`;
    default:
      return `${field}: ${issue.message}. Fix the value.`;
  }
}

export interface ValidatedDoc<T> {
  data: T;
  body: string;
  bodyLine: number;
  /** sha256 of the body, so render-cache keys can name the body without hashing it again on every hit. */
  bodyDigest: string;
  lineOf: (path: PropertyKey[]) => number;
}

/**
 * Frontmatter parsed and validated against `schema`, through the ingest cache: an unchanged file skips
 * YAML and zod. Only files without problems are cached, so a hit has no issues to report, and its line
 * map (wanted only when a later cross-file check reports a problem) parses the YAML again on first use.
 * `kind` names the schema in the cache key; `digest` stands for the text there (ingest has the file's already).
 */
export function validatedDoc<S extends z.ZodType>(
  cache: RenderCache,
  kind: string,
  file: string,
  text: string,
  schema: S,
  issues: ContentIssue[],
  digest = createHash("sha256").update(text).digest("base64url"),
): ValidatedDoc<z.infer<S>> | null {
  let lineOf: ((path: PropertyKey[]) => number) | null = null;
  const value = cache.get(
    ["doc", kind, file, digest],
    () => {
      const parsed = parseFrontmatter(file, text);
      if (!parsed.ok) {
        issues.push(...parsed.issues);
        return null;
      }
      const v = validateFrontmatter(file, parsed.value, parsed.lineOf, schema);
      if (!v.ok) {
        issues.push(...v.issues);
        return null;
      }
      lineOf = parsed.lineOf;
      // The body's length, not the body: the file's text is at hand, and bodies were a third of the cache.
      // The body's digest is computed once here, on a miss: an edit to the frontmatter alone keeps it, so
      // the body's render stays cached.
      const bodyDigest = createHash("sha256").update(parsed.value.body).digest("base64url");
      return { data: v.data as z.infer<S>, bodyLength: parsed.value.body.length, bodyLine: parsed.value.bodyLine, bodyDigest };
    },
    (v) => v !== null,
  );
  if (value === null) return null;
  const normalized = normalizeSource(text);
  const body = normalized.slice(normalized.length - value.bodyLength);
  const lines = (path: PropertyKey[]) => {
    if (!lineOf) {
      const parsed = parseFrontmatter(file, text);
      lineOf = parsed.ok ? parsed.lineOf : () => 1;
    }
    return lineOf(path);
  };
  return { data: value.data, body, bodyLine: value.bodyLine, bodyDigest: value.bodyDigest, lineOf: lines };
}
