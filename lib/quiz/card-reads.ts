// The hot reads of the review write and the due queue, as plain SQL through `$queryRaw`. Why not the
// model API: with Prisma 6.19's JS query compiler every model call pays a compile-and-interpret step
// (about 0.7 ms on this project's CI machine, `npx tsx scripts/bench-quiz.ts`) that a raw statement
// does not (about 0.06 ms), and a review made five of them. The driver adapters type the columns of a
// raw result from the table (dates come back as Date, booleans as boolean, on SQLite and PostgreSQL
// alike), so a selected Card row is the same value the model API returns; `toCardRow` fixes the key
// order too, because a row is stored as JSON (ReviewLog.prevCard) for undo. Every statement is bounded
// by the learner (indexed) and returns rows the caller uses; none takes a list of content ids.
import { Prisma, type Card as CardRow } from "../generated/prisma/client";
import type { Db } from "../db/client";
import { MAX_SIBLING_GROUP } from "../content/siblings";
import { Rating, State } from "./enums";
import { SETTINGS_COLUMNS, type SettingsRow } from "./settings";

type Reader = Pick<Db, "$queryRaw">;

const CARD_FIELDS = Object.values(Prisma.CardScalarFieldEnum);
/** The started states as an IN list: `state <> New` is no index condition, `state IN (…)` is. */
export const STARTED = Prisma.join([State.Learning, State.Review, State.Relearning]);
const cardColumns = (alias: string) => Prisma.raw(CARD_FIELDS.map((f) => `${alias}."${f}"`).join(", "));

/** A raw result row as the model API's Card row: the same keys in the schema's order. */
export function toCardRow(raw: Record<string, unknown>): CardRow {
  const row: Record<string, unknown> = {};
  for (const f of CARD_FIELDS) row[f] = raw[f];
  return row as unknown as CardRow;
}

export interface ReviewReads {
  question: { contentHash: string; archivedAt: Date | null; concept: string | null } | null;
  row: CardRow | null;
  /** This review id was answered and then undone. */
  undone: boolean;
  /** The learner's settings columns when asked for (null: no learner row yet). */
  learner?: SettingsRow | null;
}

/**
 * What grading one answer reads, in one statement: the question, the learner's card of it, whether the
 * review id was undone and, with `withLearner`, the learner's settings columns (a request that has not
 * read them saves a round trip, and on SQLite a statement, by reading them here).
 */
export async function readForReview(q: Reader, learnerId: string, questionId: string, reviewId: string, withLearner = false): Promise<ReviewReads> {
  const learner = withLearner ? Prisma.sql`, l."id" AS "lId", ${learnerColumns("l")}` : Prisma.empty;
  const join = withLearner ? Prisma.sql`LEFT JOIN "Learner" l ON l."id" = ${learnerId}` : Prisma.empty;
  const rows = await q.$queryRaw<Record<string, unknown>[]>`
    SELECT q."contentHash" AS "qContentHash", q."archivedAt" AS "qArchivedAt", q."concept" AS "qConcept",
      CASE WHEN EXISTS (SELECT 1 FROM "UndoneReview" u WHERE u."learnerId" = ${learnerId} AND u."id" = ${reviewId}) THEN 1 ELSE 0 END AS "undone",
      ${cardColumns("c")}${learner}
    FROM "Question" q LEFT JOIN "Card" c ON c."learnerId" = ${learnerId} AND c."questionId" = q."id" ${join}
    WHERE q."id" = ${questionId}`;
  const r = rows[0];
  if (!r) return { question: null, row: null, undone: false };
  return {
    question: { contentHash: r.qContentHash as string, archivedAt: (r.qArchivedAt as Date | null) ?? null, concept: (r.qConcept as string | null) ?? null },
    row: r.learnerId == null ? null : toCardRow(r),
    undone: Number(r.undone) === 1,
    ...(withLearner ? { learner: r.lId == null ? null : toSettingsRow(r, "l_") } : {}),
  };
}

/**
 * The siblings grading `questionId` would bury (lib/quiz/siblings.ts siblingBury has the rule): the
 * learner's new and review cards of the same concept due before `until`, not suspended, not buried.
 * Needs no concept from the caller (the join finds it), so it runs alongside readForReview.
 */
export async function siblingsToBury(q: Reader, learnerId: string, questionId: string, now: Date, until: Date): Promise<string[]> {
  const rows = await q.$queryRaw<{ questionId: string }[]>`
    SELECT c."questionId" FROM "Card" c
      JOIN "Question" s ON s."id" = c."questionId"
      JOIN "Question" me ON me."id" = ${questionId} AND me."concept" IS NOT NULL AND s."concept" = me."concept"
    WHERE c."learnerId" = ${learnerId} AND c."questionId" <> ${questionId} AND c."state" IN (${State.New}, ${State.Review})
      AND c."suspended" = false AND c."due" < ${until} AND (c."buriedUntil" IS NULL OR c."buriedUntil" <= ${now})
    ORDER BY c."questionId" LIMIT ${Prisma.raw(String(MAX_SIBLING_GROUP))}`;
  return rows.map((r) => r.questionId);
}

