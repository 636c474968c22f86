import Link from "next/link";
import type { Metadata } from "next";
import { DIFFICULTIES, getQuestions, getTopics, isDifficulty } from "@/lib/content/index";
import { DifficultyBadge } from "@/components/difficulty";

export const metadata: Metadata = { title: "Interview questions" };

type Search = { topic?: string; difficulty?: string };

export default async function QuestionsPage({ searchParams }: { searchParams: Promise<Search> }) {
  const sp = await searchParams;
  const topics = getTopics();
  const topic = topics.some((t) => t.id === sp.topic) ? sp.topic : undefined;
  const difficulty = sp.difficulty && isDifficulty(sp.difficulty) ? sp.difficulty : undefined;
  const questions = getQuestions({ topic, difficulty });
  const counts = new Map<string, number>();
  for (const q of getQuestions({ difficulty })) counts.set(q.topic, (counts.get(q.topic) ?? 0) + 1);
  const deck = topic ? `topic:${topic}` : difficulty ? `difficulty:${difficulty}` : "all";
  return (
    <>
      <h1>Interview questions</h1>
      <form className="filters" action="/questions">
        <label>
          Topic
          <select name="topic" defaultValue={topic ?? ""}>
            <option value="">All topics</option>
            {topics.map((t) => (
              <option key={t.id} value={t.id}>
                {t.title} ({counts.get(t.id) ?? 0})
              </option>
            ))}
          </select>
        </label>
        <label>
          Difficulty
          <select name="difficulty" defaultValue={difficulty ?? ""}>
            <option value="">Any</option>
            {DIFFICULTIES.map((d) => (
              <option key={d} value={d}>
                {d}
              </option>
            ))}
          </select>
        </label>
        <button className="button secondary" type="submit">
          Filter
        </button>
        <Link className="button" href={`/quiz?deck=${deck}`}>
          Quiz these
        </Link>
      </form>
      <p className="muted">
        {questions.length} question{questions.length === 1 ? "" : "s"}
      </p>
      <ul className="question-list">
        {questions.map((q) => (
          <li key={q.id}>
            <Link href={`/questions/${q.id}`} dangerouslySetInnerHTML={{ __html: q.questionHtml }} />
            <span className="tags">
              {q.open && <span className="badge">{q.sameAs ? "answered here" : "open"}</span>}
              <DifficultyBadge level={q.difficulty} />
            </span>
          </li>
        ))}
      </ul>
    </>
  );
}
