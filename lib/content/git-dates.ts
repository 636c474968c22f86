// Last-changed dates for content files, read from git once at ingest (never per request).
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import type { RenderCache } from "./render-cache";

/**
 * Maps each file (relative to `cwd`, as the loader names it) to the ISO date of the last commit that touched it.
 * Returns an empty map when git is missing, this is not a repository, or the clone is shallow: a shallow clone
 * would date every file to its cut-off commit, and no date is more honest than a wrong one.
 *
 * The dates depend only on the commit HEAD names, so with a `cache` they are worked out once per commit: an
 * edit-and-ingest loop then spawns no git at all (two spawns and a log walk cost 30–60 ms per ingest).
 */
export function gitDates(paths: string[], cwd = process.cwd(), cache?: RenderCache): Map<string, string> {
  const head = readHead(cwd);
  if (head.kind === "none" || head.kind === "shallow") return new Map();
  if (head.kind === "commit" && cache) return new Map(cache.get(["git-dates", head.commit, path.resolve(cwd), ...paths], () => [...logDates(paths, cwd)]));
  return logDates(paths, cwd);
}

type Head = { kind: "none" } | { kind: "shallow" } | { kind: "commit"; commit: string } | { kind: "unknown" };

/**
 * HEAD's commit, read from the repository's files instead of spawning git. Anything unusual (a worktree or
 * submodule whose `.git` is a file, a ref that is neither loose nor packed) is "unknown": git itself is asked.
 */
export function readHead(cwd: string): Head {
  let dir = path.resolve(cwd);
  for (;;) {
    const dotGit = path.join(dir, ".git");
    if (fs.existsSync(dotGit)) {
      if (!fs.statSync(dotGit).isDirectory()) return { kind: "unknown" };
      if (fs.existsSync(path.join(dotGit, "shallow"))) return { kind: "shallow" };
      const head = fs.readFileSync(path.join(dotGit, "HEAD"), "utf8").trim();
      if (/^[0-9a-f]{40,64}$/.test(head)) return { kind: "commit", commit: head };
      const ref = /^ref: (refs\/\S+)$/.exec(head)?.[1];
      if (!ref) return { kind: "unknown" };
      const loose = path.join(dotGit, ref);
      if (fs.existsSync(loose)) return { kind: "commit", commit: fs.readFileSync(loose, "utf8").trim() };
      const packedFile = path.join(dotGit, "packed-refs");
      const packed = fs.existsSync(packedFile) ? fs.readFileSync(packedFile, "utf8").split("\n").find((l) => l.endsWith(` ${ref}`)) : undefined;
      // No commit yet on this branch: there is nothing to date.
      return packed ? { kind: "commit", commit: packed.split(" ")[0] } : { kind: "unknown" };
    }
    const up = path.dirname(dir);
    if (up === dir) return { kind: "none" };
    dir = up;
  }
}

function logDates(paths: string[], cwd: string): Map<string, string> {
  const dates = new Map<string, string>();
  try {
    if (git(["rev-parse", "--is-shallow-repository"], cwd).trim() !== "false") return dates;
    // Newest first, so the first date seen for a file is its last change.
    const log = git(["log", "--format=%x00%cI", "--name-only", "--relative", "--no-renames", "--", ...paths], cwd);
    let current = "";
    for (const line of log.split("\n")) {
      if (line.startsWith("\0")) current = line.slice(1, 11);
      else if (line && current && !dates.has(line)) dates.set(line, current);
    }
  } catch (err) {
    // Not a repository, paths outside it, or no git binary: the pages simply show no date.
    if (process.env.DEBUG_INGEST) console.error("git dates unavailable:", err);
  }
  return dates;
}

function git(args: string[], cwd: string): string {
  return execFileSync("git", args, { cwd, encoding: "utf8", stdio: ["ignore", "pipe", "ignore"], maxBuffer: 64 * 1024 * 1024 });
}
