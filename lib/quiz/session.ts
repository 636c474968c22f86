// The quiz facade: every quiz, progress, stats and mock path goes through here. One object per request
// reads the learner (and so the settings) once, works out the interview scope once, and returns exactly
// the shape the route or page sends. Routes and pages only find the learner and call one method.
import { getContent, getQuestion, isQuizzable } from "../content/index";
import type { Db } from "../db/client";
import { directOf } from "../db/pg-direct";
import { deckCardIds, deckIds, interviewScope, isStudyable, parseDeck, type Deck } from "./decks";
import { cardView, questionView } from "./card-view";
import { exerciseDeckIndex } from "./exercise-decks";
import { EXERCISE_KINDS, type ExerciseKind } from "../exercises/schema";
import { EXERCISE_KIND_TITLES } from "../exercises/cards";
import { State } from "./enums";
import type { ControlAction, ControlResponse, EmptyReason, MockRoundResponse, NextQuery, NextResponse, PackQuery, PackResponse, ReviewResponse, StudyCard, UndoResponse } from "./dto";
import { answerTime } from "./answer-time";
import { offlinePack } from "./pack";
import { OFFLINE_PACK_SIZE } from "./rules";
import { fitStatus, requestFit } from "./fit";
import { composeRound } from "./mock";
import { getProgress, type Progress } from "./progress";
import { nextCard } from "./queue";
import { readLearner, studyCards, type StudyCardRow } from "./card-reads";
import { projectedRecall } from "./recall";
import { buryCard, setFlagged, setSuspended, submitReview, undoReview, type ReviewInput } from "./review";
import { AppError } from "../app-error";
import { instantOnDay } from "../time";
import { editUrl } from "../site";
import { daysUntilInterview, rowToSettings, saveInterview, saveSettings, type interviewInput, type LearnerSettings, type settingsInput } from "./settings";
import type { z } from "zod";
import { getStats, type Stats } from "./stats";
import { getExerciseArtifacts } from "../exercises/index";
import { projectWorkload, type Workload } from "./workload";
import { advanceReviews, postponeBacklog, type BacklogResult } from "./backlog";

/** Progress and stats count exercise cards under one pseudo-topic per kind (`exercises-sql`, ...). */
export const EXERCISE_TOPIC_PREFIX = "exercises-";
export const exerciseTopic = (kind: ExerciseKind) => `${EXERCISE_TOPIC_PREFIX}${kind}`;
/** The exercise kind a progress/stats topic row stands for, or null for a content topic. */
export const exerciseKindOfTopic = (topic: string): ExerciseKind | null =>
  topic.startsWith(EXERCISE_TOPIC_PREFIX) ? (topic.slice(EXERCISE_TOPIC_PREFIX.length) as ExerciseKind) : null;
export { questionView };

/** One stats row: a kind of exercise and how its cards stand. */
export interface ExerciseKindStat {
  kind: ExerciseKind;
  title: string;
  total: number;
  studied: number;
  due: number;
  recall: number | null;
}

/** A card's label and page, whether it is a question or an exercise (an `ex-` id the bundle lacks). */
export interface CardLink {
  questionId: string;
  title: string;
  href: string;
}
export function cardLink(id: string): CardLink {
  const q = getQuestion(id);
  if (q) return { questionId: id, title: q.questionText, href: `/questions/${id}` };
  const ex = getExerciseArtifacts().byId.get(id);
  if (ex) return { questionId: id, title: ex.title, href: `/practice/${id}` };
  return { questionId: id, title: id, href: `/questions/${id}` };
}

function leechLink(id: string, lapses: number): LeechLink {
  const file = getQuestion(id)?.file;
  const link = cardLink(id);
  return { ...link, lapses, fixHref: file ? editUrl(file) : link.href };
}

export interface LearnerState {
  settings: LearnerSettings;
  /** False for a visitor with no row yet; the first write creates it. */
  exists: boolean;
  /** Questions an interview ahead covers, or null when none is ahead. */
  scope: Set<string> | null;
}

/** The interview scope as the scheduler uses it: only while an interview is ahead. */
export function activeScope(settings: LearnerSettings, now: Date): Set<string> | null {
  return daysUntilInterview(settings, now) !== null ? new Set(interviewScope(settings)) : null;
}

