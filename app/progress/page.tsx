import Link from "next/link";
import type { Metadata } from "next";
import { pageMeta } from "@/lib/site";
import { getCaseStudies, getTopic, getTopics } from "@/lib/content/index";
import { viewerQuiz } from "@/lib/quiz/current";
import { exerciseKindOfTopic } from "@/lib/quiz/session";
import { EXERCISE_KIND_TITLES } from "@/lib/exercises/cards";
import { InterviewForm, SettingsForm } from "@/components/settings-form";
import { ImportProgress } from "@/components/import-progress";
import { FitPanel } from "@/components/fit-panel";
import { DevicesSection, UnlinkedNotice } from "@/components/devices/devices-section";
import { devicesView } from "@/lib/learner/current";
import { WorkloadChart } from "@/components/workload-chart";
import { BacklogForms } from "@/components/backlog-forms";
import { advanceReviews, postponeBacklog, releaseCard, revokeDevice, updateInterview, updateSettings } from "./actions";

export const metadata: Metadata = pageMeta("/progress", "Progress", "Your study progress by topic, and your quiz settings.", { robots: { index: false } });
export const dynamic = "force-dynamic";

const pct = (x: number) => `${Math.round(x * 100)}%`;

export default async function ProgressPage() {
  const quiz = await viewerQuiz();
  const [{ progress: p, settings, daysToInterview: days, projection, suspended, workload, leeches }, fit, devices] = await Promise.all([quiz.dashboard(), quiz.fitStatus(), devicesView()]);
  const reviewsTotal = p.reviewsTotal;
  return (
    <>
      <h1>Your progress</h1>
      <p className="muted">
        Progress is kept for this browser (an anonymous, signed cookie), and for any device you <Link href="#devices">link</Link>. Nobody else can see it. Charts are on <Link href="/stats">Statistics</Link>.
      </p>
      {devices.status === "revoked" && <UnlinkedNotice />}
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
        <div className="stat" data-testid="stat-reviews-total">
          <strong>{reviewsTotal}</strong> reviews in total
        </div>
      </div>

      <h2 id="workload">Workload ahead</h2>
      <p className="muted">What each desired retention would cost you: a higher target means shorter intervals and more reviews. Change yours in <Link href="#settings">Settings</Link>.</p>
      <WorkloadChart workload={workload} />
      <h3 id="backlog">Postpone or advance</h3>
      <BacklogForms postpone={postponeBacklog} advance={advanceReviews} overdue={p.dueNow} />

      <h2 id="interview">Interview date</h2>
      {projection && days !== null ? (
        <div className="continue" data-testid="interview-summary">
          <div>
            <strong>{Math.ceil(days)}</strong> day{Math.ceil(days) === 1 ? "" : "s"} to your interview
            {settings.interviewCompany ? ` at ${getCaseStudies().find((c) => c.id === settings.interviewCompany)?.company ?? settings.interviewCompany}` : ""}.
            <div className="muted">
              Projected recall on the day: <strong data-testid="projected-recall">{pct(projection.recall)}</strong> over {projection.total} questions ({projection.seen} studied).
              Until then, cards in scope aim for 95% retention and fall due before the date.
            </div>
          </div>
          <Link className="button" href="/quiz?deck=interview">
            Study for it
          </Link>
        </div>
      ) : (
        <p className="muted">Set a date and the scheduler makes sure every card in scope is seen before it and reviewed close to it.</p>
      )}
      <InterviewForm
        action={updateInterview}
        initial={{
          interviewDate: settings.interviewDate ?? "",
          interviewCompany: settings.interviewCompany ?? "",
          interviewTopics: settings.interviewTopics,
        }}
        companies={getCaseStudies().map((c) => ({ id: c.id, company: c.company }))}
        topics={getTopics().map((t) => ({ id: t.id, title: t.title }))}
      />

      <h2>By topic</h2>
      <table>
        <thead>
          <tr>
            <th scope="col">Topic</th>
            <th scope="col">Studied</th>
            <th scope="col">Due</th>
            <th scope="col">Recall now</th>
            <th scope="col">
              <span className="visually-hidden">Action</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {p.byTopic.map((t) => (
            <tr key={t.topic}>
              <td>{exerciseKindOfTopic(t.topic) ? EXERCISE_KIND_TITLES[exerciseKindOfTopic(t.topic)!] : (getTopic(t.topic)?.title ?? t.topic)}</td>
              <td>
                {t.studied} / {t.total}
                <div className="bar-track" aria-hidden="true">
                  <div className="bar-fill" style={{ width: pct(t.studied / Math.max(1, t.total)) }} />
                </div>
              </td>
              <td>{t.due}</td>
              <td>{t.studied ? pct(t.recall) : "–"}</td>
              <td>
                {exerciseKindOfTopic(t.topic) ? (
                  <Link href={`/practice?kind=${exerciseKindOfTopic(t.topic)}`}>Practise</Link>
                ) : (
                  <>
                    <Link href={`/quiz?deck=topic:${t.topic}`}>Study</Link> · <Link href={`/quiz?deck=topic:${t.topic}&practice=1`}>Practise</Link>
                  </>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>

      {suspended.length > 0 && (
        <>
          <h2>Suspended cards</h2>
          <ul className="question-list">
            {suspended.map(({ questionId, title, href }) => (
              <li key={questionId}>
                <Link href={href}>{title}</Link>
                <form action={async (fd) => { "use server"; await releaseCard(null, fd); }}>
                  <input type="hidden" name="questionId" value={questionId} />
                  <button className="icon-button" type="submit">
                    Release
                  </button>
                </form>
              </li>
            ))}
          </ul>
        </>
      )}

      {leeches.length > 0 && (
        <>
          <h2 id="leeches">Leeches</h2>
          <p className="muted">
            Cards you forgot {settings.leechThreshold} times or more{settings.leechAction === "suspend" ? " are suspended" : ""}. Usually the question is the problem: rewrite it or report it.
          </p>
          <ul className="question-list" data-testid="leech-list">
            {leeches.map(({ questionId, title, href, lapses, fixHref }) => (
              <li key={questionId}>
                <Link href={href}>{title}</Link> <span className="muted">{lapses} lapses</span>{" "}
                <a href={fixHref} rel="noopener noreferrer">
                  Rewrite or report
                </a>
              </li>
            ))}
          </ul>
        </>
      )}

      <h2 id="settings">Settings</h2>
      <SettingsForm action={updateSettings} initial={{ ...settings }} />

      <h2 id="data">Your data</h2>
      <p>
        <a className="button secondary" href="/api/progress/export" download>
          Export progress (JSON)
        </a>{" "}
        <a className="button secondary" href="/api/progress/revlog" download>
          Review log for FSRS optimizers (CSV)
        </a>
      </p>
      <ImportProgress />
      <FitPanel reviews={reviewsTotal} report={fit} />

      <DevicesSection view={devices} revoke={revokeDevice} />
    </>
  );
}
