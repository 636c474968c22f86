// The study queue: which card comes next, and the counts the session shows.
import type { Db } from "../db/client";
import { directOf } from "../db/pg-direct";
import { dayKey, startOfDay } from "../time";
import { rowToCard } from "./card-mapper";
import { isLearningState, State } from "./enums";
import { LEARN_AHEAD_MS } from "./rules";
import { formatInterval, newCard, retrievability, RATINGS, type CardState, type Rating } from "./scheduler";
import { balancedPreview } from "./load-balance";
import { clampToInterview, daysUntilInterview, getSettings, schedulerSettings, type LearnerSettings } from "./settings";
import { cardRow, isSlim, queueReads, type QueueCard } from "./card-reads";

async function activeHashes(db: Db): Promise<Map<string, string>> {
  const rows = await db.question.findMany({ where: { archivedAt: null }, select: { id: true, contentHash: true } });
  return new Map(rows.map((q) => [q.id, q.contentHash]));
}

export interface QueueCounts {
  learning: number;
  review: number;
  new: number;
}

export interface NextCard {
  questionId: string;
  state: CardState["state"];
  /** Due date and short label for each grade, computed at `now`. */
  previews: Record<Rating, { due: string; label: string }>;
  /** The question's text changed after the learner last reviewed it. */
  changed: boolean;
  flagged: boolean;
}

export interface QueueOptions {
  /** Questions an upcoming interview covers (null: no interview or everything). */
  interviewScope?: Set<string> | null;
  /** Practice (cram): weakest first, no limits, nothing in the schedule changes. */
  practice?: boolean;
  /** Practice only: questions already practised in this session. */
  exclude?: string[];
  /** Show this question next if it is in the deck and not suspended (used right after an undo). */
  prefer?: string;
  /** The learner's IANA time zone: their day, not the server's, bounds the new-card allowance. */
  tz?: string;
  /** Settings already read for this request (the facade reads them once). */
  settings?: LearnerSettings;
  /** Content hash of every active question (from the content bundle); read from the database if absent. */
  hashes?: ReadonlyMap<string, string>;
}


/**
 * The next card to show: learning cards that are due, then review cards that are due (and cards whose
 * question changed since last studied), then new cards while today's allowance lasts, then learning
 * cards due within 20 minutes. Suspended and buried cards are skipped, and so is a card not yet reviewed
 * today whose sibling (same concept, lib/quiz/siblings.ts) was reviewed today.
 */
