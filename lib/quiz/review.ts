// Writing answers: grade, practice, undo and the study controls (bury, suspend, flag).
import { Prisma, type Card as CardRow } from "../generated/prisma/client";
import { providerOf, sqliteConnectionOf, type Db } from "../db/client";
import { directOf } from "../db/pg-direct";
import { AppError } from "../app-error";
import { learnerLockStatements, lockLearner } from "../db/locks";
import { startOfNextDay } from "../time";
import { cardToRow, parsePrevCard, recordToLogRow, rowToCard } from "./card-mapper";
import { newCard, type CardState, type Rating } from "./scheduler";
import { balancePlan, cardOnDay, isBalancePlan, pickBalanced } from "./load-balance";
import { insertLateReview } from "./late-review";
import { leechUpdate } from "./leech";
import { SETTINGS_DEFAULTS } from "./rules";
import { clampToInterview, interviewLatest, rowToSettings, schedulerSettings, type LearnerSettings } from "./settings";
import { siblingBury, unburySiblings } from "./siblings";
import { readForReview, siblingsToBury } from "./card-reads";
import { buryCards, CardConflict, insertCard, insertLog, isUniqueViolation, updateCard, writeAnswer, writeAnswerOnConnection } from "./review-write";

export class QuizError extends AppError {
  constructor(status: 400 | 404 | 409, message: string) {
    super(status, message);
  }
}

export interface ReviewInput {
  reviewId: string;
  questionId: string;
  rating: Rating;
  durationMs?: number;
  practice?: boolean;
}

export interface ReviewResult {
  duplicate: boolean;
  card: CardState | null;
}

export interface WriteOptions {
  interviewScope?: Set<string> | null;
  /** Without `settings`: the interview scope from the settings this write reads (the facade's rule). */
  scopeFor?: (settings: LearnerSettings) => Set<string> | null;
  /** The learner's settings when the caller already read them (the facade does, once per request). */
  settings?: LearnerSettings;
  /** Whether the learner row exists; known with `settings`. Unknown means "create it if missing". */
  learnerExists?: boolean;
  /** The learner's IANA time zone: load balancing counts cards per day of theirs, and sibling burying lasts until their next day. */
  tz?: string;
}

const notInQuiz = (id: string) => new QuizError(404, `No question with id "${id}" is in the quiz.`);
const isCode = (err: unknown, ...codes: string[]) => err instanceof Prisma.PrismaClientKnownRequestError && codes.includes(err.code);
const MAX_ATTEMPTS = 5;
type Tx = Omit<Db, "$connect" | "$disconnect" | "$on" | "$transaction" | "$extends">;

/**
 * Applies one grade. The reads happen first (one statement, plus the siblings beside it); the log row
 * and the card are then written in one transaction. The log's primary key (learner, client-generated review id) decides replays: a
 * retried request fails that insert and gets the stored result, so nothing is graded twice. The card write
 * is conditional on the row it was computed from, so two different answers racing on one card conflict.
 * After a conflict the answer is graded again with its reads inside a transaction that holds the
 * learner's lock (lib/db/locks.ts), where no other write of this learner can intervene, so a burst of
 * answers on one card from several instances cannot starve one of them.
 */
