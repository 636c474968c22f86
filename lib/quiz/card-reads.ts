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
import { sameDaySiblingRows, siblingRule } from "./siblings";

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
  /** With `bury`: the siblings grading this question would bury (siblingsToBury's rule), sorted. */
  siblings?: string[];
}

/**
 * What grading one answer reads, in one statement: the question, the learner's card of it, whether the
 * review id was undone and, with `withLearner`, the learner's settings columns (a request that has not
 * read them saves a round trip, and on SQLite a statement, by reading them here). With `bury` (the
 * caller knows when the learner's day ends), the siblings to bury as well: siblingsToBury's statement
 * as a subquery whose ids come joined in one column, one statement instead of two side by side.
 */
export async function readForReview(
  q: Reader,
  learnerId: string,
  questionId: string,
  reviewId: string,
  withLearner = false,
  bury?: { now: Date; until: Date },
): Promise<ReviewReads> {
  const learner = withLearner ? Prisma.sql`, l."id" AS "lId", ${learnerColumns("l")}` : Prisma.empty;
  const join = withLearner ? Prisma.sql`LEFT JOIN "Learner" l ON l."id" = ${learnerId}` : Prisma.empty;
  const siblings = bury
    ? Prisma.sql`, (SELECT string_agg(b."questionId", ',') FROM (${siblingsSql(learnerId, questionId, bury.now, bury.until)}) b) AS "buryIds"`
    : Prisma.empty;
  const rows = await q.$queryRaw<Record<string, unknown>[]>`
    SELECT q."contentHash" AS "qContentHash", q."archivedAt" AS "qArchivedAt", q."concept" AS "qConcept",
      CASE WHEN EXISTS (SELECT 1 FROM "UndoneReview" u WHERE u."learnerId" = ${learnerId} AND u."id" = ${reviewId}) THEN 1 ELSE 0 END AS "undone",
      ${cardColumns("c")}${learner}${siblings}
    FROM "Question" q LEFT JOIN "Card" c ON c."learnerId" = ${learnerId} AND c."questionId" = q."id" ${join}
    WHERE q."id" = ${questionId}`;
  const r = rows[0];
  if (!r) return { question: null, row: null, undone: false, ...(bury ? { siblings: [] } : {}) };
  return {
    question: { contentHash: r.qContentHash as string, archivedAt: (r.qArchivedAt as Date | null) ?? null, concept: (r.qConcept as string | null) ?? null },
    row: r.learnerId == null ? null : toCardRow(r),
    undone: Number(r.undone) === 1,
    ...(withLearner ? { learner: r.lId == null ? null : toSettingsRow(r, "l_") } : {}),
    // Joined with commas: a question id never holds one (lib/quiz/rules.ts questionIdSchema).
    ...(bury ? { siblings: r.buryIds ? (r.buryIds as string).split(",").sort() : [] } : {}),
  };
}

/**
 * The siblings grading `questionId` would bury (lib/quiz/siblings.ts siblingBury has the rule): the
 * learner's new and review cards of the same concept due before `until`, not suspended, not buried.
 * Needs no concept from the caller (the join finds it): readForReview runs the same statement as a
 * subquery when the caller knows the learner's day; this reads it on its own when the settings came
 * with the card read, after it.
 */
export async function siblingsToBury(q: Reader, learnerId: string, questionId: string, now: Date, until: Date): Promise<string[]> {
  const rows = await q.$queryRaw<{ questionId: string }[]>(siblingsSql(learnerId, questionId, now, until));
  return rows.map((r) => r.questionId);
}

