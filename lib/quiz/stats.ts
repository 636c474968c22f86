import type { Db } from "../db/client";
import { rowToCard } from "./card-mapper";
import { retrievability } from "./scheduler";
import { startOfDay } from "./service";
import { getSettings, schedulerSettings } from "./settings";

export interface DayCount {
  day: string; // YYYY-MM-DD, local
  count: number;
}

export interface Stats {
  heatmap: DayCount[];
  forecast: DayCount[];
  retentionByWeek: { week: string; reviews: number; retention: number | null }[];
  byState: { new: number; learning: number; review: number; relearning: number; suspended: number };
  topicRecall: Map<string, { studied: number; total: number; recall: number }>;
  streak: number;
  today: number;
  dailyGoal: number;
  practiceTotal: number;
}

export function dayKey(d: Date): string {
  const local = new Date(d.getTime() - d.getTimezoneOffset() * 60_000);
  return local.toISOString().slice(0, 10);
}

function addDays(d: Date, n: number): Date {
  const x = new Date(d);
  x.setDate(x.getDate() + n);
  return x;
}

/** Everything the statistics page draws, for one learner, over the quizzable questions (id → topic). */
export async function getStats(db: Db, learnerId: string, questions: Map<string, string>, now: Date, heatmapDays = 182): Promise<Stats> {
  const settings = await getSettings(db, learnerId);
  const sched = schedulerSettings(settings, now, false);
  const today0 = startOfDay(now);
  const since = addDays(today0, -Math.max(heatmapDays, 7 * 12));
  const [logs, cards, practiceTotal] = await Promise.all([
    db.reviewLog.findMany({ where: { learnerId, reviewedAt: { gte: since } }, select: { reviewedAt: true, state: true, rating: true } }),
    db.card.findMany({ where: { learnerId } }),
    db.practiceReview.count({ where: { learnerId } }),
  ]);

  const perDay = new Map<string, number>();
  for (const l of logs) perDay.set(dayKey(l.reviewedAt), (perDay.get(dayKey(l.reviewedAt)) ?? 0) + 1);
  const heatmap: DayCount[] = [];
  for (let i = heatmapDays - 1; i >= 0; i--) {
    const key = dayKey(addDays(today0, -i));
    heatmap.push({ day: key, count: perDay.get(key) ?? 0 });
  }

  const live = cards.filter((c) => questions.has(c.questionId));
  const forecast: DayCount[] = Array.from({ length: 30 }, (_, i) => ({ day: dayKey(addDays(today0, i)), count: 0 }));
  const byState = { new: questions.size, learning: 0, review: 0, relearning: 0, suspended: 0 };
  const topicRecall = new Map<string, { studied: number; total: number; recall: number }>();
  for (const topic of questions.values()) {
    const t = topicRecall.get(topic) ?? { studied: 0, total: 0, recall: 0 };
    t.total++;
    topicRecall.set(topic, t);
  }
  for (const c of live) {
    if (c.suspended) {
      byState.suspended++;
      byState.new--;
      continue;
    }
    if (c.state === 0) continue;
    byState.new--;
    if (c.state === 1) byState.learning++;
    else if (c.state === 2) byState.review++;
    else byState.relearning++;
    const offset = Math.max(0, Math.floor((startOfDay(c.due).getTime() - today0.getTime()) / 86_400_000));
    if (offset < 30) forecast[offset].count++;
    const t = topicRecall.get(questions.get(c.questionId)!)!;
    t.studied++;
    t.recall += retrievability(rowToCard(c), now, sched);
  }
  for (const t of topicRecall.values()) t.recall = t.studied ? t.recall / t.studied : 0;

  // True retention: share of reviews of mature-enough cards (state review before grading) that were not Again.
  const retentionByWeek: Stats["retentionByWeek"] = [];
  for (let w = 11; w >= 0; w--) {
    const start = addDays(today0, -7 * w - 6);
    const end = addDays(today0, -7 * w + 1);
    const inWeek = logs.filter((l) => l.state === 2 && l.reviewedAt >= start && l.reviewedAt < end);
    retentionByWeek.push({
      week: dayKey(start),
      reviews: inWeek.length,
      retention: inWeek.length ? inWeek.filter((l) => l.rating > 1).length / inWeek.length : null,
    });
  }

  // A day counts toward the streak when it meets the daily goal (or has any review without a goal).
  const target = Math.max(1, settings.dailyGoal);
  const todayCount = perDay.get(dayKey(today0)) ?? 0;
  let streak = 0;
  for (let i = todayCount >= target ? 0 : 1; i < 3650; i++) {
    if ((perDay.get(dayKey(addDays(today0, -i))) ?? 0) >= target) streak++;
    else break;
  }
  return { heatmap, forecast, retentionByWeek, byState, topicRecall, streak, today: todayCount, dailyGoal: settings.dailyGoal, practiceTotal };
}
