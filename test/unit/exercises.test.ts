import assert from "node:assert/strict";
import { describe, it } from "node:test";
import fc from "fast-check";
import { cellsEqual, compareResults } from "../../lib/exercises/compare";
import { proposeGrade, QUICK_MS } from "../../lib/exercises/grade";
import { splitExerciseBody, parseProbe } from "../../lib/exercises/parse";
import { normalizeCell, toResultTable } from "../../lib/exercises/result";
import { exerciseSchema } from "../../lib/exercises/schema";

const table = (rows: (string | number | null)[][], columns = ["a", "b"]) => ({ columns, rows });

describe("result comparison", () => {
  it("ignores row order unless the exercise says it matters", () => {
    const expected = table([[1, "x"], [2, "y"]]);
    const swapped = table([[2, "y"], [1, "x"]]);
    assert.equal(compareResults(expected, swapped, { ordered: false }).pass, true);
    const v = compareResults(expected, swapped, { ordered: true });
    assert.equal(v.pass, false);
    assert.equal(!v.pass && v.reason, "order");
  });

  it("ignores column names but not their count", () => {
    assert.equal(compareResults(table([[1, "x"]]), table([[1, "x"]], ["id", "name"]), { ordered: false }).pass, true);
    const v = compareResults(table([[1, "x"]]), table([[1]], ["a"]), { ordered: false });
    assert.equal(!v.pass && v.reason, "columns");
  });

  it("does not accept the right values in the wrong column order", () => {
    const v = compareResults(table([[1, "x"]]), table([["x", 1]]), { ordered: false });
    assert.equal(v.pass, false);
  });

  it("compares numbers with a small tolerance, and numeric strings as numbers", () => {
    assert.equal(cellsEqual(0.1 + 0.2, 0.3), true);
    assert.equal(cellsEqual("10.50", 10.5), true);
    assert.equal(cellsEqual(10.5, 10.51), false);
    assert.equal(cellsEqual(null, 0), false);
    assert.equal(cellsEqual(null, null), true);
  });

  it("treats rows as a multiset: a duplicate row is an extra row", () => {
    const v = compareResults(table([[1, "x"]]), table([[1, "x"], [1, "x"]]), { ordered: false });
    assert.equal(!v.pass && v.reason === "rows" && v.extraCount, 1);
  });

  it("lists missing and extra rows, at most five of each", () => {
    const expected = table(Array.from({ length: 8 }, (_, i) => [i, "e"]));
    const actual = table(Array.from({ length: 8 }, (_, i) => [i, "a"]));
    const v = compareResults(expected, actual, { ordered: false });
    assert.ok(!v.pass && v.reason === "rows");
    if (!v.pass && v.reason === "rows") {
      assert.equal(v.missingCount, 8);
      assert.equal(v.missing.length, 5);
      assert.deepEqual(v.extra[0], [0, "a"]);
    }
  });

  it("passes any permutation of the expected rows (property)", () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.integer({ min: -5, max: 5 }), fc.constantFrom("p", "q", null)), { maxLength: 12 }), (rows) => {
        const shuffled = [...rows].reverse();
        return compareResults(table(rows), table(shuffled), { ordered: false }).pass;
      }),
    );
  });
});

describe("cell normalization", () => {
  it("prints dates and timestamps the way the expected results store them", () => {
    assert.equal(normalizeCell(new Date(Date.UTC(2024, 2, 1)), 1082), "2024-03-01");
    assert.equal(normalizeCell(new Date(Date.UTC(2024, 2, 1, 8, 5, 0)), 1114), "2024-03-01 08:05:00");
    assert.equal(normalizeCell("12.50", 1700), 12.5);
    assert.equal(normalizeCell(12n, 20), 12);
  });
  it("reads rows given as arrays or objects by field position", () => {
    const fields = [{ name: "x", dataTypeID: 23 }, { name: "y", dataTypeID: 25 }];
    assert.deepEqual(toResultTable(fields, [[1, "a"]]).rows, [[1, "a"]]);
    assert.deepEqual(toResultTable(fields, [{ y: "a", x: 1 }]).rows, [[1, "a"]]);
  });
});

