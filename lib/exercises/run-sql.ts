import type { SqlEngine, SqlResult } from "../engine/pglite-node";
import { SqlEngineError } from "../engine/pglite-node";
import { toResultTable, type ResultTable } from "./result";
import type { Probe } from "./parse";

// How exercise SQL is run, in Node at ingest. The browser worker follows the same steps (see
// CONTRIBUTING.md "Exercises"): the learner's statements run inside a transaction that is rolled back,
// so every run starts from the pristine dataset.

/** The last statement that returned columns: what a learner's run "returns". */
export function lastTable(results: SqlResult[]): ResultTable | null {
  for (let i = results.length - 1; i >= 0; i--) {
    if (results[i].fields.length > 0) return toResultTable(results[i].fields, results[i].rows);
  }
  return null;
}

export async function runSqlExercise(engine: SqlEngine, code: string, check: string | undefined, timeoutMs: number): Promise<ResultTable | null> {
  await engine.exec("BEGIN", timeoutMs);
  try {
    const results = await engine.exec(code, timeoutMs);
    if (check) return lastTable(await engine.exec(check, timeoutMs));
    return lastTable(results);
  } finally {
    await rollback(engine);
  }
}

async function rollback(engine: SqlEngine) {
  try {
    await engine.exec("ROLLBACK");
  } catch (err) {
    // After a timeout the engine was replaced and has no transaction to roll back.
    if (!(err instanceof SqlEngineError)) throw err;
  }
}

export interface ProbeOutcome {
  requirement: string;
  line: number;
  pass: boolean;
  detail: string;
}

/** Runs each probe against a schema (inside a transaction, each probe under its own savepoint). */
export async function runProbes(engine: SqlEngine, ddl: string, probes: Probe[], timeoutMs: number): Promise<{ ddlError?: string; outcomes: ProbeOutcome[] }> {
  await engine.exec("BEGIN", timeoutMs);
  try {
    if (ddl.trim()) {
      try {
        await engine.exec(ddl, timeoutMs);
      } catch (err) {
        return { ddlError: (err as Error).message, outcomes: [] };
      }
    }
    const outcomes: ProbeOutcome[] = [];
    for (const p of probes) {
      await engine.exec("SAVEPOINT probe", timeoutMs);
      outcomes.push({ requirement: p.requirement, line: p.line, ...(await probeOutcome(engine, p, timeoutMs)) });
      await engine.exec("ROLLBACK TO SAVEPOINT probe", timeoutMs);
    }
    return { outcomes };
  } finally {
    await rollback(engine);
  }
}

async function probeOutcome(engine: SqlEngine, p: Probe, timeoutMs: number): Promise<{ pass: boolean; detail: string }> {
  try {
    const t = lastTable(await engine.exec(p.sql, timeoutMs));
    if (p.expectError) return { pass: false, detail: "the schema accepted data it should reject" };
    const ok = t !== null && t.rows.length === 1 && t.rows[0][0] === true;
    return { pass: ok, detail: ok ? "" : `the probe's check returned ${t ? JSON.stringify(t.rows.slice(0, 3)) : "no rows"} instead of true` };
  } catch (err) {
    const code = err instanceof SqlEngineError ? err.code : undefined;
    if (p.expectError && code?.startsWith("23")) return { pass: true, detail: "" };
    return { pass: false, detail: `error: ${(err as Error).message}` };
  }
}
