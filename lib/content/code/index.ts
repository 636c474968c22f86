import fs from "node:fs";
import path from "node:path";
import { contentFiles, extractBlocks, type CodeBlock } from "./blocks";
import type { BlockOutcome } from "./outcome";
import { checkData } from "./data";
import { checkPython } from "./python";
import { checkShell } from "./shell";
import { SqlChecker } from "./sql";

export type { CodeBlock } from "./blocks";
export type { BlockOutcome } from "./outcome";
export { SqlChecker } from "./sql";

export const SHELL_LANGS = new Set(["bash", "sh", "shell", "console", "zsh"]);
export const DATA_LANGS = new Set(["yaml", "yml", "json", "toml", "properties", "ini"]);

export interface LangCounts {
  total: number;
  executed: number;
  parsed: number;
  norun: number;
  failed: number;
}

export interface CheckedBlock {
  block: CodeBlock;
  outcome: BlockOutcome;
}

export interface CodeCheckResult {
  blocks: CheckedBlock[];
  /** Per language: how many blocks ran, parsed only, were declared norun, or failed. */
  counts: Record<string, LangCounts>;
  shellcheck: boolean;
  ms: number;
}

/** Reads every question, chapter and case study under the roots and checks each fenced code block. */
export async function checkCode(roots: string[], cwd = process.cwd(), sql = new SqlChecker()): Promise<CodeCheckResult> {
  sql.warmUp();
  const started = performance.now();
  const all: CodeBlock[] = [];
  for (const root of roots) {
    for (const file of contentFiles(root)) all.push(...extractBlocks(path.relative(cwd, file) || file, fs.readFileSync(file, "utf8")));
  }
  const outcomes = new Map<CodeBlock, BlockOutcome>();
  const pending: CodeBlock[] = [];
  for (const b of all) {
    if (b.metaErrors.length) {
      outcomes.set(b, { status: "failed", line: b.line, message: `fence: ${b.metaErrors.join("; ")}`, fix: "Fix the fence options (see CONTRIBUTING.md, \"Code samples are checked\")." });
    } else if (typeof b.meta.norun === "string") outcomes.set(b, { status: "norun", reason: b.meta.norun });
    else pending.push(b);
  }

  const python = pending.filter((b) => b.lang === "python" || b.lang === "py");
  const shell = pending.filter((b) => SHELL_LANGS.has(b.lang));
  const [py, sh] = await Promise.all([checkPython(python), checkShell(shell)]);
  python.forEach((b, i) => outcomes.set(b, py[i]));
  shell.forEach((b, i) => outcomes.set(b, sh.outcomes[i]));

  try {
    let named = new Map<string, CodeBlock>();
    let file = "";
    for (const b of pending) {
      if (b.file !== file) {
        file = b.file;
        named = new Map();
      }
      if (b.lang === "sql") {
        outcomes.set(b, await sql.check(b, named));
        if (typeof b.meta.name === "string") named.set(b.meta.name, b);
      } else if (DATA_LANGS.has(b.lang)) outcomes.set(b, checkData(b));
      else if (!outcomes.has(b)) outcomes.set(b, { status: "other" });
    }
  } finally {
    await sql.close();
  }

  const counts: Record<string, LangCounts> = {};
  const blocks = all.map((block) => ({ block, outcome: outcomes.get(block)! }));
  for (const { block, outcome } of blocks) {
    const lang = block.lang || "(none)";
    const c = (counts[lang] ??= { total: 0, executed: 0, parsed: 0, norun: 0, failed: 0 });
    c.total++;
    if (outcome.status === "executed") c.executed++;
    else if (outcome.status === "parsed") c.parsed++;
    else if (outcome.status === "norun") c.norun++;
    else if (outcome.status === "failed") c.failed++;
  }
  return { blocks, counts, shellcheck: sh.shellcheck, ms: Math.round(performance.now() - started) };
}
