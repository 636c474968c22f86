import Link from "next/link";
import type { Metadata } from "next";
import { pageMeta, SITE_DESCRIPTION, SITE_NAME } from "@/lib/site";
import { getCaseStudies, getChapters, getContent, STAGES, STAGE_TITLES, topicsByStage } from "@/lib/content/index";
import { ContinueStudying } from "@/components/continue-studying";

export const metadata: Metadata = { ...pageMeta("/", SITE_NAME, SITE_DESCRIPTION), title: { absolute: `${SITE_NAME}: data-engineering interview preparation` } };

export default function Home() {
  const stages = topicsByStage();
  const content = getContent();
  return (
    <>
      <section className="hero">
        <h1>Prepare for data-engineering interviews, and remember it on the day.</h1>
        <p className="lead">
          {getChapters().length} chapters, {getCaseStudies().length} company case studies and {content.questions.length} answered interview
          questions, with a spaced-repetition quiz that schedules each question just before you would forget it.
        </p>
      </section>

      <ContinueStudying totalQuestions={content.questions.length} />

      <h2>The platform blueprint</h2>
      <p className="muted">
        Every data platform connects sources, buffers events, processes them, stores results and serves them. Start from a stage, or open the{" "}
        <Link href="/blueprint">interactive blueprint</Link>:
      </p>
      <div className="blueprint">
        {STAGES.map((stage) => (
          <div className="stage" key={stage}>
            <h3>
              <Link href={`/blueprint?stage=${stage}`}>{STAGE_TITLES[stage]}</Link>
            </h3>
            <ul>
              {stages[stage].map((t) => (
                <li key={t.id}>
                  <Link href={`/chapters/${t.chapter}`}>{t.title}</Link>
                </li>
              ))}
            </ul>
          </div>
        ))}
      </div>

      <h2>Start here</h2>
      <div className="grid">
        <Link className="card" href="/chapters">
          <h3>Read the chapters</h3>
          <p className="muted">From SQL and Python to Kafka, Spark, lakehouses and ML in production.</p>
        </Link>
        <Link className="card" href="/case-studies">
          <h3>Study real platforms</h3>
          <p className="muted">How companies such as Netflix, Uber and LinkedIn built their data platforms.</p>
        </Link>
        <Link className="card" href="/questions">
          <h3>Browse questions</h3>
          <p className="muted">Filter by topic and difficulty; each answer is hidden until you reveal it.</p>
        </Link>
        <Link className="card" href="/quiz">
          <h3>Drill with spaced repetition</h3>
          <p className="muted">Space shows the answer, 1–4 grade it. FSRS decides when you see it again.</p>
        </Link>
      </div>
    </>
  );
}
