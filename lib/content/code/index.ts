import fs from "node:fs";
import path from "node:path";
import { contentFiles, extractBlocks, type CodeBlock } from "./blocks";
import type { BlockOutcome } from "./outcome";
import { checkData } from "./data";
import { checkPython, runProcess } from "./python";
import { checkShell } from "./shell";
import { SqlChecker } from "./sql";
import type { RenderCache } from "../render-cache";

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

/**
 * Reads every question, chapter and case study under the roots and checks each fenced code block. With a
 * cache, a file whose bytes, checker code and tools (python3, shellcheck) are unchanged since a run in
 * which none of its blocks failed keeps its verdicts: a block depends only on its own file (setup blocks
 * are named within the file). Failed files are always checked again.
 */
export async function checkCode(roots: string[], cwd = process.cwd(), sql = new SqlChecker(), cache?: RenderCache): Promise<CodeCheckResult> {
  const started = performance.now();
  const all: CodeBlock[] = [];
  const outcomes = new Map<CodeBlock, BlockOutcome>();
  const tools = cache ? await toolVersions() : "";
  const fresh: { key: (string | boolean)[]; blocks: CodeBlock[] }[] = [];
  for (const root of roots) {
    for (const file of contentFiles(root)) {
      const rel = path.relative(cwd, file) || file;
      const text = fs.readFileSync(file, "utf8");
      const key = ["code", tools, rel, text];
      // The blocks are kept with their verdicts: extracting them means parsing the file's frontmatter.
      const known = cache?.peek<CheckedBlock[]>(key);
      if (known) {
        for (const { block, outcome } of known) {
          all.push(block);
          outcomes.set(block, outcome);
        }
        continue;
      }
      const blocks = extractBlocks(rel, text);
      all.push(...blocks);
      if (cache) fresh.push({ key, blocks });
    }
  }
  const pending: CodeBlock[] = [];
  for (const b of all) {
    if (outcomes.has(b)) continue;
    if (b.metaErrors.length) {
      outcomes.set(b, { status: "failed", line: b.line, message: `fence: ${b.metaErrors.join("; ")}`, fix: "Fix the fence options (see CONTRIBUTING.md, \"Code samples are checked\")." });
    } else if (typeof b.meta.norun === "string") outcomes.set(b, { status: "norun", reason: b.meta.norun });
    else pending.push(b);
  }

  // PGlite takes seconds to boot: started now only if a block may run (with a warm cache, usually none).
  if (pending.some((b) => b.lang === "sql")) sql.warmUp();
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

  for (const { key, blocks } of fresh) {
    const list = blocks.map((block) => ({ block, outcome: outcomes.get(block)! }));
    if (cache && list.every((c) => c.outcome.status !== "failed")) cache.put(key, list);
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
  // With a cache, shell verdicts may all be cached; they were made with the shellcheck in the key's tools.
  const shellcheck = sh.shellcheck || (cache !== undefined && !tools.includes("shellcheck: none"));
  return { blocks, counts, shellcheck, ms: Math.round(performance.now() - started) };
}

/** Which python3 and shellcheck checked a file is part of its verdict: installing shellcheck re-checks shell. */
async function toolVersions(): Promise<string> {
  const version = async (cmd: string) => {
    const r = await runProcess(cmd, ["--version"], "", 10_000).catch(() => null);
    return r?.code === 0 ? r.stdout.trim().split("\n").slice(0, 2).join(" ") : `${cmd}: none`;
  };
  return (await Promise.all([version("python3"), version("shellcheck"), version("bash")])).join(" | ");
}
