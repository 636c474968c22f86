import { z } from "zod";
import { getChapter, getContent, getTopic, isQuizzable, type Question } from "../content/index";

// A deck is a filter over content, written as `all`, `topic:sql`, `chapter:kafka`, `difficulty:senior` or `company:netflix`.
export const deckSchema = z
  .string()
  .max(100)
  .regex(/^(all|(topic|chapter|difficulty|company):[a-z0-9-]+)$/, "deck must be `all` or `topic:<id>`, `chapter:<id>`, `difficulty:<level>`, `company:<id>`");

export type DeckSpec = z.infer<typeof deckSchema>;

export function deckQuestions(deck: DeckSpec): Question[] {
  const [kind, value] = deck.split(":");
  return getContent().questions.filter((q) => {
    if (!isQuizzable(q)) return false;
    switch (kind) {
      case "topic":
        return q.topic === value;
      case "chapter":
        return q.chapter.split("#")[0] === value;
      case "difficulty":
        return q.difficulty === value;
      case "company":
        return q.companies.includes(value);
      default:
        return true;
    }
  });
}

export function deckTitle(deck: DeckSpec): string {
  const [kind, value] = deck.split(":");
  switch (kind) {
    case "topic":
      return getTopic(value)?.title ?? value;
    case "chapter":
      return getChapter(value)?.title ?? value;
    case "difficulty":
      return `${value[0].toUpperCase()}${value.slice(1)} questions`;
    case "company":
      return getContent().caseStudyById.get(value)?.company ?? value;
    default:
      return "All questions";
  }
}
