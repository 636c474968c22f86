import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import { describe, it } from "node:test";
import { formatIssue } from "../../lib/content/issues";
import { loadContent } from "../../lib/content/load";
import { conceptKeys } from "../../lib/content/siblings";
import { copyFixtureContent } from "../helpers";

/** Adds a `siblings:` line after the `topic:` line of a fixture question; returns the file's path. */
function addSiblings(root: string, topic: string, id: string, siblings: string[]): string {
  const file = path.join(root, "questions", topic, `${id}.md`);
  const text = fs.readFileSync(file, "utf8");
  fs.writeFileSync(file, text.replace(/^(topic: .*)$/m, `$1\nsiblings:\n${siblings.map((s) => `  - ${s}`).join("\n")}`));
  return file;
}

const lineOf = (file: string, needle: string) => fs.readFileSync(file, "utf8").split("\n").findIndex((l) => l.includes(needle)) + 1;

describe("sibling groups", () => {
  it("joins one-sided lists into one group keyed by its smallest id (A lists B, B lists C)", () => {
    const keys = conceptKeys([
      { id: "b", siblings: ["c"] },
      { id: "c", siblings: [] },
      { id: "a", siblings: ["b"] },
      { id: "x", siblings: ["y"] },
      { id: "y", siblings: [] },
      { id: "lonely", siblings: [] },
    ]);
    assert.deepEqual(Object.fromEntries(keys), { a: "a", b: "a", c: "a", x: "x", y: "x" });
  });

  it("gives the same groups whatever side lists the link and in whatever order", () => {
    const forward = conceptKeys([{ id: "q1", siblings: ["q2"] }, { id: "q2", siblings: ["q3"] }, { id: "q3", siblings: [] }]);
    const backward = conceptKeys([{ id: "q3", siblings: ["q2"] }, { id: "q2", siblings: ["q1"] }, { id: "q1", siblings: [] }]);
    assert.deepEqual(Object.fromEntries(forward), Object.fromEntries(backward));
    assert.equal(new Set(forward.values()).size, 1);
  });

  it("ignores dangling and self links (the content check reports them)", () => {
    assert.deepEqual(Object.fromEntries(conceptKeys([{ id: "a", siblings: ["a", "missing"] }])), {});
  });
});

describe("content check on siblings", () => {
  it("rejects a dangling sibling id with file:line and a fix-it sentence", () => {
    const root = copyFixtureContent();
    const file = addSiblings(root, "sql", "sql-fixture-rank", ["sql-fixture-window", "sql-fixture-nope"]);
    const { issues } = loadContent([root], { cwd: root });
    const hit = issues.find((i) => i.message.includes("sql-fixture-nope"));
    assert.ok(hit, JSON.stringify(issues));
    assert.equal(formatIssue(hit), `questions/sql/sql-fixture-rank.md:${lineOf(file, "- sql-fixture-nope")}: \`siblings\` names question \`sql-fixture-nope\`, which does not exist. Use the id of another question file, or remove it.`);
    assert.equal(issues.length, 1, "the valid sibling is not reported");
  });

  it("rejects a question naming itself", () => {
    const root = copyFixtureContent();
    const file = addSiblings(root, "kafka-messaging", "kafka-fixture-offsets", ["kafka-fixture-offsets"]);
    const { issues } = loadContent([root], { cwd: root });
    assert.equal(issues.length, 1, JSON.stringify(issues));
    assert.equal(issues[0].line, lineOf(file, "- kafka-fixture-offsets"));
    assert.match(issues[0].message, /names this question itself .*Remove it/);
  });

  it("accepts valid siblings and keeps them in the bundle", () => {
    const root = copyFixtureContent();
    addSiblings(root, "sql", "sql-fixture-rank", ["sql-fixture-window"]);
    const { issues, bundle } = loadContent([root], { cwd: root });
    assert.deepEqual(issues, []);
    assert.deepEqual(bundle.questions.find((q) => q.id === "sql-fixture-rank")!.siblings, ["sql-fixture-window"]);
    assert.deepEqual(bundle.questions.find((q) => q.id === "sql-fixture-window")!.siblings, []);
  });
});