// Content hashes and topics change only on re-ingest (a new bundle object and a new exercise file):
// derive them once per pair. `topics` also holds every exercise (under its kind), so progress and stats
// count them. `cardHashes` holds questions and exercises: the quiz page shows both. `hashes` is
// question-only, for the offline pack (an exercise needs its engine, which an offline pack does not carry).
const derived = new WeakMap<object, { exercises: object; hashes: Map<string, string>; cardHashes: Map<string, string>; topics: Map<string, string> }>();
function fromBundle() {
  const bundle = getContent();
  const exercises = getExerciseArtifacts();
  let d = derived.get(bundle);
  if (!d || d.exercises !== exercises) {
    const quizzable = bundle.questions.filter(isQuizzable);
    const topics = new Map(quizzable.map((q) => [q.id, q.topic]));
    for (const e of exercises.exercises) topics.set(e.id, exerciseTopic(e.kind));
    const hashes = new Map(quizzable.map((q) => [q.id, q.hash]));
    d = { exercises, hashes, cardHashes: new Map([...hashes, ...exerciseDeckIndex().hashes]), topics };
    derived.set(bundle, d);
  }
  return d;
}

export interface Dashboard {
  progress: Progress;
  settings: LearnerSettings;
  daysToInterview: number | null;
  projection: { recall: number; seen: number; total: number } | null;
  suspended: CardLink[];
  /** Expected reviews per day ahead at several desired retentions. */
  workload: Workload;
  leeches: LeechLink[];
}

/** A leech on Progress: the question, its lapses and where to fix it (the source file, else its page). */
export interface LeechLink extends CardLink {
  lapses: number;
  fixHref: string;
}

export type QuizSession = ReturnType<typeof quizSession>;