describe("proposed FSRS grade", () => {
  const base = { passed: true, gaveUp: false, hintsUsed: 0, runs: 2, elapsedMs: 60_000, difficulty: "mid" as const };
  it("gives Again for giving up or not passing", () => {
    assert.equal(proposeGrade({ ...base, gaveUp: true, passed: false }), 1);
    assert.equal(proposeGrade({ ...base, passed: false }), 1);
  });
  it("gives Hard after a hint or three runs", () => {
    assert.equal(proposeGrade({ ...base, hintsUsed: 1 }), 2);
    assert.equal(proposeGrade({ ...base, runs: 3 }), 2);
  });
  it("gives Good for a plain pass and Easy only for a quick first-run pass without hints", () => {
    assert.equal(proposeGrade(base), 3);
    assert.equal(proposeGrade({ ...base, runs: 1 }), 4);
    assert.equal(proposeGrade({ ...base, runs: 1, elapsedMs: QUICK_MS.mid + 1 }), 3);
    assert.equal(proposeGrade({ ...base, runs: 1, hintsUsed: 1 }), 2);
  });
});

describe("exercise frontmatter and body", () => {
  const valid = {
    id: "ex-a-thing",
    title: "A thing",
    kind: "sql",
    topic: "joins",
    difficulty: "junior",
    dataset: "shop",
    chapter: "sql-fundamentals#joins",
    keyIdeas: ["one idea", "two ideas"],
    hints: ["a hint"],
  };
  it("accepts a complete SQL exercise and defaults dialect and order", () => {
    const r = exerciseSchema.parse(valid);
    assert.equal(r.dialect, "postgres");
    assert.equal(r.ordered, false);
  });
  it("requires the ex- prefix so ids never collide with question ids", () => {
    assert.equal(exerciseSchema.safeParse({ ...valid, id: "a-thing" }).success, false);
  });
  it("requires a dataset for SQL and a function for Python", () => {
    assert.equal(exerciseSchema.safeParse({ ...valid, dataset: undefined }).success, false);
    assert.equal(exerciseSchema.safeParse({ ...valid, kind: "python", dataset: undefined, topic: "python-dedup" }).success, false);
    assert.equal(exerciseSchema.safeParse({ ...valid, kind: "python", dataset: undefined, topic: "python-dedup", function: "f" }).success, true);
  });
  it("rejects fewer than two key ideas or no hints", () => {
    assert.equal(exerciseSchema.safeParse({ ...valid, keyIdeas: ["only one"] }).success, false);
    assert.equal(exerciseSchema.safeParse({ ...valid, hints: [] }).success, false);
  });
  it("splits the prompt from role blocks and reports stray text after them with its line", () => {
    const body = "Do the thing.\n\n```sql\nSELECT 'example';\n```\n\n```sql solution\nSELECT 1;\n```\n\nstray\n";
    const r = splitExerciseBody("f.md", body, 10, "sql");
    assert.match(r.prompt, /SELECT 'example'/);
    assert.equal(r.blocks.length, 1);
    assert.equal(r.blocks[0].line, 16);
    assert.equal(r.issues.length, 1);
    assert.equal(r.issues[0].line, 20);
  });
  it("reads probe requirements and expected errors", () => {
    const ok = parseProbe("f.md", { lang: "sql", role: "probe", code: "-- requirement: one current row\n-- expect: error\nINSERT …", line: 3 });
    assert.equal(ok.probe?.requirement, "one current row");
    assert.equal(ok.probe?.expectError, true);
    assert.equal(parseProbe("f.md", { lang: "sql", role: "probe", code: "SELECT true", line: 3 }).issue?.line, 3);
  });
});

describe("engine files", () => {
  it("are served as the package's own bytes, never with a Content-Encoding Next would strip", async () => {
    const { engineBase, engineFileResponse } = await import("../../lib/exercises/engine-files");
    const [, , prefix] = engineBase("pglite").split("/");
    const res = engineFileResponse([prefix, "pglite.wasm"]);
    assert.equal(res.status, 200);
    assert.equal(res.headers.get("content-encoding"), null);
    const bytes = new Uint8Array(await res.arrayBuffer());
    assert.deepEqual([...bytes.slice(0, 4)], [0, 0x61, 0x73, 0x6d], "the wasm magic number: an uncompressed module");
    assert.equal(engineFileResponse([prefix, "package.json"]).status, 404);
  });
});
