import fs from "node:fs";
import path from "node:path";
import { parseFrontmatter } from "../frontmatter";

// Code blocks of every content file, with the metadata their fence declares. The fence syntax is the
// contract documented in CONTRIBUTING.md ("Code samples are checked"):
//   ```sql                          PostgreSQL; executed when self-contained or given a setup, else parsed
//   ```sql name=orders              names the block so later blocks can use it as their setup
//   ```sql setup=orders             runs block `orders` (same file) first, then this one, in a fresh schema
//   ```sql dialect=snowflake        parsed by that engine's grammar (code/sql-dialects.ts maps dialects to parsers)
//   ```sql norun="needs a Kafka source"   neither run nor parsed; the reason is required
//   ```sql expect-error="violates foreign key"   executed; must fail with an error containing that text
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

const KNOWN_META = new Set(["dialect", "norun", "setup", "name", "run", "expect-error"]);

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
  for (const key of ["dialect", "setup", "name", "expect-error"]) {
    if (out[key] === true) errors.push(`\`${key}\` needs a value, e.g. ${key}=${key === "dialect" ? "snowflake" : "orders"}`);
  }
  return { meta: out, errors };
}

/**
 * Extracts the fenced code blocks of one markdown file (frontmatter skipped, lines are file lines).
 * A line scanner following CommonMark's fence rules rather than a full markdown parse: the check reads
 * every file, and parsing them all with remark took most of its time. A test compares both on the content.
 */
export function extractBlocks(file: string, source: string): CodeBlock[] {
  const text = source.replace(/\r\n?/g, "\n");
  const split = parseFrontmatter(file, text);
  const body = split.ok ? split.value.body : text;
  const offset = split.ok ? split.value.bodyLine - 1 : 0;
  const lines = body.split("\n");
  const blocks: CodeBlock[] = [];
  for (let i = 0; i < lines.length; i++) {
    const open = lines[i].match(/^( *)(`{3,}|~{3,})\s*([^`\s]*)\s*(.*)$/);
    if (!open || (open[2][0] === "`" && open[4].includes("`"))) continue;
    const [, indent, fence, lang, info] = open;
    const close = new RegExp(`^ *${fence[0] === "`" ? "`" : "~"}{${fence.length},}\\s*$`);
    const code: string[] = [];
    let j = i + 1;
    for (; j < lines.length && !close.test(lines[j]); j++) {
      // Content lines lose up to the fence's own indentation (fences inside list items).
      code.push(lines[j].replace(new RegExp(`^ {0,${indent.length}}`), ""));
    }
    const { meta, errors } = parseMeta(info);
    const line = i + 1 + offset;
    blocks.push({ file, line, codeLine: line + 1, lang: lang.toLowerCase(), meta, metaErrors: errors, code: code.join("\n") });
    i = j;
  }
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
