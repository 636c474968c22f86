import { State } from "./enums";
import type { Db } from "../db/client";
import { directOf } from "../db/pg-direct";
import { rowToCard } from "./card-mapper";
import { cardSummaries, reviewCounts, type CardSummary } from "./card-reads";
import { retrievability } from "./scheduler";
import { startOfDay } from "../time";
import { getSettings, schedulerSettings, type LearnerSettings } from "./settings";

/** What the caller already read for this request (the facade reads each once). */
export interface Loaded {
  settings?: LearnerSettings;
  /** The cards as the caller read them (the progress page: study rows; the stats page: summaries), or that read under way. */
  cards?: CardSummary[] | Promise<CardSummary[]>;
}

export interface TopicProgress {
  topic: string;
  total: number;
  studied: number;
  due: number;
  /** Mean probability of recall now over studied cards (0–1). */
  recall: number;
}

export interface Progress {
  totalQuestions: number;
  studied: number;
  byState: { new: number; learning: number; review: number; relearning: number; suspended: number };
  dueNow: number;
  newAvailableToday: number;
  reviewsToday: number;
  reviewsTotal: number;
  /** Share of reviews of already-learned cards (state review) in the last 30 days not graded Again; null if none. */
  retention30d: number | null;
  byTopic: TopicProgress[];
}

/** What the learner's cards alone say: states, due now and recall per topic (the stats page needs only this). */
export interface CardProgress {
  studied: number;
  byState: Progress["byState"];
  dueNow: number;
  byTopic: TopicProgress[];
}

/** `questions` maps each active, quizzable question id to its topic. */
export async function getProgress(db: Db, learnerId: string, questions: Map<string, string>, now: Date, tz?: string, loaded: Loaded = {}): Promise<Progress> {
  const settings = loaded.settings ?? (await getSettings(db, learnerId, tz));
  const dayStart = startOfDay(now, tz, settings.rolloverHour);
  const since30 = new Date(now.getTime() - 30 * 24 * 3600 * 1000);
  // Two statements: the cards (unless the caller has them) and every review count at once.
  const [cards, counts] = await Promise.all([loaded.cards ?? cardSummaries(directOf(db), learnerId), reviewCounts(directOf(db), learnerId, dayStart, since30)]);
  const { today: reviewsToday, newToday, total: reviewsTotal } = counts;
  const { studied, byState, dueNow, byTopic } = cardProgress(cards, questions, now, settings);
  return {
    totalQuestions: questions.size,
    studied,
    byState,
    dueNow,
    newAvailableToday: Math.min(byState.new, Math.max(0, settings.newPerDay - newToday)),
    reviewsToday,
    reviewsTotal,
    retention30d: counts.recentReview ? counts.recentPassed / counts.recentReview : null,
    byTopic,
  };
}

/** Card states, due now and recall per topic over the quizzable questions (id → topic), from the cards alone. */
export function cardProgress(cards: CardSummary[], questions: Map<string, string>, now: Date, settings: LearnerSettings): CardProgress {
  const sched = schedulerSettings(settings, now, false);
  // A card row can exist before the first review (flagged, buried or suspended while new): only
  // reviewed cards count as studied, and suspended ones are neither due nor in the other states.
  const live = cards.filter((c) => questions.has(c.questionId));
  const byState = { new: questions.size, learning: 0, review: 0, relearning: 0, suspended: 0 };
  const topics = new Map<string, TopicProgress>();
  for (const topic of questions.values()) {
    const t = topics.get(topic) ?? { topic, total: 0, studied: 0, due: 0, recall: 0 };
    t.total++;
    topics.set(topic, t);
  }
  let dueNow = 0;
  let studied = 0;
  for (const row of live) {
    if (row.suspended) {
      byState.suspended++;
      byState.new--;
      continue;
    }
    if (row.state === State.New) continue;
    byState.new--;
    if (row.state === State.Learning) byState.learning++;
    else if (row.state === State.Review) byState.review++;
    else byState.relearning++;
    studied++;
    const t = topics.get(questions.get(row.questionId)!)!;
    t.studied++;
    t.recall += retrievability(rowToCard(row), now, sched);
    if (row.due <= now) {
      t.due++;
      dueNow++;
    }
  }
  for (const t of topics.values()) t.recall = t.studied ? t.recall / t.studied : 0;
  return { studied, byState, dueNow, byTopic: [...topics.values()].sort((a, b) => a.topic.localeCompare(b.topic)) };
}
