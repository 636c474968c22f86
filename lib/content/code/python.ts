import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { CodeBlock } from "./blocks";
import type { BlockOutcome } from "./outcome";

// Python samples: all are compiled in one python3 process (ast.parse); blocks fenced `python run` are
// then executed one by one in a temporary directory, with a time limit.

// Generous: samples finish in well under a second on an idle machine, but CI shares two cores with a build.
const RUN_TIMEOUT_MS = 30_000;
/** Note on a compiled block that looks runnable as is: the author should add `run` to its fence. */
export const RUN_CANDIDATE = "self-contained: add `run` to the fence";

// Compiles every source from stdin (a JSON list) and prints one JSON result per source.
// A compiled block is "self-contained" when it imports only the standard library, uses no name it does
// not define, and elides nothing with \`...\`: a candidate for \`python run\`.
const COMPILER = `
import ast, builtins, json, symtable, sys
def self_contained(src, tree):
    if any(isinstance(n, ast.Constant) and n.value is Ellipsis for n in ast.walk(tree)):
        return False
    for n in ast.walk(tree):
        mods = [a.name for a in n.names] if isinstance(n, ast.Import) else [n.module or ""] if isinstance(n, ast.ImportFrom) else []
        if any(m.split(".")[0] not in sys.stdlib_module_names for m in mods):
            return False
    top = symtable.symtable(src, "<block>", "exec")
    defined = {s.get_name() for s in top.get_symbols() if s.is_assigned() or s.is_imported() or s.is_namespace()}
    known = defined | set(dir(builtins))
    def free(t):
        for s in t.get_symbols():
            if s.is_referenced() and (t is top or s.is_global()) and s.get_name() not in known:
                return True
        return any(free(c) for c in t.get_children())
    return not free(top)
out = []
for src in json.load(sys.stdin):
    try:
        tree = ast.parse(src)
        out.append({"ok": True, "selfContained": self_contained(src, tree)})
    except SyntaxError as e:
        out.append({"ok": False, "line": e.lineno or 1, "message": f"{type(e).__name__}: {e.msg}"})
json.dump(out, sys.stdout)
`;

/** `>>> ` sessions keep only their input lines, so the block compiles like the code it shows. */
export function stripRepl(code: string): string {
  const lines = code.split("\n");
  if (!lines.some((l) => l.startsWith(">>> "))) return code;
  return lines
    .map((l) => (l.startsWith(">>> ") || l.startsWith("... ") ? l.slice(4) : l === ">>>" || l === "..." ? "" : "# " + l))
    .join("\n");
}

function run(cmd: string, args: string[], input: string, timeoutMs: number, cwd?: string): Promise<{ code: number | null; stdout: string; stderr: string; timedOut: boolean }> {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { cwd, stdio: ["pipe", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill("SIGKILL");
    }, timeoutMs);
    child.stdout.on("data", (d) => (stdout += d));
    child.stderr.on("data", (d) => (stderr += d));
    child.on("error", (err) => {
      clearTimeout(timer);
      reject(err);
    });
    child.on("close", (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr, timedOut });
    });
    // A command that exits without reading its input (or was never found) closes the pipe first: that
    // EPIPE is not a failure of the check, and the exit code above already reports what happened.
    child.stdin.on("error", (err: NodeJS.ErrnoException) => {
      if (err.code !== "EPIPE") reject(err);
    });
    child.stdin.end(input);
  });
}

export { run as runProcess };

export async function checkPython(blocks: CodeBlock[]): Promise<BlockOutcome[]> {
  if (blocks.length === 0) return [];
  const sources = blocks.map((b) => stripRepl(b.code));
  const r = await run("python3", ["-c", COMPILER], JSON.stringify(sources), 60_000).catch((err: Error) => ({ code: -1, stdout: "", stderr: err.message, timedOut: false }));
  if (r.code !== 0) {
    // No python3 (or it crashed): every block is unchecked, which is a failure of each, not a crash of the check.
    const message = `python3 could not check the samples: ${r.stderr.trim().split("\n").pop()?.slice(0, 200) ?? "no output"}`;
    return blocks.map((b) => ({ status: "failed", line: b.line, message, fix: "Install python3 (3.10 or later), then rerun the check." }));
  }
  const compiled = JSON.parse(r.stdout) as ({ ok: true; selfContained: boolean } | { ok: false; line: number; message: string })[];
  const outcomes: BlockOutcome[] = compiled.map((c, i) =>
    !c.ok
      ? { status: "failed", line: blocks[i].codeLine + c.line - 1, message: `python3 compile: ${c.message}`, fix: "Fix the syntax; an elided part is written `...` (a valid expression), not prose." }
      : { status: "parsed", note: c.selfContained && blocks[i].meta.run !== true ? RUN_CANDIDATE : undefined },
  );
  const runnable = blocks.map((b, i) => i).filter((i) => blocks[i].meta.run === true && outcomes[i].status === "parsed");
  if (runnable.length === 0) return outcomes;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "content-py-"));
  try {
    // Two at a time: the machine is shared, and most samples finish in well under a second.
    const queue = [...runnable];
    const worker = async () => {
      for (let i = queue.shift(); i !== undefined; i = queue.shift()) {
        const cwd = fs.mkdtempSync(path.join(dir, "b"));
        const res = await run("python3", ["-I", "-c", sources[i]], "", RUN_TIMEOUT_MS, cwd);
        if (res.timedOut) {
          outcomes[i] = { status: "failed", line: blocks[i].line, message: `python3 did not finish within ${RUN_TIMEOUT_MS / 1000} s`, fix: "Make the runnable sample finish quickly, or drop `run` from the fence." };
        } else if (res.code !== 0) {
          const tb = res.stderr.trim().split("\n");
          const lineMatch = [...res.stderr.matchAll(/File "<string>", line (\d+)/g)].pop();
          outcomes[i] = {
            status: "failed",
            line: lineMatch ? blocks[i].codeLine + Number(lineMatch[1]) - 1 : blocks[i].line,
            message: `python3 exited ${res.code}: ${tb[tb.length - 1]?.slice(0, 300) ?? ""}`,
            fix: "Fix the sample so it runs as shown (stdlib only, no files or network), or drop `run` from the fence.",
          };
        } else outcomes[i] = { status: "executed" };
      }
    };
    await Promise.all([worker(), worker()]);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
  return outcomes;
}