export async function submitReview(db: Db, learnerId: string, input: ReviewInput, now: Date, opts: WriteOptions = {}): Promise<ReviewResult> {
  const reviewId = input.reviewId.toLowerCase();
  // Outside a transaction the raw statements run on PostgreSQL's pool rather than through Prisma (lib/db/pg-direct.ts).
  const direct = directOf(db);
  if (input.practice) return submitPractice(db, learnerId, { ...input, reviewId }, now, opts);
  // One attempt through `q` (the client, or an interactive transaction that already holds the lock).
  const attempt = async (q: Tx, locked: boolean): Promise<ReviewResult | "undone" | "late"> => {
    // One statement for the question, the card, the undone check and, when the caller has not read them
    // (or under the lock, where existence must be re-read), the learner's settings; and the siblings to
    // bury (raw SQL: see lib/quiz/card-reads.ts). Those depend on the learner's rollover hour: without
    // the settings up front it assumes the default one, and reads them again if the learner's differs.
    const rollover = opts.settings?.rolloverHour ?? SETTINGS_DEFAULTS.rolloverHour;
    const buryWindow = { now, until: startOfNextDay(now, opts.tz, rollover) };
    // The locked attempt reads on its transaction's connection.
    const r = locked ? q : direct;
    const { question, row, undone, learner = null, siblings: siblingIds = null } = await readForReview(r, learnerId, input.questionId, reviewId, !opts.settings || locked, buryWindow);
    if (!question || question.archivedAt) throw notInQuiz(input.questionId);
    // An undone answer stays undone: a late retry of it is answered like a replay.
    if (undone) return "undone";
    const settings = opts.settings ?? rowToSettings(learner, opts.tz);
    const exists = locked ? learner !== null : opts.settings ? opts.learnerExists !== false : learner !== null;
    const scope = opts.settings ? (opts.interviewScope ?? null) : (opts.scopeFor?.(settings) ?? opts.interviewScope ?? null);
    const inScope = !scope || scope.has(input.questionId);
    // An answer older than the card's last one (synced late by an offline device) is merged into the
    // card's log in time order; that reads the log, so it runs on the locked attempt (lib/quiz/late-review.ts).
    if (row?.lastReview && row.lastReview > now) {
      if (!locked) return "late";
      const late = { learnerId, reviewId, questionId: input.questionId, rating: input.rating, durationMs: input.durationMs, reviewedAt: now };
      return { duplicate: false, card: await insertLateReview(q, { ...late, row, contentHash: question.contentHash, settings, inScope, tz: opts.tz }) };
    }
    const before = row ? rowToCard(row) : newCard(now);
    const buryUntil = startOfNextDay(now, opts.tz, settings.rolloverHour);
    const siblingsRead = settings.rolloverHour === rollover ? siblingIds : null;
    const buried = !question.concept ? [] : (siblingsRead ?? (await siblingsToBury(r, learnerId, input.questionId, now, buryUntil)));
    const { column: buriedColumn, bury } = siblingBury(buried, buryUntil);
    // The common answer (a learner who has a row) has a cheaper path on each database, with the same
    // guarantees: one statement on PostgreSQL, a transaction on the connection itself on SQLite.
    const common = exists && !locked;
    const oneStatement = common && providerOf(db) === "postgresql";
    const balance = { learnerId, questionId: input.questionId, tz: opts.tz, ...settings };
    const plan = balancePlan(before, input.rating, now, schedulerSettings(settings, now, inScope), balance);
    // A load-balanced day is picked from the learner's due counts: read first here, or, in the one
    // statement, picked inside it (lib/quiz/review-write.ts), one round trip fewer.
    const sqlPick = isBalancePlan(plan) && oneStatement ? { plan, latest: interviewLatest(settings, now, inScope) } : undefined;
    const { card, log } = isBalancePlan(plan) && !sqlPick ? await pickBalanced(r, plan) : plan;
    card.due = clampToInterview(card.due, settings, now, inScope);
    const data = { ...cardToRow(card), ...leechUpdate(before.lapses, card.lapses, settings), seenHash: question.contentHash, buriedUntil: null };
    const logRow = { id: reviewId, learnerId, questionId: input.questionId, durationMs: input.durationMs, prevCard: row ? JSON.stringify(row) : null, buriedSiblings: buriedColumn, ...recordToLogRow(log) };
    // Raw statements (lib/quiz/review-write.ts): the log row first, so a stored review id fails before
    // anything else is written; then the siblings; then the card, conditional on the row it came from.
    const write = async (c: Tx) => {
      if (!exists) await c.learner.upsert({ where: { id: learnerId }, create: { id: learnerId }, update: {} });
      // The lock waits for an undo or import of this learner on another instance to commit (held already when locked).
      if (!locked) await lockLearner(db, c, learnerId);
      await insertLog(c, logRow);
      if (bury) await buryCards(c, learnerId, bury);
      if (row) await updateCard(c, learnerId, input.questionId, row.updatedAt, data);
      else await insertCard(c, learnerId, input.questionId, data);
    };
    const sqlite = common ? sqliteConnectionOf(db) : null;
    // An interactive transaction, not a batch: a conditional update that matched nothing must roll back the log row.
    if (locked) await write(q);
    else if (oneStatement) {
      const days = await writeAnswer(direct, learnerId, input.questionId, row?.updatedAt ?? null, data, logRow, sqlPick, bury);
      if (sqlPick && days !== null) {
        // The card as the statement wrote it: on the picked day, clamped as the statement clamped it.
        const picked = cardOnDay(sqlPick.plan, days);
        picked.due = clampToInterview(picked.due, settings, now, inScope);
        return { duplicate: false, card: picked };
      }
    } else if (sqlite) await writeAnswerOnConnection(sqlite, learnerId, input.questionId, row?.updatedAt ?? null, data, logRow, bury);
    else await db.$transaction(write);
    return { duplicate: false, card };
  };

  for (let n = 0; ; n++) {
    try {
      const result =
        n === 0
          ? await attempt(db, false)
          : await db.$transaction(async (tx) => {
              await lockLearner(db, tx, learnerId);
              return attempt(tx, true);
            });
      if (result === "late") continue;
      return result === "undone" ? replay(db, learnerId, reviewId, input.questionId) : result;
    } catch (err) {
      const retryable = isCode(err, "P2002", "P2025") || isUniqueViolation(err) || err instanceof CardConflict;
      if (!retryable || n >= MAX_ATTEMPTS) throw err;
      // Either this review id is stored (a replay) or another answer changed the card first (try again).
      const stored = await db.reviewLog.findUnique({ where: { learnerId_id: { learnerId, id: reviewId } }, select: { questionId: true } });
      if (stored) return replay(db, learnerId, reviewId, input.questionId, stored.questionId);
    }
  }
}