/**
 * A due started card as the queue index holds it (Card_queue_idx): enough to count it, filter it
 * (suspended, buried, deck, siblings) and order it by due date or at random. The queue reads the full
 * row of only the one it serves (cardRow).
 */
export interface SlimCard {
  slim: true;
  learnerId: string;
  questionId: string;
  due: Date;
  state: number;
  suspended: boolean;
  flagged: boolean;
  buriedUntil: Date | null;
}
export type QueueCard = CardRow | SlimCard;
export const isSlim = (c: QueueCard): c is SlimCard => "slim" in c;

const SLIM_FIELDS = ["learnerId", "questionId", "due", "state", "suspended", "flagged", "buriedUntil"] as const;

/**
 * The queue's cards: every card that can be served or counted now (started cards due by `until`, which
 * covers due learning and review cards and learning cards due within the learn-ahead window), new cards
 * that a study control touched (suspended, flagged or buried now), started cards whose question changed
 * since last reviewed (they count as due), and the preferred card. Ordered by due, as the queue serves them.
 * An untouched new row is left out: the queue treats it exactly like a question with no row (fresh, a new
 * card), and a learner with many of them (an import, or a program that creates them up front) made this
 * read return over a thousand rows (lib/quiz/queue.ts). The learner's other cards stay in the database.
 *
 * With `slim`, the due started cards come as SlimCard, from the index alone: a learner with a backlog
 * has hundreds of them, and fetching each full row from its own heap page was most of the queue's time
 * at scale (4–5 ms of PostgreSQL for ~300 rows, against ~0.4 ms index-only). A card that another branch
 * also finds (preferred, changed) comes once, as its full row. Without `slim` (ordering by recall needs
 * every card's memory state) all rows are full.
 */
export async function queueCards(q: Reader, learnerId: string, now: Date, until: Date, prefer?: string, slim = false): Promise<QueueCard[]> {
  // One branch per reason, each answered by an index (lib/quiz/card-reads.ts header; Card_queue_idx):
  // with one OR over every condition the planner read all of the learner's rows, ~1,600 heap pages at
  // scale. The slim branch selects the index's columns (NULL for the rest) and says so in "slim"; it
  // comes last because SQLite types a compound select's columns from its first branch.
  const due = Prisma.sql`c."learnerId" = ${learnerId} AND c."state" IN (${STARTED}) AND c."due" <= ${until}`;
  const nulls = Prisma.raw(CARD_FIELDS.map((f) => (SLIM_FIELDS.includes(f as (typeof SLIM_FIELDS)[number]) ? `c."${f}"` : `NULL AS "${f}"`)).join(", "));
  const rows = await q.$queryRaw<Record<string, unknown>[]>`
    SELECT ${cardColumns("c")}, 0 AS "slim" FROM "Card" c
      WHERE c."learnerId" = ${learnerId} AND c."state" = ${State.New} AND (c."suspended" = true OR c."flagged" = true OR c."buriedUntil" > ${now})
    UNION
    SELECT ${cardColumns("c")}, 0 AS "slim" FROM "Card" c WHERE c."learnerId" = ${learnerId} AND c."questionId" = ${prefer ?? ""}
    UNION
    SELECT ${cardColumns("c")}, 0 AS "slim" FROM "Question" q JOIN "Card" c ON c."learnerId" = ${learnerId} AND c."questionId" = q."id"
      WHERE q."changedAt" IS NOT NULL AND c."state" IN (${STARTED}) AND c."seenHash" IS NOT NULL AND c."seenHash" <> q."contentHash"
    UNION
    ${slim ? Prisma.sql`SELECT ${nulls}, 1 AS "slim" FROM "Card" c WHERE ${due}` : Prisma.sql`SELECT ${cardColumns("c")}, 0 AS "slim" FROM "Card" c WHERE ${due}`}
    ORDER BY "due"`;
  // One entry per card, in due order; a full row replaces the slim one of the same card.
  const out = new Map<string, QueueCard>();
  for (const r of rows) {
    const id = r.questionId as string;
    if (Number(r.slim) === 1) {
      if (!out.has(id)) out.set(id, { slim: true, ...(Object.fromEntries(SLIM_FIELDS.map((f) => [f, r[f]])) as Omit<SlimCard, "slim">) });
    } else out.set(id, toCardRow(r));
  }
  return [...out.values()];
}

