import Link from "next/link";
import type { Metadata } from "next";
import { pageMeta } from "@/lib/site";
import { Bars, Heatmap } from "@/components/charts";
import { getTopics, STAGES, STAGE_TITLES } from "@/lib/content/index";
import { viewerQuiz } from "@/lib/quiz/current";

export const metadata: Metadata = pageMeta("/stats", "Statistics", "Your review history, retention and readiness across the platform blueprint.", { robots: { index: false } });
export const dynamic = "force-dynamic";

const pct = (x: number) => `${Math.round(x * 100)}%`;

export default async function StatsPage() {
  const s = await (await viewerQuiz()).stats();
  const topics = getTopics();
  const rows = [...STAGES.map((stage) => ({ key: stage, title: STAGE_TITLES[stage], topics: topics.filter((t) => t.stage === stage) })), { key: "across", title: "Across the platform", topics: topics.filter((t) => !t.stage) }];
  const total = s.heatmap.reduce((n, d) => n + d.count, 0);
  return (
    <>
      <h1>Statistics</h1>
      <div className="stats">
        <div className="stat" data-testid="streak">
          <strong>{s.streak}</strong> day streak{s.dailyGoal ? ` (goal ${s.dailyGoal}/day)` : ""}
        </div>
        <div className="stat">
          <strong>{s.today}</strong> reviews today
          {s.dailyGoal > 0 && (
            <div className="bar-track" role="progressbar" aria-valuemin={0} aria-valuemax={s.dailyGoal} aria-valuenow={Math.min(s.today, s.dailyGoal)} aria-label="Daily goal">
              <div className="bar-fill" style={{ width: pct(Math.min(1, s.today / s.dailyGoal)) }} />
            </div>
          )}
        </div>
        <div className="stat">
          <strong>{total}</strong> reviews in 26 weeks
        </div>
        <div className="stat">
          <strong>{s.practiceTotal}</strong> practice answers (not scheduled)
        </div>
      </div>
      {s.dailyGoal === 0 && (
        <p className="muted">
          Want a daily goal and streak? Set one in <Link href="/progress#settings">settings</Link>.
        </p>
      )}

      <h2>Reviews per day</h2>
      <Heatmap days={s.heatmap} label="Reviews per day over the last 26 weeks" />

      <div className="charts">
        <div>
          <h2>Due in the next 30 days</h2>
          <Bars data={s.forecast.map((d, i) => ({ key: d.day, value: d.count, title: i === 0 ? "today" : d.day }))} label="Cards falling due per day (today includes overdue)" />
        </div>
        <div>
          <h2>True retention by week</h2>
          {s.retentionByWeek.every((w) => w.retention === null) && <p className="muted">No reviews of learned cards in the last 12 weeks yet.</p>}
          <Bars
            data={s.retentionByWeek.map((w) => ({ key: w.week, value: w.retention, title: `week of ${w.week}` }))}
            label="Share of review cards recalled (not graded Again), last 12 weeks"
            format={pct}
            max={1}
          />
        </div>
      </div>

      <h2>Cards by state</h2>
      <table>
        <tbody>
          {Object.entries(s.byState).map(([k, v]) => (
            <tr key={k}>
              <th scope="row">{k[0].toUpperCase() + k.slice(1)}</th>
              <td>{v}</td>
            </tr>
          ))}
        </tbody>
      </table>

      {s.exercises.length > 0 && (
        <>
          <h2>Exercises by kind</h2>
          <table data-testid="exercise-stats">
            <thead>
              <tr>
                <th scope="col">Kind</th>
                <th scope="col">Studied</th>
                <th scope="col">Due</th>
                <th scope="col">Recall now</th>
              </tr>
            </thead>
            <tbody>
              {s.exercises.map((e) => (
                <tr key={e.kind}>
                  <th scope="row">
                    <Link href={`/practice?kind=${e.kind}`}>{e.title}</Link>
                  </th>
                  <td>
                    {e.studied} / {e.total}
                  </td>
                  <td>{e.due}</td>
                  <td>{e.recall === null ? "–" : pct(e.recall)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}

      <h2>Readiness on the platform blueprint</h2>
      <p className="muted">Mean probability of recalling each topic&apos;s studied cards right now, stage by stage. Unstudied topics are grey.</p>
      <div className="readiness">
        {rows.map((r) => (
          <section key={r.key} className="readiness-stage" aria-label={r.title}>
            <h3>{r.title}</h3>
            <ul>
              {r.topics.map((t) => {
                const tr = s.topicRecall.get(t.id);
                const level = !tr?.studied ? "none" : tr.recall >= 0.85 ? "high" : tr.recall >= 0.6 ? "mid" : "low";
                return (
                  <li key={t.id} className={`ready-${level}`}>
                    <Link href={`/quiz?deck=topic:${t.id}`}>{t.title}</Link>
                    <span>{tr?.studied ? `${pct(tr.recall)} · ${tr.studied}/${tr.total}` : `0/${tr?.total ?? 0}`}</span>
                  </li>
                );
              })}
            </ul>
          </section>
        ))}
      </div>
    </>
  );
}
