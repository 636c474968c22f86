import Link from "next/link";
import type { Metadata } from "next";
import { pageMeta } from "@/lib/site";
import { DifficultySelect, TopicSelect } from "@/components/filter-selects";
import { QuestionListPage } from "@/components/question-list";
import { currentLearnerId } from "@/lib/learner/session";
import { questionList, type QuestionListParams } from "@/lib/question-list";

export const metadata: Metadata = pageMeta("/questions", "Interview questions", "Answered data-engineering interview questions, filterable by topic and difficulty.");

export default async function QuestionsPage({ searchParams }: { searchParams: Promise<QuestionListParams> }) {
  const list = await questionList(await searchParams, await currentLearnerId());
  const { topic, difficulty } = list;
  const deck = topic ? `topic:${topic}` : difficulty ? `difficulty:${difficulty}` : "all";
  return (
    <>
      <h1>Interview questions</h1>
      <form className="filters" action="/questions">
        <TopicSelect topics={list.topics} value={topic} counts={list.counts} />
        <DifficultySelect value={difficulty} />
        <button className="button secondary" type="submit">
          Filter
        </button>
        <Link className="button" href={`/quiz?deck=${deck}`} prefetch={false}>
          Quiz these
        </Link>
      </form>
      <QuestionListPage list={list} />
    </>
  );
}
