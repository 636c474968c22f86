// Server-rendered SVG charts: no chart library, nothing fetched by the browser. Each chart has a table with the
// same numbers behind it, for keyboard and screen-reader users and anyone who wants exact values.
import type { DayCount } from "@/lib/quiz/stats";

const CELL = 14;
const LEFT = 30; // room for weekday labels
const TOP = 16; // room for month labels
const WEEKDAYS = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];
// Largest on-screen scale, so labels stay near 13 px instead of growing with the container.
const SCALE = 1.3;
const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

export function Heatmap({ days, label }: { days: DayCount[]; label: string }) {
  if (!days.length) return null;
  const max = Math.max(1, ...days.map((d) => d.count));
  const first = new Date(`${days[0].day}T12:00:00`);
  const pad = first.getDay(); // Sunday-first columns, like most calendars
  const weeks = Math.ceil((days.length + pad) / 7);
  // Room on the right for a month label that starts in the last column.
  const width = LEFT + weeks * CELL + 16;
  const level = (n: number) => (n === 0 ? 0 : Math.min(4, Math.ceil((n / max) * 4)));
  // A month label above the first column that holds the 1st of that month (or the first column at all).
  const monthLabels: { x: number; text: string }[] = [];
  days.forEach((d, i) => {
    const dayOfMonth = Number(d.day.slice(8, 10));
    if (i === 0 || dayOfMonth === 1) {
      const col = Math.floor((i + pad) / 7);
      const last = monthLabels[monthLabels.length - 1];
      if (!last || col * CELL - last.x >= 3 * CELL) monthLabels.push({ x: col * CELL, text: MONTHS[Number(d.day.slice(5, 7)) - 1] });
    }
  });
  const byMonth = new Map<string, { reviews: number; active: number }>();
  for (const d of days) {
    const m = byMonth.get(d.day.slice(0, 7)) ?? { reviews: 0, active: 0 };
    m.reviews += d.count;
    if (d.count > 0) m.active++;
    byMonth.set(d.day.slice(0, 7), m);
  }
  return (
    <figure className="chart">
      {/* On a phone the heatmap is wider than the screen; keyboard users must be able to focus and scroll it. */}
      <div className="chart-scroll" tabIndex={0} role="group" aria-label={`${label} (scrolls sideways)`}>
        <svg viewBox={`0 0 ${width} ${TOP + 7 * CELL + 2}`} role="img" aria-label={`${label}. The table below lists the totals by month.`} className="heatmap" style={{ minWidth: `${width}px`, maxWidth: `${width * SCALE}px` }}>
          {monthLabels.map((m) => (
            <text key={`${m.x}-${m.text}`} x={LEFT + m.x} y={11} className="chart-label">
              {m.text}
            </text>
          ))}
          {[1, 3, 5].map((d) => (
            <text key={d} x={LEFT - 4} y={TOP + d * CELL + CELL - 4} textAnchor="end" className="chart-label">
              {WEEKDAYS[d]}
            </text>
          ))}
          {days.map((d, i) => {
            const slot = i + pad;
            return (
              <rect key={d.day} x={LEFT + Math.floor(slot / 7) * CELL + 1} y={TOP + (slot % 7) * CELL + 1} width={CELL - 2} height={CELL - 2} rx={2} className={`heat-${level(d.count)}`}>
                <title>{`${d.day}: ${d.count} review${d.count === 1 ? "" : "s"}`}</title>
              </rect>
            );
          })}
        </svg>
      </div>
      <figcaption className="muted">
        {label}. Less <span className="heat-key heat-0" /> <span className="heat-key heat-1" /> <span className="heat-key heat-2" /> <span className="heat-key heat-3" />{" "}
        <span className="heat-key heat-4" /> more.
      </figcaption>
      <details className="chart-data">
        <summary>Show the numbers</summary>
        <table>
          <thead>
            <tr>
              <th scope="col">Month</th>
              <th scope="col">Reviews</th>
              <th scope="col">Days with reviews</th>
            </tr>
          </thead>
          <tbody>
            {[...byMonth].map(([month, m]) => (
              <tr key={month}>
                <th scope="row">{month}</th>
                <td>{m.reviews}</td>
                <td>{m.active}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </figure>
  );
}

export function Bars({ data, label, format = (v) => String(v), max: fixedMax }: { data: { key: string; value: number | null; title: string }[]; label: string; format?: (v: number) => string; max?: number }) {
  // About 400 units wide whatever the number of bars, so text renders at the same size on every chart.
  const W = Math.max(8, Math.floor(360 / Math.max(1, data.length)));
  const H = 120;
  const AXIS = 40; // room for the value axis
  const max = fixedMax ?? Math.max(1, ...data.map((d) => d.value ?? 0));
  // Counts get whole-number ticks; a fixed scale (percentages) gets its middle too.
  const ticks = fixedMax !== undefined || max >= 4 ? [0, max / 2, max] : [0, max];
  const width = AXIS + data.length * W + 4;
  return (
    <figure className="chart">
      <svg viewBox={`0 0 ${width} ${H + 30}`} role="img" aria-label={`${label}. The table below lists every value.`} className="bars" style={{ maxWidth: `${width * SCALE}px` }}>
        {ticks.map((t) => (
          <g key={t}>
            <line x1={AXIS} x2={AXIS + data.length * W} y1={8 + H - (t / max) * H} y2={8 + H - (t / max) * H} className={t === 0 ? "axis" : "grid-line"} />
            <text x={AXIS - 5} y={8 + H - (t / max) * H + 4} textAnchor="end" className="chart-label">
              {format(fixedMax === undefined ? Math.round(t) : t)}
            </text>
          </g>
        ))}
        {data.map((d, i) => {
          const h = d.value === null ? 0 : Math.max(d.value > 0 ? 2 : 0, (d.value / max) * H);
          return (
            <g key={d.key}>
              <rect x={AXIS + i * W + 3} y={8 + H - h} width={W - 6} height={h} rx={2} className="bar">
                <title>{`${d.title}: ${d.value === null ? "no data" : format(d.value)}`}</title>
              </rect>
              {d.value === null && (
                <text x={AXIS + i * W + W / 2} y={8 + H - 3} textAnchor="middle" className="chart-label">
                  ·
                </text>
              )}
            </g>
          );
        })}
        <text x={AXIS} y={H + 26} className="chart-label">
          {data[0]?.title}
        </text>
        <text x={width} y={H + 26} textAnchor="end" className="chart-label">
          {data[data.length - 1]?.title}
        </text>
      </svg>
      <figcaption className="muted">{label}</figcaption>
      <details className="chart-data">
        <summary>Show the numbers</summary>
        <table>
          <tbody>
            {data.map((d) => (
              <tr key={d.key}>
                <th scope="row">{d.title}</th>
                <td>{d.value === null ? "no data" : format(d.value)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </figure>
  );
}