/** The quiz for one learner in one request. `now` and `tz` are fixed for the request. */
export function quizSession(db: Db, learnerId: string, opts: { now?: Date; tz?: string } = {}) {
  const now = opts.now ?? new Date();
  const tz = opts.tz;
  let learner: Promise<LearnerState> | undefined;
  let cards: Promise<StudyCardRow[]> | undefined;
  const load = () =>
    (learner ??= readLearner(directOf(db), learnerId).then((row) => {
      const settings = rowToSettings(row, tz);
      return { settings, exists: row !== null, scope: activeScope(settings, now) };
    }));
  const loadCards = () => (cards ??= studyCards(directOf(db), learnerId));

  async function next(q: NextQuery): Promise<NextResponse> {
    const deck: Deck = parseDeck(q.deck) ?? { kind: "all" };
    const { settings, scope } = await load();
    const ids = await deckIds(db, learnerId, deck, settings);
    const { card, counts } = await nextCard(db, learnerId, ids, now, {
      interviewScope: scope,
      practice: q.practice,
      exclude: q.exclude,
      prefer: q.prefer,
      tz,
      settings,
      hashes: fromBundle().cardHashes,
    });
    const view = card ? cardView(card.questionId) : null;
    const study: StudyCard | null = card && view ? { ...view, ...card } : null;
    let empty: EmptyReason | null = null;
    if (!study) empty = ids.length === 0 ? (deck.kind === "flagged" ? "no-flagged" : "empty-deck") : q.practice ? "practised-all" : "nothing-due";
    return { card: study, counts, deckSize: ids.length, empty, interviewDate: settings.interviewDate };
  }

  async function grade(input: ReviewInput & { reviewedAt?: string }): Promise<ReviewResponse> {
    // An answer queued offline is graded at its own time (checked against the window first).
    const at = answerTime(input.reviewedAt, now);
    // Unless this request has read the learner already, the write reads their settings in the same
    // statement as the card (one round trip fewer per answer), and derives the interview scope from them.
    const known = learner ? await learner : null;
    const opts = known ? { settings: known.settings, learnerExists: known.exists, interviewScope: known.scope, tz } : { tz, scopeFor: (s: LearnerSettings) => activeScope(s, now) };
    const result = await submitReview(db, learnerId, input, at, opts);
    return { duplicate: result.duplicate, due: result.card?.due.toISOString() ?? null, state: result.card?.state ?? null };
  }

  /** The next cards of a deck with their answers, for studying offline (stored by the client). */
  async function pack(q: PackQuery): Promise<PackResponse> {
    const deck: Deck = parseDeck(q.deck) ?? { kind: "all" };
    const { settings, scope } = await load();
    const ids = await deckIds(db, learnerId, deck, settings);
    const picked = await offlinePack(db, learnerId, ids, now, { settings, scope, hashes: fromBundle().hashes, tz, size: OFFLINE_PACK_SIZE });
    const cards = picked.flatMap((c) => {
      const question = getQuestion(c.questionId);
      return question ? [{ ...questionView(question), ...c }] : [];
    });
    return { deck: q.deck, createdAt: now.toISOString(), cards };
  }

  const undo = (reviewId: string): Promise<UndoResponse> => undoReview(db, learnerId, reviewId);

  async function control(questionId: string, action: ControlAction): Promise<ControlResponse> {
    const flags =
      action === "bury"
        ? await buryCard(db, learnerId, questionId, now, tz, (await load()).settings.rolloverHour)
        : action === "suspend" || action === "unsuspend"
          ? await setSuspended(db, learnerId, questionId, action === "suspend", now)
          : await setFlagged(db, learnerId, questionId, action === "flag", now);
    return { questionId, buriedUntil: flags.buriedUntil?.toISOString() ?? null, suspended: flags.suspended, flagged: flags.flagged };
  }

  /** Everything the progress page shows, from one read of the learner and one of their cards. */
  async function dashboard(): Promise<Dashboard> {
    const [{ settings, scope }, all] = await Promise.all([load(), loadCards()]);
    const { topics } = fromBundle();
    const progress = await getProgress(db, learnerId, topics, now, tz, { settings, cards: all });
    const days = daysUntilInterview(settings, now);
    const projection = scope && settings.interviewAt ? await projectedRecall(db, learnerId, [...scope], settings.interviewAt, { settings, cards: all }) : null;
    const suspended = all.filter((c) => c.suspended).map((c) => cardLink(c.questionId));
    const workload = projectWorkload(settings, all, topics, progress.byState.new, progress.newAvailableToday, now, tz);
    const leeches = all.filter((c) => c.leech).map((c) => leechLink(c.questionId, c.lapses));
    return { progress, settings, daysToInterview: days, projection, suspended, workload, leeches };
  }

  /** Per deck string: questions, cards due now and cards never studied, for the deck picker. */
  async function deckCounts(decks: string[]): Promise<Record<string, { total: number; due: number; new: number }>> {
    const [{ settings }, all] = await Promise.all([load(), loadCards()]);
    const byId = new Map(all.map((c) => [c.questionId, c]));
    // As deckIds: the flagged deck holds what the quiz page can show (questions and exercises).
    const out: Record<string, { total: number; due: number; new: number }> = {};
    for (const spec of decks) {
      const deck = parseDeck(spec);
      if (!deck) continue;
      const ids =
        deck.kind === "flagged" ? all.filter((c) => c.flagged && isStudyable(c.questionId)).map((c) => c.questionId) : deck.kind === "interview" ? interviewScope(settings) : deckCardIds(deck);
      let due = 0;
      let fresh = 0;
      for (const id of ids) {
        const c = byId.get(id);
        if (c?.suspended || (c?.buriedUntil && c.buriedUntil > now)) continue;
        if (!c || c.state === State.New) fresh++;
        else if (c.due <= now) due++;
      }
      out[spec] = { total: ids.length, due, new: fresh };
    }
    return out;
  }

  /** The stats page's numbers, with one row per exercise kind (cards studied, due, recall now). */
  async function stats(): Promise<Stats & { exercises: ExerciseKindStat[] }> {
    const { settings } = await load();
    const s = await getStats(db, learnerId, fromBundle().topics, now, tz, undefined, { settings });
    const exercises = EXERCISE_KINDS.map((kind) => {
      const t = s.topicRecall.get(exerciseTopic(kind));
      return { kind, title: EXERCISE_KIND_TITLES[kind], total: t?.total ?? 0, studied: t?.studied ?? 0, due: t?.due ?? 0, recall: t?.studied ? t.recall : null };
    }).filter((r) => r.total > 0);
    return { ...s, exercises };
  }

  /** A timed round; grades go through `grade`, like any other answer. Its SQL slot is an exercise. */
  function mockRound(seed: number, company?: string): MockRoundResponse {
    const slots = composeRound({ seed, company }).map((s) => ({ kind: s.kind, minutes: s.minutes, question: cardView(s.questionId)! }));
    return { seed, company: company ?? null, slots };
  }

  /** Postpone: the overdue backlog spread over today and the next `days` days (due dates only, no reviews). */
  async function postpone(days: number): Promise<BacklogResult> {
    const { settings, scope } = await load();
    return postponeBacklog(db, learnerId, days, now, { settings, scope, tz });
  }

  /** Advance: the `count` weakest cards not yet due become due now. */
  async function advance(count: number): Promise<BacklogResult> {
    const { settings, scope } = await load();
    return advanceReviews(db, learnerId, count, now, { settings, scope, tz });
  }

  const updateSettings = (input: z.infer<typeof settingsInput>) => saveSettings(db, learnerId, input);

  async function updateInterview(input: z.infer<typeof interviewInput>): Promise<LearnerSettings> {
    if (input.interviewDate && instantOnDay(input.interviewDate, 9, tz) <= now) throw new AppError(400, "The interview date must be in the future");
    return saveInterview(db, learnerId, input, tz);
  }

  return {
    learnerId,
    now,
    tz,
    load,
    next,
    pack,
    grade,
    undo,
    control,
    dashboard,
    stats,
    deckCounts,
    mockRound,
    updateSettings,
    updateInterview,
    postpone,
    advance,
    fitStatus: () => fitStatus(db, learnerId),
    fit: () => requestFit(db, learnerId),
  };
}
