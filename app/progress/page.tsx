import Link from "next/link";
import type { Metadata } from "next";
import { getTopic } from "@/lib/content/index";
import { db } from "@/lib/db/client";
import { currentLearnerId } from "@/lib/learner/session";
import { getSettings } from "@/lib/quiz/service";
import { learnerProgress } from "@/lib/study";
import { SettingsForm } from "@/components/settings-form";
import { updateSettings } from "./actions";

export const metadata: Metadata = { title: "Progress" };
export const dynamic = "force-dynamic";

export default async function ProgressPage() {
  const learnerId = await currentLearnerId();
  const [p, settings] = await Promise.all([learnerProgress(learnerId), getSettings(db(), learnerId ?? "")]);
  const pct = (x: number) => `${Math.round(x * 100)}%`;
  return (
    <>
      <h1>Your progress</h1>
      <p className="muted">Progress is kept for this browser (an anonymous, signed cookie). Nobody else can see it.</p>
      <div className="stats">
        <div className="stat" data-testid="stat-studied">
          <strong>{p.studied}</strong> of {p.totalQuestions} questions studied
        </div>
        <div className="stat" data-testid="stat-reviews-today">
          <strong>{p.reviewsToday}</strong> reviews today
        </div>
        <div className="stat">
          <strong>{p.dueNow}</strong> due now
        </div>
        <div className="stat">
          <strong>{p.newAvailableToday}</strong> new available today
        </div>
        <div className="stat">
          <strong>{p.retention30d === null ? "–" : pct(p.retention30d)}</strong> recalled (30 days)
        </div>
        <div className="stat">
          <strong>{p.reviewsTotal}</strong> reviews in total
        </div>
      </div>

      <h2>Cards by state</h2>
      <table>
        <tbody>
          <tr><th scope="row">New</th><td>{p.byState.new}</td></tr>
          <tr><th scope="row">Learning</th><td>{p.byState.learning}</td></tr>
          <tr><th scope="row">Review</th><td>{p.byState.review}</td></tr>
          <tr><th scope="row">Relearning</th><td>{p.byState.relearning}</td></tr>
        </tbody>
      </table>

      <h2>By topic</h2>
      <table>
        <thead>
          <tr>
            <th scope="col">Topic</th>
            <th scope="col">Studied</th>
            <th scope="col">Due</th>
            <th scope="col">Recall now</th>
            <th scope="col"><span className="visually-hidden">Action</span></th>
          </tr>
        </thead>
        <tbody>
          {p.byTopic.map((t) => (
            <tr key={t.topic}>
              <td>{getTopic(t.topic)?.title ?? t.topic}</td>
              <td>
                {t.studied} / {t.total}
                <div className="bar-track" aria-hidden="true">
                  <div className="bar-fill" style={{ width: pct(t.studied / Math.max(1, t.total)) }} />
                </div>
              </td>
              <td>{t.due}</td>
              <td>{t.studied ? pct(t.recall) : "–"}</td>
              <td>
                <Link href={`/quiz?deck=topic:${t.topic}`}>Study</Link>
              </td>
            </tr>
          ))}
        </tbody>
      </table>

      <h2>Settings</h2>
      <SettingsForm action={updateSettings} initial={settings} />
    </>
  );
}
