import { parseDeck, type Deck } from "./deck";
import { getChapter, getContent, getTopic, isQuizzable, type Question } from "../content/index";
import type { Db } from "../db/client";
import { loadoutQuestionIds } from "./loadout";
import type { LearnerSettings } from "./settings";

// What each deck holds, from the content bundle (and, for `flagged`, the learner's cards).
export { deckSchema, deckString, parseDeck, type Deck, type DeckSpec } from "./deck";

/** Questions of a deck that content alone decides (`flagged` needs the learner's cards; see deckIds). */
export function deckQuestions(spec: Deck | string): Question[] {
  const deck = typeof spec === "string" ? parseDeck(spec) : spec;
  if (!deck) return [];
  if (deck.kind === "loadout") return loadoutQuestionIds(deck.value).map((id) => getContent().questionById.get(id)!);
  return getContent().questions.filter((q) => {
    if (!isQuizzable(q)) return false;
    switch (deck.kind) {
      case "topic":
        return q.topic === deck.value;
      case "chapter":
        return q.chapter.split("#")[0] === deck.value;
      case "difficulty":
        return q.difficulty === deck.value;
      case "company":
        return q.companies.includes(deck.value);
      default:
        return true;
    }
  });
}

export function deckTitle(spec: Deck | string): string {
  const deck = typeof spec === "string" ? parseDeck(spec) : spec;
  if (!deck) return "All questions";
  const value = "value" in deck ? deck.value : "";
  switch (deck.kind) {
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
  for (const t of settings.interviewTopics) for (const q of deckQuestions({ kind: "topic", value: t })) ids.add(q.id);
  return ids.size ? [...ids] : deckQuestions({ kind: "all" }).map((q) => q.id);
}

/** Question ids of any deck, including the ones that depend on the learner. */
export async function deckIds(db: Db, learnerId: string, deck: Deck, settings: LearnerSettings): Promise<string[]> {
  if (deck.kind === "interview") return interviewScope(settings);
  if (deck.kind === "flagged") {
    const quizzable = new Set(deckQuestions({ kind: "all" }).map((q) => q.id));
    const rows = await db.card.findMany({ where: { learnerId, flagged: true }, select: { questionId: true } });
    return rows.map((r) => r.questionId).filter((id) => quizzable.has(id));
  }
  return deckQuestions(deck).map((q) => q.id);
}
