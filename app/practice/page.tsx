import Link from "next/link";
import type { Metadata } from "next";
import { practiceIndex } from "@/lib/exercises/page";

export const metadata: Metadata = { title: "Practice" };
export const dynamic = "force-dynamic";

type Search = { kind?: string; topic?: string; difficulty?: string; company?: string; chapter?: string };

export default async function PracticePage({ searchParams }: { searchParams: Promise<Search> }) {
  const sp = await searchParams;
  const { filter, rows, topics, total, dueTotal } = await practiceIndex(sp);
  const kinds = [
    ["sql", "SQL"],
    ["python", "Python"],
    ["modeling", "Data modeling"],
  ] as const;
  return (
    <>
      <h1>Practice</h1>
      <p className="lead">
        Write and run real code: SQL on PostgreSQL (PGlite) and Python (Pyodide), both in your browser. Your result is graded against
        the reference solution&apos;s, and each exercise comes back on an FSRS schedule. {total} exercises; {dueTotal} due now.
      </p>
      <nav aria-label="Exercise topics" className="practice-topics">
        {kinds.map(([k, label]) => (
          <section key={k}>
            <h2>
              <Link href={`/practice?kind=${k}`}>{label}</Link>
            </h2>
            <ul>
              {topics
                .filter((t) => t.kind === k)
                .map((t) => (
                  <li key={t.id}>
                    <Link href={`/practice?topic=${t.id}`} aria-current={filter.topic === t.id ? "page" : undefined}>
                      {label}: {t.title}
                    </Link>{" "}
                    ({t.count}
                    {t.due ? `, ${t.due} due` : ""})
                  </li>
                ))}
            </ul>
          </section>
        ))}
      </nav>
      <form method="get" className="filters" aria-label="Filter exercises">
        {filter.topic && <input type="hidden" name="topic" value={filter.topic} />}
        {filter.chapter && <input type="hidden" name="chapter" value={filter.chapter} />}
        <label>
          Kind{" "}
          <select name="kind" defaultValue={filter.kind ?? ""}>
            <option value="">any</option>
            {kinds.map(([k, label]) => (
              <option key={k} value={k}>
                {label}
              </option>
            ))}
          </select>
        </label>
        <label>
          Difficulty{" "}
          <select name="difficulty" defaultValue={filter.difficulty ?? ""}>
            <option value="">any</option>
            <option value="junior">junior</option>
            <option value="mid">mid</option>
            <option value="senior">senior</option>
          </select>
        </label>
        <label>
          Company <input name="company" defaultValue={filter.company ?? ""} size={12} placeholder="e.g. amazon" />
        </label>
        <button type="submit">Filter</button>
      </form>
      <table className="practice-list">
        <caption>{rows.length} exercises</caption>
        <thead>
          <tr>
            <th scope="col">Exercise</th>
            <th scope="col">Topic</th>
            <th scope="col">Difficulty</th>
            <th scope="col">Next review</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.id}>
              <td>
                <Link href={`/practice/${r.id}`}>{r.title}</Link>
              </td>
              <td>{r.topicTitle}</td>
              <td>{r.difficulty}</td>
              <td>{r.due ? (r.isDue ? "due now" : r.due.slice(0, 10)) : "new"}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}
