"use client";

import { useEffect, useRef, useState } from "react";
import { proposeGrade } from "@/lib/exercises/grade";
import type { ExerciseForPage } from "@/lib/exercises/index";
import { CodeEditor } from "./code-editor";
import { OutcomeView } from "./outcome-view";
import { RevealPanel, type Reveal } from "./reveal-panel";
import { passed, useExerciseRunner, type DatasetSource, type RunOutcome } from "./use-exercise-runner";

// The exercise page's interactive half: editor with a per-exercise draft, run (Ctrl/Cmd-Enter),
// hints one at a time, give up, and after a pass or giving up the solution and the grade. In a quiz deck
// or a mock round (`onFinish`), the host records the grade with its own grade bar, so its undo and
// tally cover the exercise; the panel then shows the solution without its own picker.

const draftKey = (id: string) => `practice-draft:${id}`;

/** What a finished attempt hands to a host that grades it: the proposed grade and how it went. */
export interface AttemptResult {
  proposed: 1 | 2 | 3 | 4;
  passed: boolean;
  gaveUp: boolean;
  runs: number;
  hintsUsed: number;
  elapsedMs: number;
}

export function ExerciseWorkbench({
  exercise,
  data,
  engineUrl,
  onFinish,
}: {
  exercise: ExerciseForPage;
  data: DatasetSource;
  engineUrl: string;
  onFinish?: (r: AttemptResult) => void;
}) {
  const language = exercise.kind === "python" ? "python" : "sql";
  const { run, status } = useExerciseRunner(exercise, data, engineUrl);
  const [initial] = useState(() => readDraft(exercise.id));
  const code = useRef(initial);
  const [runs, setRuns] = useState(0);
  const [hints, setHints] = useState(0);
  const [outcome, setOutcome] = useState<RunOutcome | null>(null);
  const [finished, setFinished] = useState<{ passed: boolean; gaveUp: boolean; runs: number; elapsedMs: number } | null>(null);
  const [reveal, setReveal] = useState<Reveal | null>(null);
  const [busy, setBusy] = useState(false);
  const opened = useRef(0);
  useEffect(() => {
    opened.current = performance.now();
  }, []);

  function onChange(next: string) {
    code.current = next;
    try {
      localStorage.setItem(draftKey(exercise.id), next);
    } catch (err) {
      void err; // storage full or disabled: the draft is a convenience
    }
  }

  async function finish(result: { passed: boolean; gaveUp: boolean; runs: number }) {
    const elapsedMs = performance.now() - opened.current;
    setFinished({ ...result, elapsedMs });
    onFinish?.({ ...result, elapsedMs, hintsUsed: hints, proposed: proposeGrade({ ...result, elapsedMs, hintsUsed: hints, difficulty: exercise.difficulty }) });
    const res = await fetch(`/api/practice/reveal?id=${encodeURIComponent(exercise.id)}`);
    if (res.ok) setReveal((await res.json()) as Reveal);
  }

  async function onRun() {
    if (busy || !code.current.trim()) return;
    setBusy(true);
    const n = runs + 1;
    setRuns(n);
    const o = await run(code.current);
    setOutcome(o);
    setBusy(false);
    if (passed(o) && !finished) await finish({ passed: true, gaveUp: false, runs: n });
  }

  const grade = finished
    ? proposeGrade({ passed: finished.passed, gaveUp: finished.gaveUp, hintsUsed: hints, runs: finished.runs, elapsedMs: finished.elapsedMs, difficulty: exercise.difficulty })
    : null;

  return (
    <div className="workbench">
      <CodeEditor language={language} initial={initial} onChange={onChange} onRun={onRun} label={`Your ${language === "sql" ? "SQL" : "Python"} for ${exercise.title}`} />
      <div className="workbench-actions">
        <button type="button" onClick={onRun} disabled={busy} aria-keyshortcuts="Control+Enter Meta+Enter" data-testid="run">
          {busy ? "Running…" : "Run"} <kbd>Ctrl/⌘ Enter</kbd>
        </button>
        <button type="button" onClick={() => setHints((h) => Math.min(h + 1, exercise.hints.length))} disabled={hints >= exercise.hints.length}>
          {hints === 0 ? "Show a hint" : hints < exercise.hints.length ? "Next hint" : "No more hints"}
        </button>
        <button type="button" onClick={() => finish({ passed: false, gaveUp: true, runs })} disabled={!!finished}>
          Give up and show the solution
        </button>
        <span className="engine-status" role="status" data-testid="engine-status">
          {status === "loading" ? "Loading the engine…" : status === "failed" ? "The engine failed to load." : status === "running" ? "Running…" : "Engine ready."}
        </span>
      </div>
      {hints > 0 && (
        <ol className="hints" aria-label="Hints">
          {exercise.hints.slice(0, hints).map((h, i) => (
            <li key={i}>{h}</li>
          ))}
        </ol>
      )}
      <div aria-live="polite">{outcome && <OutcomeView outcome={outcome} />}</div>
      {finished && reveal && grade && (
        <RevealPanel exerciseId={exercise.id} reveal={reveal} proposed={grade} durationMs={Math.round(finished.elapsedMs)} language={language} recordHere={!onFinish} />
      )}
    </div>
  );
}

function readDraft(id: string): string {
  if (typeof window === "undefined") return "";
  try {
    return localStorage.getItem(draftKey(id)) ?? "";
  } catch (err) {
    void err;
    return "";
  }
}