async function replay(db: Db, learnerId: string, reviewId: string, questionId: string, storedFor?: string): Promise<ReviewResult> {
  if (storedFor === undefined) {
    storedFor = (await db.reviewLog.findUnique({ where: { learnerId_id: { learnerId, id: reviewId } }, select: { questionId: true } }))?.questionId;
  }
  if (storedFor !== undefined && storedFor !== questionId) {
    throw new QuizError(409, "This review id was already used for a different question. Generate a new id for each answer.");
  }
  const row = await db.card.findUnique({ where: { learnerId_questionId: { learnerId, questionId } } });
  return { duplicate: true, card: row ? rowToCard(row) : null };
}

async function submitPractice(db: Db, learnerId: string, input: ReviewInput, now: Date, opts: WriteOptions): Promise<ReviewResult> {
  const key = { learnerId_questionId: { learnerId, questionId: input.questionId } };
  const [question, row] = await Promise.all([
    db.question.findUnique({ where: { id: input.questionId }, select: { archivedAt: true } }),
    db.card.findUnique({ where: key }),
  ]);
  if (!question || question.archivedAt) throw notInQuiz(input.questionId);
  let duplicate = false;
  try {
    await db.$transaction([
      ...(opts.learnerExists ? [] : [db.learner.upsert({ where: { id: learnerId }, create: { id: learnerId }, update: {} })]),
      db.practiceReview.create({ data: { learnerId, id: input.reviewId, questionId: input.questionId, rating: input.rating, reviewedAt: now } }),
    ]);
  } catch (err) {
    if (!isCode(err, "P2002")) throw err;
    duplicate = true;
  }
  return { duplicate, card: row ? rowToCard(row) : null };
}

