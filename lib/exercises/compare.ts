import type { Cell, ResultTable } from "./result";

// Grading by result: column names are ignored but their count and order count; rows are compared as a
// multiset unless the exercise says order matters; numbers match within a small tolerance.

export interface CompareOptions {
  ordered: boolean;
}

export type Verdict =
  | { pass: true }
  | { pass: false; reason: "columns"; message: string; expectedColumns: number; actualColumns: number }
  | { pass: false; reason: "rows"; message: string; missing: Cell[][]; extra: Cell[][]; missingCount: number; extraCount: number }
  | { pass: false; reason: "order"; message: string; firstDifference: number; expectedRow: Cell[]; actualRow: Cell[] };

const ABS_TOLERANCE = 1e-6;
const REL_TOLERANCE = 1e-6;
/** How many missing/extra rows a wrong answer shows. */
export const DIFF_ROWS = 5;

function asNumber(c: Cell): number | null {
  if (typeof c === "number") return c;
  if (typeof c === "string" && /^-?\d+(\.\d+)?(e[+-]?\d+)?$/i.test(c.trim())) return Number(c);
  return null;
}

export function cellsEqual(a: Cell, b: Cell): boolean {
  if (a === null || b === null) return a === b;
  const x = asNumber(a);
  const y = asNumber(b);
  if (x !== null && y !== null) return Math.abs(x - y) <= Math.max(ABS_TOLERANCE, REL_TOLERANCE * Math.max(Math.abs(x), Math.abs(y)));
  return String(a) === String(b);
}

export function rowsEqual(a: Cell[], b: Cell[]): boolean {
  return a.length === b.length && a.every((c, i) => cellsEqual(c, b[i]));
}

// Numbers are rounded into the sort key so rows within tolerance sort next to each other.
function sortKey(row: Cell[]): string {
  return JSON.stringify(row.map((c) => {
    const n = asNumber(c);
    return n === null ? (c === null ? null : `s:${String(c)}`) : `n:${n.toFixed(4)}`;
  }));
}

export function compareResults(expected: ResultTable, actual: ResultTable, opts: CompareOptions): Verdict {
  const ec = expected.columns.length;
  const ac = actual.columns.length;
  if (ec !== ac) {
    return {
      pass: false,
      reason: "columns",
      expectedColumns: ec,
      actualColumns: ac,
      message: `Your result has ${ac} column${ac === 1 ? "" : "s"}; the answer has ${ec}. Column names do not matter, but the number and order of columns do.`,
    };
  }
  // Multiset difference with tolerance: greedy matching after sorting both sides by a rounded key.
  const missing: Cell[][] = [];
  const extra: Cell[][] = [];
  const pool = actual.rows.map((r) => ({ r, k: sortKey(r), used: false }));
  const byKey = new Map<string, { r: Cell[]; used: boolean }[]>();
  for (const p of pool) (byKey.get(p.k) ?? byKey.set(p.k, []).get(p.k)!).push(p);
  for (const row of expected.rows) {
    const candidates = byKey.get(sortKey(row)) ?? [];
    let hit = candidates.find((p) => !p.used && rowsEqual(p.r, row));
    // Values at a rounding boundary land under different keys; fall back to a scan for those.
    if (!hit) hit = pool.find((p) => !p.used && rowsEqual(p.r, row));
    if (hit) hit.used = true;
    else missing.push(row);
  }
  for (const p of pool) if (!p.used) extra.push(p.r);
  if (missing.length || extra.length) {
    const parts = [];
    if (missing.length) parts.push(`${missing.length} expected row${missing.length === 1 ? " is" : "s are"} missing`);
    if (extra.length) parts.push(`${extra.length} row${extra.length === 1 ? " is" : "s are"} not in the answer`);
    return {
      pass: false,
      reason: "rows",
      missing: missing.slice(0, DIFF_ROWS),
      extra: extra.slice(0, DIFF_ROWS),
      missingCount: missing.length,
      extraCount: extra.length,
      message: `${parts.join(" and ")} (you returned ${actual.rows.length} row${actual.rows.length === 1 ? "" : "s"}, the answer has ${expected.rows.length}).`,
    };
  }
  if (opts.ordered) {
    const i = expected.rows.findIndex((row, j) => !rowsEqual(row, actual.rows[j]));
    if (i !== -1) {
      return {
        pass: false,
        reason: "order",
        firstDifference: i,
        expectedRow: expected.rows[i],
        actualRow: actual.rows[i],
        message: `The rows are right but the order is not: row ${i + 1} differs. This exercise says how the result must be sorted; check your ORDER BY.`,
      };
    }
  }
  return { pass: true };
}
