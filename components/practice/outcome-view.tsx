import { ResultTable } from "./result-table";
import type { RunOutcome } from "./use-exercise-runner";

// What a run produced: the learner's result and, when wrong, what is missing or extra. Never the
// reference solution.
export function OutcomeView({ outcome }: { outcome: RunOutcome }) {
  if (outcome.kind === "error") return <p className="alert" role="alert">Error: {outcome.message}</p>;
  if (outcome.kind === "timeout") return <p className="alert" role="alert" data-testid="timeout">{outcome.message}</p>;
  if (outcome.kind === "sql") {
    const v = outcome.verdict;
    return (
      <div>
        <p role="status" className={v.pass ? "verdict pass" : "verdict fail"} data-testid="verdict">
          {v.pass ? "Correct: your result matches." : `Not yet. ${v.message}`}
        </p>
        {!v.pass && v.reason === "rows" && (
          <div data-testid="diff">
            {v.missing.length > 0 && <ResultTable caption={`Missing rows (${v.missingCount}), first ${v.missing.length}`} columns={outcome.table.columns} rows={v.missing} />}
            {v.extra.length > 0 && <ResultTable caption={`Extra rows (${v.extraCount}), first ${v.extra.length}`} columns={outcome.table.columns} rows={v.extra} />}
          </div>
        )}
        {!v.pass && v.reason === "order" && (
          <ResultTable caption={`Row ${v.firstDifference + 1}: yours, then the expected one`} columns={outcome.table.columns} rows={[v.actualRow, v.expectedRow]} />
        )}
        <ResultTable caption={`Your result: ${outcome.table.rows.length} rows in ${outcome.ms.toFixed(0)} ms`} columns={outcome.table.columns} rows={outcome.table.rows} />
      </div>
    );
  }
  if (outcome.kind === "python") {
    const { run } = outcome;
    return (
      <div>
        <p role="status" className={outcome.pass ? "verdict pass" : "verdict fail"} data-testid="verdict">
          {outcome.pass ? `Correct: all ${run.cases.length} tests pass.` : run.error ? run.error : `Not yet: ${run.cases.filter((c) => !c.ok).length} of ${run.cases.length} tests fail.`}
        </p>
        <ul className="test-cases">
          {run.cases.map((c, i) => (
            <li key={i} className={c.ok ? "pass" : "fail"}>
              <code>{c.source}</code> {c.ok ? "✓" : "✗"}
              {!c.ok && <pre>{c.message}</pre>}
            </li>
          ))}
        </ul>
        {run.output && (
          <details>
            <summary>Printed output</summary>
            <pre>{run.output}</pre>
          </details>
        )}
      </div>
    );
  }
  return (
    <div>
      <p role="status" className={outcome.pass ? "verdict pass" : "verdict fail"} data-testid="verdict">
        {outcome.pass ? "Correct: your schema meets every requirement." : `Not yet: ${outcome.outcomes.filter((o) => !o.pass).length} requirement(s) unmet.`}
      </p>
      <ul className="test-cases">
        {outcome.outcomes.map((o, i) => (
          <li key={i} className={o.pass ? "pass" : "fail"}>
            {o.requirement} {o.pass ? "✓" : `✗ (${o.detail})`}
          </li>
        ))}
      </ul>
    </div>
  );
}
