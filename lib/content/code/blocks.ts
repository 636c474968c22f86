import fs from "node:fs";
import path from "node:path";
import type { Code, Root } from "mdast";
import remarkGfm from "remark-gfm";
import remarkParse from "remark-parse";
import { unified } from "unified";
import { visit } from "unist-util-visit";
import { parseFrontmatter } from "../frontmatter";

// Code blocks of every content file, with the metadata their fence declares. The fence syntax is the
// contract documented in CONTRIBUTING.md ("Code samples are checked"):
//   ```sql                          PostgreSQL; executed when self-contained or given a setup, else parsed
//   ```sql name=orders              names the block so later blocks can use it as their setup
//   ```sql setup=orders             runs block `orders` (same file) first, then this one, in a fresh schema
//   ```sql dialect=snowflake        parsed by node-sql-parser in that dialect
//   ```sql norun="needs a Kafka source"   neither run nor parsed; the reason is required
//   ```python run                   executed with python3 (time limit); other python blocks are compiled
//   ```bash / sh / shell / console  bash -n and shellcheck; `$ ` prompts are stripped, output lines dropped

export interface CodeBlock {
  /** Repository-relative path of the content file. */
  file: string;
  /** File line of the opening fence. */
  line: number;
  /** File line of the first code line (fence + 1). */
  codeLine: number;
  lang: string;
  meta: Record<string, string | true>;
  /** Problems with the fence metadata itself (unknown keys, missing reasons). */
  metaErrors: string[];
  code: string;
}

const KNOWN_META = new Set(["dialect", "norun", "setup", "name", "run"]);

/** Parses `key=value`, `key="quoted value"` and bare `flag` tokens from a fence's info string. */
export function parseMeta(meta: string | null | undefined): { meta: Record<string, string | true>; errors: string[] } {
  const out: Record<string, string | true> = {};
  const errors: string[] = [];
  const re = /\s*([A-Za-z][\w-]*)(?:=(?:"((?:[^"\\]|\\.)*)"|'([^']*)'|(\S+)))?/y;
  const text = meta ?? "";
  let i = 0;
  while (i < text.length) {
    if (/^\s+$/.test(text.slice(i))) break;
    re.lastIndex = i;
    const m = re.exec(text);
    if (!m || m[0].length === 0) {
      errors.push(`the fence info \`${text}\` cannot be read after \`${text.slice(0, i)}\`; write key=value or key="a reason"`);
      break;
    }
    const [, key, dq, sq, bare] = m;
    const value = dq !== undefined ? dq.replace(/\\(.)/g, "$1") : sq ?? bare;
    if (!KNOWN_META.has(key)) errors.push(`unknown fence option \`${key}\` (known: ${[...KNOWN_META].join(", ")})`);
    out[key] = value ?? true;
    i = re.lastIndex;
  }
  if ("norun" in out && (out.norun === true || String(out.norun).trim().length < 5)) {
    errors.push('`norun` needs a reason, e.g. norun="needs a Kafka source"');
  }
  for (const key of ["dialect", "setup", "name"]) {
    if (out[key] === true) errors.push(`\`${key}\` needs a value, e.g. ${key}=${key === "dialect" ? "snowflake" : "orders"}`);
  }
  return { meta: out, errors };
}

const parser = unified().use(remarkParse).use(remarkGfm).freeze();

/** Extracts the fenced code blocks of one markdown file (frontmatter skipped, lines are file lines). */
export function extractBlocks(file: string, source: string): CodeBlock[] {
  const split = parseFrontmatter(file, source);
  const body = split.ok ? split.value.body : source;
  const offset = split.ok ? split.value.bodyLine - 1 : 0;
  const tree = parser.parse(body) as Root;
  const blocks: CodeBlock[] = [];
  visit(tree, "code", (node: Code) => {
    const { meta, errors } = parseMeta(node.meta);
    const line = (node.position?.start.line ?? 1) + offset;
    blocks.push({ file, line, codeLine: line + 1, lang: (node.lang ?? "").toLowerCase(), meta, metaErrors: errors, code: node.value });
  });
  return blocks;
}

/** Every content markdown file that holds prose with samples: questions, chapters, case studies. */
export function contentFiles(root: string): string[] {
  const out: string[] = [];
  for (const dir of ["questions", "chapters", "case-studies"]) {
    const full = path.join(root, dir);
    if (!fs.existsSync(full)) continue;
    for (const d of fs.readdirSync(full, { recursive: true, withFileTypes: true })) {
      if (d.isFile() && d.name.endsWith(".md") && d.name !== "README.md") out.push(path.join(d.parentPath, d.name));
    }
  }
  return out.sort();
}