/** One card's full row (null when the learner has none). */
export async function cardRow(q: Reader, learnerId: string, questionId: string): Promise<CardRow | null> {
  const rows = await q.$queryRaw<Record<string, unknown>[]>`SELECT ${cardColumns("c")} FROM "Card" c WHERE c."learnerId" = ${learnerId} AND c."questionId" = ${questionId}`;
  return rows[0] ? toCardRow(rows[0]) : null;
}

const SUMMARY_FIELDS = ["questionId", "due", "stability", "difficulty", "elapsedDays", "scheduledDays", "learningSteps", "reps", "lapses", "state", "lastReview", "suspended"] as const;
/** What the progress numbers and the stats page use of a card: its memory state, whether it is suspended, and its question. */
export type CardSummary = Pick<CardRow, (typeof SUMMARY_FIELDS)[number]>;

/**
 * Every card of the learner as a CardSummary, for the stats page. Of a full row it leaves out the
 * learner id, the seen hash, the study flags and three of the five dates: for a learner with all 1,623
 * cards, reading and mapping full rows was the page's largest single cost at scale (about 16-21 ms
 * through the PostgreSQL adapter, more than the statement itself).
 */
export async function cardSummaries(q: Reader, learnerId: string): Promise<CardSummary[]> {
  return q.$queryRaw<CardSummary[]>`SELECT ${Prisma.raw(SUMMARY_FIELDS.map((f) => `c."${f}"`).join(", "))} FROM "Card" c WHERE c."learnerId" = ${learnerId}`;
}

const STUDY_FIELDS = [...SUMMARY_FIELDS, "flagged", "buriedUntil", "leech"] as const;
/** A card as the progress page and the deck picker use it: the summary plus the study flags (flagged, buried, leech). */
export type StudyCardRow = Pick<CardRow, (typeof STUDY_FIELDS)[number]>;

/**
 * Every card of the learner as a StudyCardRow: the quiz facade's one read of them for the progress
 * page and the deck counts. It leaves out the learner id, the seen hash and the two row timestamps,
 * which neither uses.
 */
export async function studyCards(q: Reader, learnerId: string): Promise<StudyCardRow[]> {
  return q.$queryRaw<StudyCardRow[]>`SELECT ${Prisma.raw(STUDY_FIELDS.map((f) => `c."${f}"`).join(", "))} FROM "Card" c WHERE c."learnerId" = ${learnerId}`;
}

export interface ReviewCounts {
  total: number;
  today: number;
  newToday: number;
  /** Reviews of cards in state review since `since` (the retention window), and how many were not Again. */
  recentReview: number;
  recentPassed: number;
}

/**
 * The progress page's review counts in one statement: the total is an index-only count over the
 * learner's (learnerId, reviewedAt) index, the rest one range scan of the window. Four statements
 * (and the window's rows sent to the app to count ratings) before. `dayStart` must not precede `since`.
 */
export async function reviewCounts(q: Reader, learnerId: string, dayStart: Date, since: Date): Promise<ReviewCounts> {
  const rows = await q.$queryRaw<Record<string, unknown>[]>`
    SELECT (SELECT count(*) FROM "ReviewLog" t WHERE t."learnerId" = ${learnerId}) AS "total",
      SUM(CASE WHEN r."reviewedAt" >= ${dayStart} THEN 1 ELSE 0 END) AS "today",
      SUM(CASE WHEN r."reviewedAt" >= ${dayStart} AND r."state" = ${State.New} THEN 1 ELSE 0 END) AS "newToday",
      SUM(CASE WHEN r."state" = ${State.Review} THEN 1 ELSE 0 END) AS "recentReview",
      SUM(CASE WHEN r."state" = ${State.Review} AND r."rating" > ${Rating.Again} THEN 1 ELSE 0 END) AS "recentPassed"
    FROM "ReviewLog" r WHERE r."learnerId" = ${learnerId} AND r."reviewedAt" >= ${since}`;
  const r = rows[0] ?? {};
  // count and SUM come back as number, bigint or a numeric string depending on the driver; SUM of no rows is NULL.
  const n = (v: unknown) => Number(v ?? 0);
  return { total: n(r.total), today: n(r.today), newToday: n(r.newToday), recentReview: n(r.recentReview), recentPassed: n(r.recentPassed) };
}

export interface DayReviews {
  reviews: number;
  /** Reviews of cards in state review, and how many of those were not Again: the true retention. */
  reviewState: number;
  passed: number;
}

/**
 * The learner's reviews counted per learner day, in the database. `starts` are the instants the days
 * begin, ascending (the caller works them out in the learner's zone, with the rollover hour); `end` is
 * when the last day ends. Each row is bucketed by a balanced tree of CASE over the starts (about
 * log2(days) comparisons), so one row per day comes back instead of every review of the half year:
 * reading and mapping 20,000 rows was most of the statistics page's time. The statement's size depends
 * on the number of days only.
 */
