// A deck names a set of questions. On the wire and in URLs it is a string (`all`, `topic:sql`, ...);
// inside the app it is parsed once into a discriminated union, so nothing else splits strings.
// Client-safe: no content, no database.
import { z } from "zod";

export const DECK_KINDS_WITH_VALUE = ["topic", "chapter", "difficulty", "company", "loadout"] as const;

export type Deck =
  | { kind: "all" }
  | { kind: "flagged" }
  | { kind: "interview" }
  | { kind: (typeof DECK_KINDS_WITH_VALUE)[number]; value: string };

export const DECK_HELP = "deck must be `all`, `flagged`, `interview`, or one of `topic:<id>`, `chapter:<id>`, `difficulty:<level>`, `company:<id>`, `loadout:<company>`";

const DECK = /^(all|flagged|interview|(topic|chapter|difficulty|company|loadout):([a-z0-9-]{1,80}))$/;

/** The deck string, validated; `deckSchema.transform(parseDeck)` when the union is wanted. */
export const deckString = z.string().max(100).regex(DECK, DECK_HELP);
export type DeckSpec = z.infer<typeof deckString>;

export const deckSchema = deckString.transform((s): Deck => parseDeck(s)!);

/** The union for a deck string, or null when it is not one. */
export function parseDeck(s: string): Deck | null {
  const m = DECK.exec(s);
  if (!m) return null;
  if (!m[2]) return { kind: m[1] as "all" | "flagged" | "interview" };
  return { kind: m[2] as (typeof DECK_KINDS_WITH_VALUE)[number], value: m[3] };
}

export function deckToString(deck: Deck): string {
  return "value" in deck ? `${deck.kind}:${deck.value}` : deck.kind;
}
