import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import { after, before, describe, it } from "node:test";
import { checkExercises, type CheckResult } from "../../lib/exercises/check";
import { copyFixtureContent, tempDir } from "../helpers";

// Runs the real verifier (PGlite and Pyodide in worker threads) on fixture exercises.
const GOOD = path.resolve("test/fixtures/exercises/good");
const BROKEN = path.resolve("test/fixtures/exercises/broken");

describe("exercise check", { timeout: 600_000 }, () => {
  let good: CheckResult;
  let broken: CheckResult;
  let root: string;
  let cacheDir: string;
  before(async () => {
    root = copyFixtureContent(GOOD);
    cacheDir = tempDir("excache");
    good = await checkExercises({ roots: [root], cwd: path.dirname(root), cacheDir });
    const brokenRoot = copyFixtureContent(GOOD);
    fs.cpSync(BROKEN, brokenRoot, { recursive: true });
    broken = await checkExercises({ roots: [brokenRoot], cwd: path.dirname(brokenRoot), cacheDir: null });
  });
  after(() => undefined);

  it("verifies every reference solution and derives the expected result from it", () => {
    assert.deepEqual(good.issues, []);
    const ex = good.artifacts.exercises.find((e) => e.id === "ex-fixture-team-sizes");
    assert.deepEqual(ex?.expected?.rows.sort(), [["blue", 2], ["red", 3]]);
    assert.equal(good.artifacts.exercises.length, 3);
    const tiny = good.artifacts.datasets.find((d) => d.id === "tiny");
    assert.equal(tiny?.tables.find((t) => t.name === "people")?.rows, 6);
    assert.equal(tiny?.tables.find((t) => t.name === "people")?.columns[1].description, "Team, or NULL.");
  });

  it("reuses cached verdicts for unchanged exercises", async () => {
    const again = await checkExercises({ roots: [root], cwd: path.dirname(root), cacheDir });
    assert.equal(again.stats.ran, 0);
    assert.equal(again.stats.cached, 3);
    assert.deepEqual(again.artifacts.exercises.map((e) => e.expected), good.artifacts.exercises.map((e) => e.expected));
  });

  const lineOf = (file: string, needle: string) => fs.readFileSync(path.join(BROKEN, file), "utf8").split("\n").findIndex((l) => l.includes(needle)) + 1;
  const find = (file: string, re: RegExp) => broken.issues.find((i) => i.file.endsWith(file) && re.test(i.message));

  it("fails disagreeing, empty and erroring SQL solutions with file:line", () => {
    const f = "exercises/joins/ex-fixture-broken-sql.md";
    const solutions = fs.readFileSync(path.join(BROKEN, f), "utf8").split("\n").map((l, i) => (l === "```sql solution" ? i + 1 : 0)).filter(Boolean);
    assert.equal(find(f, /disagrees/)?.line, solutions[1]);
    assert.equal(find(f, /no rows/)?.line, solutions[2]);
    assert.equal(find(f, /fails on dataset/)?.line, solutions[3]);
  });

  it("fails a Python solution that does not pass its tests, at the failing assert", () => {
    const f = "exercises/python-basics/ex-fixture-broken-python.md";
    const issue = find(f, /fails this test/);
    assert.equal(issue?.line, lineOf(f, "assert triple(1) == 3"));
    assert.match(issue!.message, /got +2/);
  });

  it("fails modeling probes that check nothing or that the reference fails, and a missing chapter section", () => {
    const f = "exercises/relational-design/ex-fixture-broken-model.md";
    assert.equal(find(f, /checks nothing/)?.line, lineOf(f, "-- requirement: passes on anything") - 1);
    assert.equal(find(f, /fails this probe/)?.line, lineOf(f, "-- requirement: duplicates rejected") - 1);
    assert.equal(find(f, /no section `#no-such-section`/)?.line, lineOf(f, "chapter:"));
  });

  it("keeps broken exercises out of the artifacts", () => {
    assert.equal(broken.artifacts.exercises.some((e) => e.id.includes("broken")), false);
  });
});

describe("exercise check over parallel engines", { timeout: 600_000 }, () => {
  it("runs each exercise on its own dataset when datasets share table names", async () => {
    // Five datasets with the same tables and different team sizes, more than there are lanes: an
    // exercise run on another lane's dataset, or a lane that reused the wrong schema, changes a count.
    const root = copyFixtureContent(GOOD);
    const tiny = fs.readFileSync(path.join(root, "datasets/tiny.md"), "utf8");
    const exercise = fs.readFileSync(path.join(root, "exercises/joins/ex-fixture-team-sizes.md"), "utf8");
    for (let k = 1; k <= 5; k++) {
      fs.writeFileSync(
        path.join(root, `datasets/tiny-${k}.md`),
        tiny.replace("id: tiny", `id: tiny-${k}`).replace("generate_series(1, 6)", `generate_series(1, ${6 + 2 * k})`),
      );
      fs.writeFileSync(
        path.join(root, `exercises/joins/ex-fixture-team-sizes-${k}.md`),
        exercise.replace("id: ex-fixture-team-sizes", `id: ex-fixture-team-sizes-${k}`).replace("dataset: tiny", `dataset: tiny-${k}`),
      );
    }
    const r = await checkExercises({ roots: [root], cwd: path.dirname(root), cacheDir: null });
    assert.deepEqual(r.issues, []);
    assert.equal(r.stats.ran, 8);
    for (let k = 1; k <= 5; k++) {
      // People 1..6+2k; person 5 has no team; odd ids are blue (team 2), even ids red.
      const n = 6 + 2 * k;
      const blue = Math.ceil(n / 2) - 1;
      const red = Math.floor(n / 2);
      const ex = r.artifacts.exercises.find((e) => e.id === `ex-fixture-team-sizes-${k}`);
      assert.deepEqual(ex?.expected?.rows.sort(), [["blue", blue], ["red", red]], `dataset tiny-${k}`);
      assert.equal(r.artifacts.datasets.find((d) => d.id === `tiny-${k}`)?.tables.find((t) => t.name === "people")?.rows, n);
    }
  });
});

