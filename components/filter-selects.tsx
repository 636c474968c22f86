import { DIFFICULTIES, type Topic } from "@/lib/content/index";

/** The topic and difficulty pickers shared by the question list and the search page (plain GET forms). */
export function TopicSelect({ topics, value, label = "Topic", allLabel = "All topics", counts }: { topics: Topic[]; value?: string; label?: string; allLabel?: string; counts?: Map<string, number> }) {
  return (
    <label>
      {label}
      <select name="topic" defaultValue={value ?? ""}>
        <option value="">{allLabel}</option>
        {topics.map((t) => (
          <option key={t.id} value={t.id}>
            {t.title}
            {counts ? ` (${counts.get(t.id) ?? 0})` : ""}
          </option>
        ))}
      </select>
    </label>
  );
}

export function DifficultySelect({ value }: { value?: string }) {
  return (
    <label>
      Difficulty
      <select name="difficulty" defaultValue={value ?? ""}>
        <option value="">Any</option>
        {DIFFICULTIES.map((d) => (
          <option key={d} value={d}>
            {d}
          </option>
        ))}
      </select>
    </label>
  );
}
