// Previous/next links for question and case-study pages (chapters have chapterNeighbours in index.ts).
import { getCaseStudies, getQuestions, type CaseStudy, type Question } from "./index";

function around<T extends { id: string }>(list: T[], id: string): { prev?: T; next?: T } {
  const i = list.findIndex((x) => x.id === id);
  if (i < 0) return {};
  return { prev: list[i - 1], next: list[i + 1] };
}

/** Neighbours within the same topic, in the order the topic lists its questions. */
export function questionNeighbours(q: Question): { prev?: Question; next?: Question } {
  return around(getQuestions({ topic: q.topic }), q.id);
}

export function caseStudyNeighbours(id: string): { prev?: CaseStudy; next?: CaseStudy } {
  return around(getCaseStudies(), id);
}
