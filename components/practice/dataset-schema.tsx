import type { PublicDataset } from "@/lib/exercises/types";

// The dataset beside the prompt: its description and every table's columns with types and meaning.
export function DatasetSchema({ dataset }: { dataset: Omit<PublicDataset, "setupSql"> }) {
  return (
    <details className="dataset-schema" open>
      <summary>
        Dataset: {dataset.title}
      </summary>
      <div dangerouslySetInnerHTML={{ __html: dataset.html }} />
      {dataset.tables.map((t) => (
        <table key={t.name} className="schema-table">
          <caption>
            <code>{t.name}</code> ({t.rows.toLocaleString("en")} rows): {t.description}
          </caption>
          <thead>
            <tr>
              <th scope="col">Column</th>
              <th scope="col">Type</th>
              <th scope="col">Meaning</th>
            </tr>
          </thead>
          <tbody>
            {t.columns.map((c) => (
              <tr key={c.name}>
                <td>
                  <code>{c.name}</code>
                </td>
                <td>
                  {c.type}
                  {c.nullable ? "" : " not null"}
                </td>
                <td>{c.description}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ))}
    </details>
  );
}
