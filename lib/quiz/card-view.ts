// What the learner sees of one card, whether it is a question or an exercise. An exercise's view carries
// the workbench's data; its question side is the prompt, and it has no model answer or key points (the
// reference solution is revealed by /api/practice/reveal after a pass or giving up, as on /practice).
import { getQuestion, type Question } from "../content/index";
import { exerciseCardView } from "../exercises/card-view";
import { QUIZ_TOPIC_OF_KIND } from "../exercises/cards";
import type { QuestionView } from "./dto";

export const questionView = (q: Question): QuestionView => ({
  questionId: q.id,
  questionHtml: q.questionHtml,
  answerHtml: q.answerHtml,
  keyPoints: q.keyPoints,
  topic: q.topic,
  difficulty: q.difficulty,
  chapter: q.chapter,
});

export function cardView(id: string): QuestionView | null {
  const q = getQuestion(id);
  if (q) return questionView(q);
  const view = exerciseCardView(id);
  if (!view) return null;
  const e = view.exercise;
  return { questionId: id, questionHtml: e.promptHtml, answerHtml: "", keyPoints: [], topic: QUIZ_TOPIC_OF_KIND[e.kind], difficulty: e.difficulty, chapter: e.chapter, exercise: view };
}