function siblingsSql(learnerId: string, questionId: string, now: Date, until: Date): Prisma.Sql {
  return Prisma.sql`
    SELECT c."questionId" FROM "Card" c
      JOIN "Question" s ON s."id" = c."questionId"
      JOIN "Question" me ON me."id" = ${questionId} AND me."concept" IS NOT NULL AND s."concept" = me."concept"
    WHERE c."learnerId" = ${learnerId} AND c."questionId" <> ${questionId} AND c."state" IN (${State.New}, ${State.Review})
      AND c."suspended" = false AND c."due" < ${until} AND (c."buriedUntil" IS NULL OR c."buriedUntil" <= ${now})
    ORDER BY c."questionId" LIMIT ${Prisma.raw(String(MAX_SIBLING_GROUP))}`;
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

export interface QueueReads {
  /** The cards the queue can serve or count now, in due order (see queueReads). */
  cards: QueueCard[];
  /** Question ids of every started card (not new), with `withStarted`; otherwise null. */
  started: Set<string> | null;
  /** Cards introduced (first graded) since `dayStart`: the part of today's new-card allowance already used. */
  newToday: number;
  /** The sibling rule for today (lib/quiz/siblings.ts). */
  siblingSeen: (questionId: string) => boolean;
}

/** How many of the earliest due learning and review cards come as full rows beside the slim ones (see queueReads). */
export const QUEUE_FULL_HEAD = 4;

/**
 * What the schedule's next-card decision reads, in two statements run side by side (they were four, then
 * a fifth for the served card's full row: at scale each statement cost a round trip and ~0.5 ms of
 * Prisma, and four at once on two cores queued behind each other).
 *
 * The learner statement, one pass over the learner's index entries plus two small reads:
 * - every started card due by `until` as a SlimCard, from Card_queue_idx alone (due learning and review
 *   cards, and learning cards due within the learn-ahead window). A learner with a backlog has hundreds;
 *   fetching each full row from its own heap page was most of the queue's time at scale (4–5 ms of
 *   PostgreSQL for ~300 rows, against ~0.4 ms index-only);
 * - with `withStarted`, the ids of the started cards not due yet (with the due ones: every started card,
 *   which keeps a deck question from being served as new);
 * - today's new-card count, and the sibling rule's rows (lib/quiz/siblings.ts).
 *
 * The full-row statement: new cards a study control touched (suspended, flagged or buried now), the
 * preferred card, started cards whose question changed since last reviewed (they count as due), and the
 * QUEUE_FULL_HEAD earliest due learning and review cards that are not suspended or buried: the card the
 * queue serves is almost always one of those, so it needs no read of its own (queue.ts falls back to
 * cardRow when it is not). Without `slim` (ordering by recall needs every card's memory state) every due
 * card comes as a full row. A card found by both statements comes once, as its full row.
 *
 * An untouched new row is read by neither: the queue treats it exactly like a question with no row
 * (fresh, a new card), and a learner with many of them (an import, or a program that creates them up
 * front) made this read return over a thousand rows. The learner's other cards stay in the database.
 * Each branch is answered by an index (Card_queue_idx, the log's (learnerId, reviewedAt) index, the
 * concept index); with one OR over every condition the planner read all of the learner's rows, ~1,600
 * heap pages at scale.
 */
export async function queueReads(
  q: Reader,
  learnerId: string,
  at: { now: Date; until: Date; dayStart: Date },
  opts: { prefer?: string; slim: boolean; withStarted: boolean },
): Promise<QueueReads> {
  const statements = queueStatements(learnerId, at, opts);
  const [slimRows, full] = await Promise.all([q.$queryRaw<Record<string, unknown>[]>(statements.learner), q.$queryRaw<Record<string, unknown>[]>(statements.full)]);

  const due: SlimCard[] = [];
  const startedIds = opts.withStarted ? new Set<string>() : null;
  const siblingRows: { questionId: string; concept: string; reviewed: boolean }[] = [];
  let newToday = 0;
  for (const r of slimRows) {
    switch (r.kind) {
      case "d":
        due.push({
          slim: true,
          learnerId,
          questionId: r.questionId as string,
          due: r.due as Date,
          state: Number(r.state),
          suspended: r.suspended as boolean,
          flagged: r.flagged as boolean,
          buriedUntil: (r.buriedUntil as Date | null) ?? null,
        });
        startedIds?.add(r.questionId as string);
        break;
      case "s":
        // One row, the ids joined (a question id never holds a comma: lib/quiz/rules.ts questionIdSchema);
        // as a thousand rows they cost more to decode than the statement took.
        if (r.questionId) for (const id of (r.questionId as string).split(",")) startedIds?.add(id);
        break;
      case "n":
        // count comes back as number, bigint or a numeric string depending on the driver.
        newToday = Number(r.n ?? 0);
        break;
      case "g":
        siblingRows.push({ questionId: r.questionId as string, concept: r.concept as string, reviewed: Number(r.n) === 1 });
        break;
    }
  }
  // One entry per card, in due order; a full row replaces the slim one of the same card.
  const fullById = new Map(full.map((r) => [r.questionId as string, toCardRow(r)]));
  const merged: QueueCard[] = due.map((c) => fullById.get(c.questionId) ?? c);
  const inDue = new Set(due.map((c) => c.questionId));
  for (const [id, row] of fullById) if (!inDue.has(id)) merged.push(row);
  // By due date, then id: the same order on both databases, whatever order the branches' rows came in.
  merged.sort((a, b) => a.due.getTime() - b.due.getTime() || (a.questionId < b.questionId ? -1 : a.questionId > b.questionId ? 1 : 0));
  return { cards: merged, started: startedIds, newToday, siblingSeen: siblingRule(siblingRows) };
}

/** queueReads' two statements (exported so `npm run bench:scale` can EXPLAIN exactly what the app runs). */
export function queueStatements(
  learnerId: string,
  at: { now: Date; until: Date; dayStart: Date },
  opts: { prefer?: string; slim: boolean; withStarted: boolean },
): { learner: Prisma.Sql; full: Prisma.Sql } {
  const { now, until, dayStart } = at;
  const started = Prisma.sql`c."learnerId" = ${learnerId} AND c."state" IN (${STARTED})`;
  // UNION ALL with a "kind" per branch; the slim branch comes first because SQLite types a compound
  // select's columns from its first branch (the others fill its columns with NULL or their own values).
  // Its NULL columns are cast: PostgreSQL types a UNION pair by pair, and two bare NULLs become text.
  const learner = Prisma.sql`
    SELECT 'd' AS "kind", c."questionId", c."due", c."state", c."suspended", c."flagged", c."buriedUntil", CAST(NULL AS BIGINT) AS "n", CAST(NULL AS TEXT) AS "concept"
      FROM "Card" c WHERE ${started} AND c."due" <= ${until}
    ${opts.withStarted ? Prisma.sql`UNION ALL SELECT 's', string_agg(c."questionId", ','), NULL, NULL, NULL, NULL, NULL, NULL, NULL FROM "Card" c WHERE ${started} AND c."due" > ${until}` : Prisma.empty}
    UNION ALL SELECT 'n', NULL, NULL, NULL, NULL, NULL, NULL, count(*), NULL
      FROM "ReviewLog" WHERE "learnerId" = ${learnerId} AND "state" = ${State.New} AND "reviewedAt" >= ${dayStart}
    UNION ALL SELECT 'g', g."questionId", NULL, NULL, NULL, NULL, NULL, g."reviewed", g."concept" FROM (${sameDaySiblingRows(learnerId, dayStart)}) g`;
  // Each subselect keeps its own ORDER BY and LIMIT (a compound select allows one of each, at the end).
  // One state per branch: Card_queue_idx then returns the rows in due order and the scan stops at the
  // limit; with `state IN (1, 3)` PostgreSQL fetched every due learning card's row to sort them.
  const head = (state: State) =>
    Prisma.sql`SELECT * FROM (SELECT ${cardColumns("c")} FROM "Card" c WHERE c."learnerId" = ${learnerId} AND c."state" = ${state}
      AND c."due" <= ${now} AND c."suspended" = false AND (c."buriedUntil" IS NULL OR c."buriedUntil" <= ${now})
      ORDER BY c."due" LIMIT ${Prisma.raw(String(QUEUE_FULL_HEAD))}) h`;
  const full = Prisma.sql`
    SELECT ${cardColumns("c")} FROM "Card" c
      WHERE c."learnerId" = ${learnerId} AND c."state" = ${State.New} AND (c."suspended" = true OR c."flagged" = true OR c."buriedUntil" > ${now})
    ${opts.prefer ? Prisma.sql`UNION ALL SELECT ${cardColumns("c")} FROM "Card" c WHERE c."learnerId" = ${learnerId} AND c."questionId" = ${opts.prefer}` : Prisma.empty}
    UNION ALL
    SELECT ${cardColumns("c")} FROM "Question" q JOIN "Card" c ON c."learnerId" = ${learnerId} AND c."questionId" = q."id"
      WHERE q."changedAt" IS NOT NULL AND c."state" IN (${STARTED}) AND c."seenHash" IS NOT NULL AND c."seenHash" <> q."contentHash"
    UNION ALL
    ${
      opts.slim
        ? Prisma.sql`${head(State.Learning)} UNION ALL ${head(State.Relearning)} UNION ALL ${head(State.Review)}`
        : Prisma.sql`SELECT ${cardColumns("c")} FROM "Card" c WHERE ${started} AND c."due" <= ${until}`
    }`;
  return { learner, full };
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
