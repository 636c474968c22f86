import { deckToString, parseDeck, type Deck } from "./deck";
import { getChapter, getContent, getTopic, isQuizzable, type Question } from "../content/index";
import type { Db } from "../db/client";
import { exerciseDeckIds, exerciseDeckIndex } from "./exercise-decks";
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

/**
 * Card ids of a deck that content alone decides: its questions with its exercises spread evenly among
 * them. New cards are introduced in deck order, so appending the exercises would hold them back until
 * every question had been seen; interleaved, a session of a chapter deck practises both.
 */
export function deckCardIds(spec: Deck | string): readonly string[] {
  const deck = typeof spec === "string" ? parseDeck(spec) : spec;
  if (!deck) return [];
  // A deck's ids depend on the content alone, and every quiz request (and the deck picker, once per
  // deck) asks for them: worked out once per bundle. Only decks that hold cards are kept, so deck
  // strings that name nothing (any `topic:<id>` passes the syntax check) cannot grow the memo.
  const content = getContent();
  const exerciseIndex = exerciseDeckIndex();
  if (memo.content !== content || memo.exercises !== exerciseIndex) Object.assign(memo, { content, exercises: exerciseIndex, ids: new Map() });
  const key = deckToString(deck);
  const known = memo.ids.get(key);
  if (known) return known;
  const ids = deck.kind === "loadout" ? loadoutQuestionIds(deck.value) : deckQuestions(deck).map((q) => q.id);
  const exercises = exerciseDeckIds(deck);
  const all = Object.freeze(exercises.length ? interleave(ids, exercises) : [...ids]);
  if (all.length) memo.ids.set(key, all);
  return all;
}

const memo: { content: object | null; exercises: object | null; ids: Map<string, readonly string[]> } = { content: null, exercises: null, ids: new Map() };

/** Merge by position within each list: the next card is whichever list is less far along (ties: a question). */
export function interleave(a: readonly string[], b: readonly string[]): string[] {
  const out: string[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    if (j >= b.length || (i < a.length && i / a.length <= j / b.length)) out.push(a[i++]);
    else out.push(b[j++]);
  }
  return out;
}

/** The cards an upcoming interview covers: its company loadout (with that company's exercises) and
 * topics, or every question. The fallback stays question-only, like the `all` deck. */
export function interviewScope(settings: LearnerSettings): string[] {
  const ids = new Set<string>();
  if (settings.interviewCompany) for (const id of deckCardIds({ kind: "loadout", value: settings.interviewCompany })) ids.add(id);
  for (const t of settings.interviewTopics) for (const id of deckCardIds({ kind: "topic", value: t })) ids.add(id);
  return ids.size ? [...ids] : deckQuestions({ kind: "all" }).map((q) => q.id);
}

/** Is this id a card the quiz page can show (a quizzable question or an exercise)? */
export function isStudyable(id: string): boolean {
  const q = getContent().questionById.get(id);
  return q ? isQuizzable(q) : exerciseDeckIndex().ids.has(id);
}

/** Card ids of any deck, including the ones that depend on the learner. */
export async function deckIds(db: Db, learnerId: string, deck: Deck, settings: LearnerSettings): Promise<readonly string[]> {
  if (deck.kind === "interview") return interviewScope(settings);
  if (deck.kind === "flagged") {
    // One read of the learner's flagged rows (bounded by what they flagged), filtered in memory.
    const rows = await db.card.findMany({ where: { learnerId, flagged: true }, select: { questionId: true } });
    return rows.map((r) => r.questionId).filter(isStudyable);
  }
  return deckCardIds(deck);
}
