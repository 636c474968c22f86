// The paged question list: filters and page number come from the URL, so it works without JavaScript.
import { getQuestions, getTopics, isDifficulty, type Question, type Topic } from "./content/index";
import { db } from "./db/client";
import { pageNumber } from "./search/paging";
import { State } from "./quiz/enums";

export const QUESTIONS_PER_PAGE = 50;

export interface QuestionListParams {
  topic?: string;
  difficulty?: string;
  page?: string;
}

export interface QuestionList {
  topics: Topic[];
  topic?: string;
  difficulty?: string;
  /** Questions per topic under the difficulty filter, for the topic picker. */
  counts: Map<string, number>;
  questions: Question[];
  total: number;
  page: number;
  pages: number;
  /** Ids on this page the learner has reviewed at least once. */
  studied: Set<string>;
}

export async function questionList(params: QuestionListParams, learnerId: string | null): Promise<QuestionList> {
  const topics = getTopics();
  const topic = topics.some((t) => t.id === params.topic) ? params.topic : undefined;
  const difficulty = params.difficulty && isDifficulty(params.difficulty) ? params.difficulty : undefined;
  const all = getQuestions({ difficulty });
  const counts = new Map<string, number>();
  for (const q of all) counts.set(q.topic, (counts.get(q.topic) ?? 0) + 1);
  const matching = topic ? all.filter((q) => q.topic === topic) : all;
  const pages = Math.max(1, Math.ceil(matching.length / QUESTIONS_PER_PAGE));
  const page = pageNumber(params.page, pages);
  const questions = matching.slice((page - 1) * QUESTIONS_PER_PAGE, page * QUESTIONS_PER_PAGE);
  return { topics, topic, difficulty, counts, questions, total: matching.length, page, pages, studied: await studiedAmong(learnerId, questions) };
}

/** One query bounded by the page size (never by the content size); a visitor without a cookie has studied nothing. */
async function studiedAmong(learnerId: string | null, questions: Question[]): Promise<Set<string>> {
  if (!learnerId || questions.length === 0) return new Set();
  const rows = await db().card.findMany({
    where: { learnerId, questionId: { in: questions.map((q) => q.id) }, state: { not: State.New } },
    select: { questionId: true },
  });
  return new Set(rows.map((r) => r.questionId));
}