export async function nextCard(
  db: Db,
  learnerId: string,
  deckIds: readonly string[],
  now: Date,
  opts: QueueOptions = {},
): Promise<{ card: NextCard | null; counts: QueueCounts }> {
  const inDeck = deckSet(deckIds);
  // Raw statements on PostgreSQL's pool rather than through Prisma (lib/db/pg-direct.ts).
  const q = directOf(db);
  // The day (for the new-card allowance and the sibling rule) starts at the learner's rollover hour.
  const settings = opts.settings ?? (await getSettings(db, learnerId, opts.tz));
  const dayStart = startOfDay(now, opts.tz, settings.rolloverHour);
  const scope = opts.interviewScope ?? null;
  // Practice ranks every started card; the schedule needs only the cards it can serve or count now,
  // plus which questions are started when new cards can be served (lib/quiz/card-reads.ts queueReads).
  // Which questions are started is read alongside the rest rather than after today's new count says so:
  // one round trip fewer in the common case, and a wasted index read only for a learner whose allowance
  // is used up.
  const mayWantFresh = !opts.practice && (settings.newPerDay > 0 || daysUntilInterview(settings, now) !== null);
  const [hashOf, reads] = await Promise.all([
    opts.hashes ?? activeHashes(db),
    opts.practice
      ? db.card.findMany({ where: { learnerId }, orderBy: { due: "asc" } }).then((cards) => ({ cards, started: null, newToday: 0, siblingSeen: () => false }))
      : // Slim rows for the due cards unless reviews are ordered by recall, which needs each card's memory state.
        queueReads(
          q,
          learnerId,
          { now, until: new Date(now.getTime() + LEARN_AHEAD_MS), dayStart },
          { prefer: opts.prefer, slim: settings.reviewOrder !== "weakest", withStarted: mayWantFresh },
        ),
  ]);
  // Practice (cram) is the learner asking for everything: no allowance, and no sibling rule.
  const { cards, newToday, siblingSeen } = reads;
  // Fresh (new) cards matter while today's allowance lasts, or to size it before an interview.
  const wantFresh = opts.practice || daysUntilInterview(settings, now) !== null || settings.newPerDay - newToday > 0;
  // Outside practice wantFresh implies mayWantFresh (no interview and newPerDay 0 leave no allowance), so
  // queueReads read the started ids whenever they are needed here.
  if (wantFresh && !opts.practice && !reads.started) throw new Error("the queue needs the started ids but did not read them");
  const started = opts.practice ? null : wantFresh ? reads.started : new Set<string>();
  const available = (c: QueueCard) =>
    inDeck.has(c.questionId) && hashOf.has(c.questionId) && !c.suspended && !(c.buriedUntil && c.buriedUntil > now) && !siblingSeen(c.questionId);
  // A slim row is never a changed card: the changed ones come as full rows (lib/quiz/card-reads.ts queueReads).
  const changed = (c: QueueCard) => !isSlim(c) && c.state !== State.New && c.seenHash !== null && c.seenHash !== hashOf.get(c.questionId);
  const byId = new Map(cards.map((c) => [c.questionId, c]));
  const startedRows = cards.filter((c) => c.state !== State.New && available(c));
  const fresh = !wantFresh
    ? []
    : deckIds.filter((id) => {
        // A started card is never fresh, and for a learner some months in that is most of the deck:
        // one lookup settles it (1,623 ids, none fresh: 128 µs against 184 µs checking it last).
        if (started?.has(id) || !hashOf.has(id)) return false;
        const c = byId.get(id);
        if (c) return c.state === State.New && available(c);
        // Not among the rows read and not started: no card yet.
        return !siblingSeen(id);
      });
  const sched = (questionId: string) => schedulerSettings(settings, now, !scope || scope.has(questionId));

  // What to serve: a card's row (read in full below when the queue read it slim) or a fresh question.
  let pickRow: QueueCard | undefined;
  let pickFresh: string | undefined;

  let counts: QueueCounts;
  const preferred = opts.prefer && inDeck.has(opts.prefer) && hashOf.has(opts.prefer) && !byId.get(opts.prefer)?.suspended ? opts.prefer : undefined;
  if (opts.practice) {
    const skip = new Set(opts.exclude ?? []);
    const weakest = startedRows
      .filter((c) => !skip.has(c.questionId))
      .map((c) => ({ c, r: retrievability(memory(c), now, sched(c.questionId)) }))
      .sort((a, b) => a.r - b.r);
    const unseen = fresh.filter((id) => !skip.has(id));
    counts = { learning: 0, review: weakest.length, new: unseen.length };
    if (weakest.length) pickRow = weakest[0].c;
    else if (unseen.length) pickFresh = unseen[0];
  } else {
    const dueLearning = startedRows.filter((c) => isLearningState(c.state) && c.due <= now);
    let dueReview = startedRows.filter((c) => c.state === State.Review && (c.due <= now || changed(c)));
    dueReview = orderReviews(dueReview, settings, now, sched, dayKey(now, opts.tz, settings.rolloverHour));
    const allowance = Math.max(0, newAllowance(settings, fresh, scope, now) - newToday);
    counts = { learning: dueLearning.length, review: dueReview.length, new: Math.min(allowance, fresh.length) };
    // Changed questions jump the queue: the learner should see the new answer in this session.
    const changedFirst = [...dueLearning, ...dueReview].find(changed);
    const preferredRow = preferred ? byId.get(preferred) : undefined;
    if (preferred) {
      if (preferredRow && preferredRow.state !== State.New) pickRow = preferredRow;
      else pickFresh = preferred;
    } else if (changedFirst) pickRow = changedFirst;
    else if (dueLearning.length) pickRow = dueLearning[0];
    else if (dueReview.length) pickRow = dueReview[0];
    else if (counts.new > 0) pickFresh = scope ? (fresh.find((id) => scope.has(id)) ?? fresh[0]) : fresh[0];
    else pickRow = startedRows.find((c) => isLearningState(c.state) && c.due.getTime() - now.getTime() <= LEARN_AHEAD_MS);
  }
  if (!pickRow && pickFresh === undefined) return { card: null, counts };
  // The served card is read slim only when it is not among the earliest due (queueReads' full head): a
  // random review order, or the head filtered out (another deck, the sibling rule). Gone meanwhile (an
  // undo of its first answer): it is new again.
  const row = pickRow && isSlim(pickRow) ? await cardRow(q, learnerId, pickRow.questionId) : pickRow;
  const freshRow = pickFresh === undefined ? undefined : byId.get(pickFresh);
  const pick = row
    ? { questionId: row.questionId, card: rowToCard(row), changed: changed(row), flagged: row.flagged }
    : {
        questionId: pickFresh ?? pickRow!.questionId,
        card: freshRow ? memory(freshRow) : newCard(now),
        changed: false,
        flagged: freshRow?.flagged ?? false,
      };

  const due = await balancedPreview(q, pick.card, now, sched(pick.questionId), { learnerId, questionId: pick.questionId, tz: opts.tz, ...settings });
  const previews = Object.fromEntries(
    RATINGS.map((r) => {
      const d = clampToInterview(due[r], settings, now, !scope || scope.has(pick.questionId));
      return [r, { due: d.toISOString(), label: formatInterval(d.getTime() - now.getTime()) }];
    }),
  ) as NextCard["previews"];
  return { card: { questionId: pick.questionId, state: pick.card.state, previews, changed: pick.changed, flagged: pick.flagged }, counts };
}

