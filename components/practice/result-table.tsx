import type { Cell } from "@/lib/exercises/result";

// A query result (or diff rows) as an accessible table; long results are cut to `max` rows.
export function ResultTable({ columns, rows, caption, max = 50 }: { columns: string[]; rows: Cell[][]; caption: string; max?: number }) {
  return (
    <div className="result-scroll">
      <table className="result-table">
        <caption>
          {caption}
          {rows.length > max ? ` (first ${max} of ${rows.length} rows)` : ""}
        </caption>
        <thead>
          <tr>
            {columns.map((c, i) => (
              <th key={i} scope="col">
                {c}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.slice(0, max).map((r, i) => (
            <tr key={i}>
              {r.map((c, j) => (
                <td key={j} className={c === null ? "null" : typeof c === "number" ? "num" : undefined}>
                  {c === null ? "NULL" : String(c)}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
