// The workload projection as a server-rendered SVG line chart: one line per desired retention, each with its
// own dash pattern and a direct label, so colour is never the only cue; a legend with the totals and a
// table of weekly sums carry the same numbers for screen readers and anyone who wants exact values.
import type { Workload } from "@/lib/quiz/workload";
import styles from "./workload-chart.module.css";

// About as wide as a phone in CSS pixels, so 10-unit labels stay near 10 px there.
const W = 360;
const H = 210;
const LEFT = 36;
const RIGHT = 294; // room on the right for the direct labels
const SMOOTH = 7;
const TOP = 10;
const BOTTOM = 170;
const DASHES = ["", "7 3", "2 3", "9 3 2 3", "1 4"];
const COLOURS = ["var(--accent)", "var(--good)", "var(--hard)", "var(--again)", "var(--fg)"];

const pct = (r: number) => `${Math.round(r * 100)}%`;
const num = (n: number) => Math.round(n).toLocaleString("en-US");

/** A round axis maximum at least `max`, so the half-way tick is a round number too. */
function niceMax(max: number): number {
  if (max <= 1) return 1;
  const p = 10 ** Math.floor(Math.log10(max));
  return [1, 1.2, 1.6, 2, 3, 4, 5, 6, 8, 10].map((m) => m * p).find((v) => v >= max)!;
}

// Reviews bunch up on the days cohorts of cards come due, so raw daily lines cross dozens of times and
// hide the difference between retentions; a centred 7-day mean shows the level. The table has the sums.
function smooth(perDay: number[]): number[] {
  const half = Math.floor(SMOOTH / 2);
  return perDay.map((_, i) => {
    const from = Math.max(0, i - half);
    const window = perDay.slice(from, Math.min(perDay.length, i + half + 1));
    return window.reduce((a, b) => a + b, 0) / window.length;
  });
}

/** Direct labels sit at each line's end, pushed apart so they never overlap. */
function labelYs(ends: number[]): number[] {
  const order = ends.map((y, i) => ({ y, i })).sort((a, b) => a.y - b.y);
  const out: number[] = [];
  let prev = -Infinity;
  for (const o of order) {
    prev = Math.max(o.y, prev + 11);
    out[o.i] = prev;
  }
  return out;
}

export function WorkloadChart({ workload }: { workload: Workload }) {
  const { days, series } = workload;
  const lines = series.map((s) => smooth(s.perDay));
  const max = niceMax(Math.max(1, ...lines.flat()));
  const x = (d: number) => LEFT + (d / Math.max(1, days - 1)) * (RIGHT - LEFT);
  const y = (v: number) => BOTTOM - (v / max) * (BOTTOM - TOP);
  const ends = labelYs(lines.map((l) => y(l[days - 1] ?? 0) + 3));
  const xTicks = [0, 30, 60, days - 1];
  const weeks = Array.from({ length: Math.ceil(days / 7) }, (_, w) => ({ from: w * 7, to: Math.min(days, w * 7 + 7) }));
  const current = series.find((s) => s.current);
  const label = `Expected reviews per day for the next ${days} days at desired retention ${series.map((s) => pct(s.retention)).join(", ")}`;
  return (
    <figure className={`chart ${styles.workload}`}>
      <svg viewBox={`0 0 ${W} ${H}`} role="img" aria-label={`${label}. The list and table below give the totals.`}>
        {[0, max / 2, max].map((t) => (
          <g key={t}>
            <line x1={LEFT} x2={RIGHT} y1={y(t)} y2={y(t)} className={t === 0 ? styles.axis : styles.grid} />
            <text x={LEFT - 5} y={y(t) + 4} textAnchor="end" className="chart-label">
              {num(t)}
            </text>
          </g>
        ))}
        {xTicks.map((d) => (
          <text key={d} x={x(d)} y={BOTTOM + 14} textAnchor={d === 0 ? "start" : d === days - 1 ? "end" : "middle"} className="chart-label">
            {d === 0 ? "today" : `+${d} d`}
          </text>
        ))}
        <text x={(LEFT + RIGHT) / 2} y={H - 6} textAnchor="middle" className="chart-label">
          Days from today
        </text>
        <text transform={`translate(9 ${(TOP + BOTTOM) / 2}) rotate(-90)`} textAnchor="middle" className="chart-label">
          Reviews a day (7-day mean)
        </text>
        {series.map((s, i) => (
          <g key={s.retention}>
            <polyline
              points={lines[i].map((v, d) => `${x(d).toFixed(1)},${y(v).toFixed(1)}`).join(" ")}
              className={s.current ? styles.current : styles.line}
              style={{ stroke: COLOURS[i % COLOURS.length] }}
              strokeDasharray={DASHES[i % DASHES.length] || undefined}
            />
            <text x={RIGHT + 4} y={ends[i]} className="chart-label">
              {pct(s.retention)}
              {s.current ? " (yours)" : ""}
            </text>
          </g>
        ))}
      </svg>
      <figcaption>
        <ul className={styles.legend}>
          {series.map((s, i) => (
            <li key={s.retention} data-testid="workload-total">
              <svg viewBox="0 0 30 8" width="30" height="8" aria-hidden="true">
                <line x1="0" x2="30" y1="4" y2="4" className={s.current ? styles.current : styles.line} style={{ stroke: COLOURS[i % COLOURS.length] }} strokeDasharray={DASHES[i % DASHES.length] || undefined} />
              </svg>{" "}
              {s.current ? <strong>{pct(s.retention)}, your setting</strong> : pct(s.retention)}: about {num(s.total)} reviews in {days} days ({num(s.total / days)} a day)
            </li>
          ))}
        </ul>
        <span className="muted">
          Expected values from your cards and {workload.newCards > 0 ? `${num(workload.newCards)} new cards at your daily limit` : "no new cards"}; lines show a 7-day mean, and the
          first days include anything already overdue.{current ? ` Your line is the thicker one.` : ""}
        </span>
      </figcaption>
      <details className="chart-data">
        <summary>Show the numbers by week</summary>
        <table>
          <thead>
            <tr>
              <th scope="col">Days from today</th>
              {series.map((s) => (
                <th key={s.retention} scope="col">
                  {pct(s.retention)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {weeks.map((w) => (
              <tr key={w.from}>
                <th scope="row">
                  {w.from}–{w.to - 1}
                </th>
                {series.map((s) => (
                  <td key={s.retention}>{num(s.perDay.slice(w.from, w.to).reduce((a, b) => a + b, 0))}</td>
                ))}
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr>
              <th scope="row">Total</th>
              {series.map((s) => (
                <td key={s.retention}>{num(s.total)}</td>
              ))}
            </tr>
          </tfoot>
        </table>
      </details>
    </figure>
  );
}
