// Last-changed dates for content files, read from git once at ingest (never per request).
import { execFileSync } from "node:child_process";

/**
 * Maps each file (relative to `cwd`, as the loader names it) to the ISO date of the last commit that touched it.
 * Returns an empty map when git is missing, this is not a repository, or the clone is shallow: a shallow clone
 * would date every file to its cut-off commit, and no date is more honest than a wrong one.
 */
export function gitDates(paths: string[], cwd = process.cwd()): Map<string, string> {
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
    // Not a repository or no git binary: the pages simply show no date.
    if (process.env.DEBUG_INGEST) console.error("git dates unavailable:", err);
  }
  return dates;
}

function git(args: string[], cwd: string): string {
  return execFileSync("git", args, { cwd, encoding: "utf8", stdio: ["ignore", "pipe", "ignore"], maxBuffer: 64 * 1024 * 1024 });
}
