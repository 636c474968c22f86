// Server-rendered SVG charts: no chart library, nothing fetched by the browser.
import type { DayCount } from "@/lib/quiz/stats";

const CELL = 12;

export function Heatmap({ days, label }: { days: DayCount[]; label: string }) {
  const max = Math.max(1, ...days.map((d) => d.count));
  const first = new Date(`${days[0].day}T12:00:00`);
  const pad = first.getDay(); // Sunday-first columns, like most calendars
  const weeks = Math.ceil((days.length + pad) / 7);
  const level = (n: number) => (n === 0 ? 0 : Math.min(4, Math.ceil((n / max) * 4)));
  return (
    <figure className="chart">
      <svg viewBox={`0 0 ${weeks * CELL + 2} ${7 * CELL + 2}`} role="img" aria-label={label} className="heatmap">
        {days.map((d, i) => {
          const slot = i + pad;
          return (
            <rect key={d.day} x={Math.floor(slot / 7) * CELL + 1} y={(slot % 7) * CELL + 1} width={CELL - 2} height={CELL - 2} rx={2} className={`heat-${level(d.count)}`}>
              <title>{`${d.day}: ${d.count} review${d.count === 1 ? "" : "s"}`}</title>
            </rect>
          );
        })}
      </svg>
      <figcaption className="muted">
        {label}. Less <span className="heat-key heat-0" /> <span className="heat-key heat-2" /> <span className="heat-key heat-4" /> more.
      </figcaption>
    </figure>
  );
}

export function Bars({ data, label, format = (v) => String(v), max: fixedMax }: { data: { key: string; value: number | null; title: string }[]; label: string; format?: (v: number) => string; max?: number }) {
  const W = 20;
  const H = 120;
  const max = fixedMax ?? Math.max(1, ...data.map((d) => d.value ?? 0));
  return (
    <figure className="chart">
      <svg viewBox={`0 0 ${data.length * W} ${H + 18}`} role="img" aria-label={label} className="bars">
        {data.map((d, i) => {
          const h = d.value === null ? 0 : Math.max(d.value > 0 ? 2 : 0, (d.value / max) * H);
          return (
            <g key={d.key}>
              <rect x={i * W + 3} y={H - h} width={W - 6} height={h} rx={2} className="bar">
                <title>{`${d.title}: ${d.value === null ? "no data" : format(d.value)}`}</title>
              </rect>
              {d.value === null && (
                <text x={i * W + W / 2} y={H - 2} textAnchor="middle" className="bar-none">
                  ·
                </text>
              )}
            </g>
          );
        })}
        <line x1={0} x2={data.length * W} y1={H + 0.5} y2={H + 0.5} className="axis" />
        <text x={0} y={H + 14} className="axis-label">
          {data[0]?.title}
        </text>
        <text x={data.length * W} y={H + 14} textAnchor="end" className="axis-label">
          {data[data.length - 1]?.title}
        </text>
      </svg>
      <figcaption className="muted">{label}</figcaption>
    </figure>
  );
}
