import Link from "next/link";
import type { Metadata } from "next";
import { pageMeta } from "@/lib/site";
import { getQuestions, getTopics, isDifficulty } from "@/lib/content/index";
import { DifficultySelect, TopicSelect } from "@/components/filter-selects";
import { DifficultyBadge } from "@/components/difficulty";

export const metadata: Metadata = pageMeta("/questions", "Interview questions", "Answered data-engineering interview questions, filterable by topic and difficulty.");

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
        <TopicSelect topics={topics} value={topic} counts={counts} />
        <DifficultySelect value={difficulty} />
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