export async function reviewsPerDay(q: Reader, learnerId: string, starts: Date[], end: Date): Promise<DayReviews[]> {
  const tree = (lo: number, hi: number): Prisma.Sql => {
    if (lo === hi) return Prisma.raw(String(lo));
    const mid = (lo + hi + 1) >> 1;
    return Prisma.sql`CASE WHEN "reviewedAt" < ${starts[mid]} THEN ${tree(lo, mid - 1)} ELSE ${tree(mid, hi)} END`;
  };
  const rows = await q.$queryRaw<Record<string, unknown>[]>`
    SELECT ${tree(0, starts.length - 1)} AS "bucket", count(*) AS "n",
      SUM(CASE WHEN "state" = ${State.Review} THEN 1 ELSE 0 END) AS "reviewState",
      SUM(CASE WHEN "state" = ${State.Review} AND "rating" > ${Rating.Again} THEN 1 ELSE 0 END) AS "passed"
    FROM "ReviewLog" WHERE "learnerId" = ${learnerId} AND "reviewedAt" >= ${starts[0]} AND "reviewedAt" < ${end}
    GROUP BY 1`;
  const out: DayReviews[] = starts.map(() => ({ reviews: 0, reviewState: 0, passed: 0 }));
  // count and SUM come back as number, bigint or a numeric string depending on the driver.
  for (const r of rows) out[Number(r.bucket)] = { reviews: Number(r.n), reviewState: Number(r.reviewState ?? 0), passed: Number(r.passed ?? 0) };
  return out;
}

/** How many practice (cram) answers the learner has given: raw, like the rest (see this file's header). */
export async function practiceCount(q: Reader, learnerId: string): Promise<number> {
  const rows = await q.$queryRaw<{ n: number | bigint }[]>`SELECT count(*) AS n FROM "PracticeReview" WHERE "learnerId" = ${learnerId}`;
  return Number(rows[0]?.n ?? 0);
}

/** Ids of the learner's started cards (not new): what keeps a deck question from being served as new. */
export async function startedIds(q: Reader, learnerId: string): Promise<Set<string>> {
  // An index-only scan of (learnerId, state, due, questionId): the rows' heap pages are not read.
  const rows = await q.$queryRaw<{ questionId: string }[]>`SELECT "questionId" FROM "Card" WHERE "learnerId" = ${learnerId} AND "state" IN (${STARTED})`;
  return new Set(rows.map((r) => r.questionId));
}

/** Cards introduced (first graded) since `since`: the part of today's new-card allowance already used. */
export async function newSince(q: Reader, learnerId: string, since: Date): Promise<number> {
  const rows = await q.$queryRaw<{ n: number | bigint }[]>`
    SELECT count(*) AS n FROM "ReviewLog" WHERE "learnerId" = ${learnerId} AND "state" = ${State.New} AND "reviewedAt" >= ${since}`;
  return Number(rows[0]?.n ?? 0);
}

const settingsColumns = Prisma.raw(SETTINGS_COLUMNS.map((c) => `"${c}"`).join(", "));
// Aliased with a prefix where the settings share a row with a card (both tables have e.g. "learningSteps").
const learnerColumns = (alias: string) => Prisma.raw(SETTINGS_COLUMNS.map((c) => `${alias}."${c}" AS "l_${c}"`).join(", "));

/** The settings columns of a result row (under `prefix`); a Json column arrives as text from SQLite and parsed from PostgreSQL. */
function toSettingsRow(r: Record<string, unknown>, prefix = ""): SettingsRow {
  const row: Record<string, unknown> = {};
  for (const c of SETTINGS_COLUMNS) row[c] = r[prefix + c];
  const weights = row.fsrsWeights;
  return { ...(row as unknown as SettingsRow), fsrsWeights: typeof weights === "string" ? parseJson(weights) : ((weights ?? null) as SettingsRow["fsrsWeights"]) };
}

/**
 * The learner's settings columns, or null when the learner has no row yet: what every quiz request reads
 * first, so it is a raw statement too (the model call was a third of a review write's time). A Json column
 * comes back as text from SQLite and parsed from PostgreSQL; it is parsed here so both give the model's value.
 */
export async function readLearner(q: Reader, learnerId: string): Promise<SettingsRow | null> {
  const rows = await q.$queryRaw<Record<string, unknown>[]>`SELECT ${settingsColumns} FROM "Learner" WHERE "id" = ${learnerId}`;
  return rows[0] ? toSettingsRow(rows[0]) : null;
}

/** A malformed stored value reads as none (rowToSettings validates the shape anyway). */
function parseJson(text: string): SettingsRow["fsrsWeights"] {
  try {
    return JSON.parse(text) as SettingsRow["fsrsWeights"];
  } catch (err) {
    if (err instanceof SyntaxError) return null;
    throw err;
  }
}