/**
 * Takes back the learner's most recent answer: the card returns to exactly what it was and the log row
 * goes away. The id is remembered so a late retry of that answer cannot bring it back.
 */
export async function undoReview(db: Db, learnerId: string, reviewId: string): Promise<{ questionId: string }> {
  const id = reviewId.toLowerCase();
  return db.$transaction(async (tx) => {
    // Holds every other write of this learner off until commit, so "the latest answer" stays the latest
    // and no review lands between reading the card to restore and restoring it (lib/db/locks.ts).
    await lockLearner(db, tx, learnerId);
    const log = await tx.reviewLog.findUnique({ where: { learnerId_id: { learnerId, id } } });
    if (!log) throw new QuizError(404, "There is no such answer to undo (it may have been undone already).");
    const latest = await tx.reviewLog.findFirst({ where: { learnerId }, orderBy: [{ reviewedAt: "desc" }, { createdAt: "desc" }], select: { id: true } });
    if (latest && latest.id !== log.id) throw new QuizError(409, "Only your most recent answer can be undone.");
    const key = { learnerId_questionId: { learnerId, questionId: log.questionId } };
    const prev = log.prevCard ? parsePrevCard(log.prevCard) : null;
    if (log.prevCard && !prev) throw new QuizError(409, "This answer came from an imported file without a usable earlier card, so it cannot be undone.");
    // "Latest" above is by answer time; the card must also still be the one this answer produced. Two
    // answers can be applied in another order than their times (two instances, clocks apart), and
    // restoring the earlier card then would silently drop the answer applied after it.
    const current = await tx.card.findUnique({ where: key, select: { reps: true } });
    if (!current || current.reps !== (prev?.reps ?? 0) + 1) throw new QuizError(409, "Only your most recent answer can be undone.");
    if (prev) {
      await tx.card.update({ where: key, data: prev });
    } else {
      await tx.card.delete({ where: key });
    }
    await unburySiblings(tx, learnerId, log.buriedSiblings);
    await tx.reviewLog.delete({ where: { learnerId_id: { learnerId, id } } });
    await tx.undoneReview.create({ data: { learnerId, id } });
    return { questionId: log.questionId };
  });
}

export type CardFlags = Pick<CardRow, "buriedUntil" | "suspended" | "flagged">;

/** Card row for study controls on a question the learner may not have studied yet. */
async function withCard(db: Db, learnerId: string, questionId: string, now: Date, data: Partial<CardFlags>): Promise<CardFlags> {
  const question = await db.question.findUnique({ where: { id: questionId }, select: { archivedAt: true } });
  if (!question || question.archivedAt) throw notInQuiz(questionId);
  const results = await db.$transaction([
    db.learner.upsert({ where: { id: learnerId }, create: { id: learnerId }, update: {} }),
    ...learnerLockStatements(db, learnerId),
    db.card.upsert({
      where: { learnerId_questionId: { learnerId, questionId } },
      create: { learnerId, questionId, ...cardToRow(newCard(now)), ...data },
      update: data,
    }),
  ]);
  const row = results[results.length - 1] as CardRow;
  return { buriedUntil: row.buriedUntil, suspended: row.suspended, flagged: row.flagged };
}

/** Buried until the learner's next day starts (their rollover hour; the default one when not given). */
export const buryCard = (db: Db, learnerId: string, questionId: string, now: Date, tz?: string, rolloverHour: number = SETTINGS_DEFAULTS.rolloverHour) =>
  withCard(db, learnerId, questionId, now, { buriedUntil: startOfNextDay(now, tz, rolloverHour) });
export const setSuspended = (db: Db, learnerId: string, questionId: string, suspended: boolean, now: Date) => withCard(db, learnerId, questionId, now, { suspended });
export const setFlagged = (db: Db, learnerId: string, questionId: string, flagged: boolean, now: Date) => withCard(db, learnerId, questionId, now, { flagged });
