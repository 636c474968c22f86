import { State } from "./enums";
import type { Db } from "../db/client";
import { directOf } from "../db/pg-direct";
import { addDaysToKey, dayKey, dayKeyer, daysBetweenKeys, startOfDay, startOfNextDay } from "../time";
import { cardProgress, type Loaded, type Progress, type TopicProgress } from "./progress";
import { getSettings } from "./settings";
import { cardSummaries, practiceCount, reviewsPerDay } from "./card-reads";

export interface DayCount {
  day: string; // YYYY-MM-DD, local
  count: number;
}

export interface Stats {
  heatmap: DayCount[];
  forecast: DayCount[];
  retentionByWeek: { week: string; reviews: number; retention: number | null }[];
  byState: Progress["byState"];
  topicRecall: Map<string, TopicProgress>;
  streak: number;
  today: number;
  dailyGoal: number;
  practiceTotal: number;
}

/** Everything the statistics page draws, for one learner, over the quizzable questions (id → topic). */
export async function getStats(db: Db, learnerId: string, questions: Map<string, string>, now: Date, tz?: string, heatmapDays = 182, loaded: Loaded = {}): Promise<Stats> {
  const settings = loaded.settings ?? (await getSettings(db, learnerId, tz));
  // Raw reads on PostgreSQL's pool rather than through Prisma (lib/db/pg-direct.ts): the card read maps 1,623 rows.
  const q = directOf(db);
  // The cards are read once, for the forecast and for the progress numbers. The read starts first so
  // the database works on it while the day starts below are computed (CPU work, ~180 zone lookups).
  const cardsRead = loaded.cards ? Promise.resolve(loaded.cards) : cardSummaries(q, learnerId);
  // Days run from the learner's rollover hour to the next: a review at 1 a.m. counts toward the evening before.
  const roll = settings.rolloverHour;
  const today = dayKey(now, tz, roll);
  // The learner days the heatmap, the twelve weeks of retention and the streak look at, oldest first: each
  // starts where the previous one ends, so daylight-saving days keep their 23 or 25 hours.
  const days = Math.max(heatmapDays, 7 * 12) + 1;
  const starts: Date[] = new Array(days);
  starts[days - 1] = startOfDay(now, tz, roll);
  for (let i = days - 2; i >= 0; i--) starts[i] = startOfDay(new Date(starts[i + 1].getTime() - 3_600_000), tz, roll);
  const [all, counts, practiceTotal] = await Promise.all([cardsRead, reviewsPerDay(q, learnerId, starts, startOfNextDay(now, tz, roll)), practiceCount(q, learnerId)]);
  // Card states and recall per topic are the progress page's numbers; one place computes them. The
  // page uses none of the progress page's review counts, so it does not read them.
  const progress = cardProgress(all, questions, now, settings);
  const cards = all.filter((c) => c.state !== State.New && !c.suspended);

  // Per learner day: all reviews, and those of cards in state review (with how many were not Again).
  const perDay = new Map<string, number>();
  const reviewDay = new Map<string, { reviews: number; passed: number }>();
  counts.forEach((c, i) => {
    if (c.reviews === 0) return;
    const key = addDaysToKey(today, i - (days - 1));
    perDay.set(key, c.reviews);
    reviewDay.set(key, { reviews: c.reviewState, passed: c.passed });
  });
  const heatmap: DayCount[] = [];
  for (let i = heatmapDays - 1; i >= 0; i--) {
    const key = addDaysToKey(today, -i);
    heatmap.push({ day: key, count: perDay.get(key) ?? 0 });
  }

  const forecast: DayCount[] = Array.from({ length: 30 }, (_, i) => ({ day: addDaysToKey(today, i), count: 0 }));
  const keyOf = dayKeyer(tz, roll);
  for (const c of cards) {
    if (!questions.has(c.questionId)) continue;
    const offset = Math.max(0, daysBetweenKeys(today, keyOf(c.due)));
    if (offset < 30) forecast[offset].count++;
  }

  // True retention: share of reviews of mature-enough cards (state review before grading) that were not Again.
  const retentionByWeek: Stats["retentionByWeek"] = [];
  for (let w = 11; w >= 0; w--) {
    const start = addDaysToKey(today, -7 * w - 6);
    let reviews = 0;
    let passed = 0;
    for (let d = 0; d < 7; d++) {
      const r = reviewDay.get(addDaysToKey(start, d));
      reviews += r?.reviews ?? 0;
      passed += r?.passed ?? 0;
    }
    retentionByWeek.push({ week: start, reviews, retention: reviews ? passed / reviews : null });
  }

  // A day counts toward the streak when it meets the daily goal (or has any review without a goal).
  const target = Math.max(1, settings.dailyGoal);
  const todayCount = perDay.get(today) ?? 0;
  let streak = 0;
  for (let i = todayCount >= target ? 0 : 1; i < 3650; i++) {
    if ((perDay.get(addDaysToKey(today, -i)) ?? 0) >= target) streak++;
    else break;
  }
  const topicRecall = new Map(progress.byTopic.map((t) => [t.topic, t]));
  return { heatmap, forecast, retentionByWeek, byState: progress.byState, topicRecall, streak, today: todayCount, dailyGoal: settings.dailyGoal, practiceTotal };
}
