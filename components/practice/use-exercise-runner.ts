"use client";

import { useEffect, useRef, useState } from "react";
import { compareResults, type Verdict } from "@/lib/exercises/compare";
import { PYTHON_HARNESS, pythonCall, pythonPassed, type PythonRun } from "@/lib/exercises/python-harness";
import { toResultTable, type RawField, type ResultTable } from "@/lib/exercises/result";
import { RunTimeout, WorkerHost } from "@/lib/exercises/worker-host";
import type { ExerciseForPage } from "@/lib/exercises/index";

// Runs the learner's code in the practice worker and grades it in the page. The expected result came
// from ingest; nothing the learner writes is sent to the server.

export const RUN_TIMEOUT_MS = 5000;

export type RunOutcome =
  | { kind: "error"; message: string }
  | { kind: "timeout"; message: string }
  | { kind: "sql"; table: ResultTable; verdict: Verdict; ms: number }
  | { kind: "python"; run: PythonRun; pass: boolean; ms: number }
  | { kind: "probes"; outcomes: { requirement: string; pass: boolean; detail: string }[]; pass: boolean; ms: number };

export function passed(o: RunOutcome | null): boolean {
  if (!o) return false;
  if (o.kind === "sql") return o.verdict.pass;
  if (o.kind === "python" || o.kind === "probes") return o.pass;
  return false;
}

/** Where the SQL worker gets the dataset: the ingest-time snapshot, or (without one) its SQL source. */
export interface DatasetSource {
  snapshotUrl: string | null;
  setupSql: string | null;
}

export function useExerciseRunner(exercise: ExerciseForPage, { snapshotUrl, setupSql }: DatasetSource, engineUrl: string) {
  const host = useRef<WorkerHost | null>(null);
  const [status, setStatus] = useState<"idle" | "loading" | "ready" | "running" | "failed">("idle");
  const [startMs, setStartMs] = useState<number | null>(null);

  useEffect(() => {
    const h =
      exercise.kind === "python"
        ? new WorkerHost("/workers/python-worker.js", { engineUrl, harness: PYTHON_HARNESS })
        : new WorkerHost("/workers/sql-worker.js", { engineUrl, snapshotUrl, setupSql: setupSql ?? "" });
    host.current = h;
    setStatus("loading");
    // Start loading the engine as soon as the page opens, so the first run does not wait for it.
    h.start().then(
      () => {
        setStartMs(h.lastStartMs);
        setStatus("ready");
      },
      () => setStatus("failed"),
    );
    return () => h.stop();
  }, [exercise.kind, engineUrl, snapshotUrl, setupSql]);

  async function run(code: string): Promise<RunOutcome> {
    const h = host.current!;
    setStatus("running");
    try {
      if (exercise.kind === "sql") {
        const r = await h.call({ op: "sql", sql: code, check: exercise.check }, RUN_TIMEOUT_MS);
        if (!r.ok) return { kind: "error", message: r.error?.message ?? "the query failed" };
        const raw = r.table as { fields: RawField[]; rows: unknown[][] } | null;
        if (!raw) return { kind: "error", message: "Your code returned no result set. End it with a SELECT." };
        const table = toResultTable(raw.fields, raw.rows);
        return { kind: "sql", table, verdict: compareResults(exercise.expected!, table, { ordered: exercise.ordered }), ms: r.ms ?? 0 };
      }
      if (exercise.kind === "modeling") {
        const r = await h.call({ op: "probes", sql: code, probes: exercise.probes }, RUN_TIMEOUT_MS * 2);
        if (!r.ok) return { kind: "error", message: `Your DDL fails: ${r.error?.message}` };
        const outcomes = r.outcomes as { requirement: string; pass: boolean; detail: string }[];
        return { kind: "probes", outcomes, pass: outcomes.every((o) => o.pass), ms: r.ms ?? 0 };
      }
      const r = await h.call({ op: "python", code: pythonCall(code, exercise.tests ?? "", exercise.function ?? "") }, RUN_TIMEOUT_MS);
      if (!r.ok) return { kind: "error", message: r.error?.message ?? "Python failed" };
      const run = JSON.parse(String(r.result)) as PythonRun;
      return { kind: "python", run, pass: pythonPassed(run), ms: r.ms ?? 0 };
    } catch (err) {
      if (err instanceof RunTimeout) {
        // The worker is gone; warm a new one in the background so the next run is quick.
        setStatus("loading");
        h.start().then(() => setStatus("ready"), () => setStatus("failed"));
        return { kind: "timeout", message: err.message };
      }
      return { kind: "error", message: (err as Error).message };
    } finally {
      setStatus((s) => (s === "running" ? "ready" : s));
    }
  }

  return { run, status, startMs };
}
