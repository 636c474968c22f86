import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { CodeBlock } from "./blocks";
import type { BlockOutcome } from "./outcome";
import { runProcess } from "./python";

// Shell samples: `bash -n` for syntax, then shellcheck at severity "warning" (errors and warnings; style
// and info notes such as quoting advice in one-liners are not failures). Both run once over all blocks.
// Snippets use variables defined elsewhere and values they never read, so SC2154 (referenced but not
// assigned) and SC2034 (assigned but unused) are excluded; they flag the excerpt, not the script.

export const SHELLCHECK_ARGS = ["-S", "warning", "-s", "bash", "-e", "SC2154,SC2034", "-f", "json1"];

/** A `$ ` session keeps its commands (and their `\` continuations) and drops the printed output. */
export function stripPrompts(code: string): string {
  const lines = code.split("\n");
  if (!lines.some((l) => /^\$ /.test(l))) return code;
  let continuing = false;
  return lines
    .map((l) => {
      if (/^\$ /.test(l) || continuing) {
        const cmd = continuing ? l : l.slice(2);
        continuing = /\\$/.test(l);
        return cmd;
      }
      return "";
    })
    .join("\n");
}

let shellcheckAvailable: boolean | undefined;

export async function checkShell(blocks: CodeBlock[]): Promise<{ outcomes: BlockOutcome[]; shellcheck: boolean }> {
  if (blocks.length === 0) return { outcomes: [], shellcheck: false };
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "content-sh-"));
  try {
    const files = blocks.map((b, i) => {
      const f = path.join(dir, `b${i}.sh`);
      fs.writeFileSync(f, stripPrompts(b.code) + "\n");
      return f;
    });
    const outcomes: BlockOutcome[] = blocks.map(() => ({ status: "parsed" }));
    // One bash process checks every file; each report line is `index<TAB>message`.
    const script = `i=0; for f in "$@"; do out=$(bash -n "$f" 2>&1) || printf '%s\\t%s\\n' "$i" "$(printf '%s' "$out" | head -n 1)"; i=$((i+1)); done`;
    const syn = await runProcess("bash", ["-c", script, "bash", ...files], "", 60_000);
    for (const row of syn.stdout.split("\n").filter(Boolean)) {
      const [idx, msg] = row.split("\t");
      const i = Number(idx);
      const m = msg.match(/line (\d+): (.*)$/);
      outcomes[i] = { status: "failed", line: blocks[i].codeLine + (m ? Number(m[1]) - 1 : 0), message: `bash -n: ${m ? m[2] : msg}`, fix: "Fix the shell syntax; write placeholders as variables ($BUCKET) rather than <angle brackets>." };
    }
    if (shellcheckAvailable === undefined) {
      const probe = await runProcess("shellcheck", ["--version"], "", 10_000).catch(() => null);
      shellcheckAvailable = probe?.code === 0;
    }
    if (shellcheckAvailable) {
      const sc = await runProcess("shellcheck", [...SHELLCHECK_ARGS, ...files], "", 120_000);
      const report = JSON.parse(sc.stdout || '{"comments":[]}') as { comments: { file: string; line: number; level: string; code: number; message: string }[] };
      for (const c of report.comments) {
        const i = files.indexOf(c.file);
        if (i < 0 || outcomes[i].status === "failed") continue;
        outcomes[i] = { status: "failed", line: blocks[i].codeLine + c.line - 1, message: `shellcheck SC${c.code} (${c.level}): ${c.message}`, fix: `Fix it (https://www.shellcheck.net/wiki/SC${c.code}), or mark the fence norun="why" if the fragment cannot be made valid.` };
      }
    }
    return { outcomes, shellcheck: shellcheckAvailable };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
