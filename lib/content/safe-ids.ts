// Ids from content share one document with the layout's ids and with browser globals: an element with
// id="__next_f" replaces `self.__next_f` (named access on window) and the page never hydrates, and
// id="main" duplicates the layout's skip-link target. Most anchors stay exactly as written so the
// fragments readers share keep working; only the ones that could collide get GitHub's prefix.

export const CONTENT_ID_PREFIX = "user-content-";

/**
 * Ids the app itself renders (layout, header search, quiz, mock round, case-study, glossary and progress
 * pages), plus `next` (Next's global). test/unit/content-input.test.ts scans app/ and components/ and
 * fails when a new literal id is missing here.
 */
const RESERVED = new Set([
  "main", "main-nav", "devices", "link-help", "site-search", "typed", "proposed-note", "mock-typed", "stack", "scale", "questions", "podcasts", "slides",
  "sources", "stage", "interview", "settings", "data", "arrow", "next", "workload", "workload-total", "backlog", "leeches", "leech-list", "interview-summary",
]);
/** Prefixes of ids the app generates: glossary tooltips, glossary letters, footnotes. */
const RESERVED_PREFIXES = ["term-", "letter-", CONTENT_ID_PREFIX];

/** The id a content heading gets: unchanged unless it could clobber a global or an app id. */
export function contentId(anchor: string): string {
  // A leading `_` or `$` is how frameworks name their globals (__next_f, __NEXT_DATA__, $RC…); content never needs one.
  const risky = !/^[\p{L}\p{N}]/u.test(anchor) || RESERVED.has(anchor) || RESERVED_PREFIXES.some((p) => anchor.startsWith(p));
  return risky ? CONTENT_ID_PREFIX + anchor : anchor;
}
