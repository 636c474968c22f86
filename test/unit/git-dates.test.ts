import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, it } from "node:test";
import { gitDates, readHead } from "../../lib/content/git-dates";
import { RenderCache } from "../../lib/content/render-cache";

const git = (cwd: string, args: string[], date = "2026-01-02T10:00:00Z") =>
  execFileSync("git", args, {
    cwd,
    encoding: "utf8",
    env: { ...process.env, GIT_AUTHOR_DATE: date, GIT_COMMITTER_DATE: date, GIT_AUTHOR_NAME: "t", GIT_AUTHOR_EMAIL: "t@example.com", GIT_COMMITTER_NAME: "t", GIT_COMMITTER_EMAIL: "t@example.com" },
  }).trim();

function repo() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "git-dates-"));
  git(dir, ["init", "-q", "-b", "main"]);
  fs.mkdirSync(path.join(dir, "content"));
  fs.writeFileSync(path.join(dir, "content", "a.md"), "a\n");
  fs.writeFileSync(path.join(dir, "content", "b.md"), "b\n");
  git(dir, ["add", "."]);
  git(dir, ["commit", "-q", "-m", "first"], "2026-01-02T10:00:00Z");
  fs.writeFileSync(path.join(dir, "content", "b.md"), "b, edited\n");
  git(dir, ["commit", "-q", "-am", "second"], "2026-03-04T10:00:00Z");
  return dir;
}

describe("git dates", () => {
  it("dates each file by its last commit, and reads HEAD as git does (loose and packed refs)", () => {
    const dir = repo();
    const dates = gitDates(["content"], dir);
    assert.equal(dates.get("content/a.md"), "2026-01-02");
    assert.equal(dates.get("content/b.md"), "2026-03-04");
    const head = git(dir, ["rev-parse", "HEAD"]);
    assert.deepEqual(readHead(dir), { kind: "commit", commit: head });
    assert.deepEqual(readHead(path.join(dir, "content")), { kind: "commit", commit: head }, "found from a subfolder");
    git(dir, ["pack-refs", "--all"]);
    assert.ok(!fs.existsSync(path.join(dir, ".git", "refs", "heads", "main")), "the ref is only in packed-refs now");
    assert.deepEqual(readHead(dir), { kind: "commit", commit: head });
    git(dir, ["checkout", "-q", "--detach"]);
    assert.deepEqual(readHead(dir), { kind: "commit", commit: head });
  });

  it("works a commit's dates out once, and again after a new commit", () => {
    const dir = repo();
    const out = fs.mkdtempSync(path.join(os.tmpdir(), "git-dates-cache-"));
    const first = RenderCache.open(out, "html", "s");
    assert.equal(gitDates(["content"], dir, first).get("content/b.md"), "2026-03-04");
    first.save();
    const second = RenderCache.open(out, "html", "s");
    assert.equal(gitDates(["content"], dir, second).get("content/b.md"), "2026-03-04");
    assert.deepEqual([second.hits, second.misses], [1, 0], "same HEAD: served from the cache");
    fs.writeFileSync(path.join(dir, "content", "a.md"), "a, edited\n");
    git(dir, ["commit", "-q", "-am", "third"], "2026-05-06T10:00:00Z");
    const third = RenderCache.open(out, "html", "s");
    assert.equal(gitDates(["content"], dir, third).get("content/a.md"), "2026-05-06", "a new commit is seen");
    assert.equal(third.misses, 1);
  });

  it("gives no dates outside a repository or in a shallow clone", () => {
    const plain = fs.mkdtempSync(path.join(os.tmpdir(), "git-dates-none-"));
    // os.tmpdir() itself is not inside a repository on these machines; the walk stops at the root.
    assert.equal(readHead(plain).kind, "none");
    assert.equal(gitDates(["."], plain).size, 0);
    const dir = repo();
    const shallow = fs.mkdtempSync(path.join(os.tmpdir(), "git-dates-shallow-"));
    git(shallow, ["clone", "-q", "--depth", "1", `file://${dir}`, "c"]);
    const clone = path.join(shallow, "c");
    assert.equal(readHead(clone).kind, "shallow");
    assert.equal(gitDates(["content"], clone).size, 0);
  });
});
