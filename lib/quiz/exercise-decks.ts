// Which exercises each deck holds. Exercises are FSRS cards like questions; they join the topic, company,
// chapter and loadout decks and the flagged deck (the quiz page shows them inline with the practice
// workbench). `all` and `difficulty:` stay question-only: those are flip-card decks, and an exercise takes
// minutes. The maps are derived once per exercises file (a new artifacts object on re-ingest).
import { getExerciseArtifacts } from "../exercises/index";
import { QUIZ_TOPIC_OF_KIND } from "../exercises/cards";
import type { ExerciseKind } from "../exercises/schema";
import type { Deck } from "./deck";

export interface ExerciseDeckIndex {
  ids: Set<string>;
  hashes: Map<string, string>;
  kindOf: Map<string, ExerciseKind>;
  byTopic: Map<string, string[]>;
  byCompany: Map<string, string[]>;
  byChapter: Map<string, string[]>;
}

const push = (m: Map<string, string[]>, k: string, id: string) => {
  const list = m.get(k);
  if (list) list.push(id);
  else m.set(k, [id]);
};

const cache = new WeakMap<object, ExerciseDeckIndex>();

export function exerciseDeckIndex(): ExerciseDeckIndex {
  const artifacts = getExerciseArtifacts();
  let d = cache.get(artifacts);
  if (d) return d;
  d = { ids: new Set(), hashes: new Map(), kindOf: new Map(), byTopic: new Map(), byCompany: new Map(), byChapter: new Map() };
  // Sorted by id so a deck's new exercises come in a stable order whatever the file order.
  for (const e of [...artifacts.exercises].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))) {
    d.ids.add(e.id);
    d.hashes.set(e.id, e.hash);
    d.kindOf.set(e.id, e.kind);
    push(d.byTopic, QUIZ_TOPIC_OF_KIND[e.kind], e.id);
    for (const c of e.companies) push(d.byCompany, c, e.id);
    push(d.byChapter, e.chapter.split("#")[0], e.id);
  }
  cache.set(artifacts, d);
  return d;
}

export const isExerciseId = (id: string) => exerciseDeckIndex().ids.has(id);

/** The exercises a content-defined deck holds (none for `all`, `difficulty:`, `flagged`, `interview`). */
export function exerciseDeckIds(deck: Deck): string[] {
  if (!("value" in deck)) return [];
  const x = exerciseDeckIndex();
  switch (deck.kind) {
    case "topic":
      return x.byTopic.get(deck.value) ?? [];
    case "chapter":
      return x.byChapter.get(deck.value) ?? [];
    case "company":
    case "loadout":
      return x.byCompany.get(deck.value) ?? [];
    default:
      return [];
  }
}
