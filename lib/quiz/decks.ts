import { z } from "zod";
import { getChapter, getContent, getTopic, isQuizzable, type Question } from "../content/index";
import type { Db } from "../db/client";
import { loadoutQuestionIds } from "./loadout";
import type { LearnerSettings } from "./settings";

// A deck is a filter over content, written as `all`, `topic:sql`, `chapter:kafka`, `difficulty:senior` or `company:netflix`.
export const deckSchema = z
  .string()
  .max(100)
  .regex(
    /^(all|flagged|interview|(topic|chapter|difficulty|company|loadout):[a-z0-9-]+)$/,
    "deck must be `all`, `flagged`, `interview`, or one of `topic:<id>`, `chapter:<id>`, `difficulty:<level>`, `company:<id>`, `loadout:<company>`",
  );

export type DeckSpec = z.infer<typeof deckSchema>;

/** Questions of a deck that content alone decides (`flagged` needs the learner's cards; see deckIds). */
export function deckQuestions(deck: DeckSpec): Question[] {
  const [kind, value] = deck.split(":");
  if (kind === "loadout") return loadoutQuestionIds(value).map((id) => getContent().questionById.get(id)!);
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
    case "loadout":
      return `${getContent().caseStudyById.get(value)?.company ?? value} loadout`;
    case "flagged":
      return "Flagged questions";
    case "interview":
      return "Interview prep";
    default:
      return "All questions";
  }
}

/** The questions an upcoming interview covers: its company loadout and topics, or everything. */
export function interviewScope(settings: LearnerSettings): string[] {
  const ids = new Set<string>();
  if (settings.interviewCompany) for (const id of loadoutQuestionIds(settings.interviewCompany)) ids.add(id);
  for (const t of settings.interviewTopics) for (const q of deckQuestions(`topic:${t}`)) ids.add(q.id);
  return ids.size ? [...ids] : deckQuestions("all").map((q) => q.id);
}

/** Question ids of any deck, including the ones that depend on the learner. */
export async function deckIds(db: Db, learnerId: string, deck: DeckSpec, settings: LearnerSettings): Promise<string[]> {
  if (deck === "interview") return interviewScope(settings);
  if (deck === "flagged") {
    const quizzable = new Set(deckQuestions("all").map((q) => q.id));
    const rows = await db.card.findMany({ where: { learnerId, flagged: true }, select: { questionId: true } });
    return rows.map((r) => r.questionId).filter((id) => quizzable.has(id));
  }
  return deckQuestions(deck).map((q) => q.id);
}