// A deck's ids as a Set, per ids array: deckCardIds hands out one frozen array per deck and bundle, so
// the Set (1,154 entries for the whole deck, ~80 kB of garbage per request at scale) is built once.
const deckSets = new WeakMap<readonly string[], ReadonlySet<string>>();
function deckSet(ids: readonly string[]): ReadonlySet<string> {
  let set = deckSets.get(ids);
  if (!set) {
    set = new Set(ids);
    if (Object.isFrozen(ids)) deckSets.set(ids, set);
  }
  return set;
}

/** With an interview ahead, enough new cards a day that every unseen card in scope is introduced in time. */
function newAllowance(settings: LearnerSettings, fresh: string[], scope: Set<string> | null, now: Date): number {
  const days = daysUntilInterview(settings, now);
  if (days === null) return settings.newPerDay;
  const unseenInScope = scope ? fresh.filter((id) => scope.has(id)).length : fresh.length;
  // Leave the last day for review: introduce everything by the day before.
  return Math.max(settings.newPerDay, Math.ceil(unseenInScope / Math.max(1, Math.floor(days) - 1)));
}

/** A full row's memory state; the queue reads rows slim only where it orders by due date or at random. */
function memory(c: QueueCard): CardState {
  if (isSlim(c)) throw new Error(`the queue read card ${c.questionId} without its memory state`);
  return rowToCard(c);
}

function orderReviews(cards: QueueCard[], settings: LearnerSettings, now: Date, sched: (id: string) => ReturnType<typeof schedulerSettings>, today: string): QueueCard[] {
  if (settings.reviewOrder === "weakest") {
    return cards
      .map((c) => ({ c, r: retrievability(memory(c), now, sched(c.questionId)) }))
      .sort((a, b) => a.r - b.r)
      .map((x) => x.c);
  }
  if (settings.reviewOrder === "random") {
    // Stable within a day so a reload does not reshuffle what the learner just saw.
    return [...cards].sort((a, b) => hash(`${today}${a.questionId}`) - hash(`${today}${b.questionId}`));
  }
  return cards;
}

function hash(s: string): number {
  let h = 2166136261;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 16777619);
  return h >>> 0;
}


