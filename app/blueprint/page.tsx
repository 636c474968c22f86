import Link from "next/link";
import type { Metadata } from "next";
import { STAGES, STAGE_TITLES } from "@/lib/content/index";
import { isStage, stageView } from "@/lib/blueprint";
import { pageMeta } from "@/lib/site";

export const metadata: Metadata = pageMeta("/blueprint", "Platform blueprint", "The five stages of a data platform (connect, buffer, process, store, visualize) with the chapters, questions, tools and companies for each.");

const BLURB = {
  connect: "Getting data in: APIs, change data capture, files and event producers.",
  buffer: "Decoupling producers from consumers: logs and queues that absorb bursts and allow replay.",
  process: "Turning raw events into useful data, in batch or as a stream.",
  store: "Keeping data where the next consumer can query it: warehouses, lakes and databases.",
  visualize: "Serving data to people and products: BI, dashboards, APIs and models.",
} as const;


export default async function BlueprintPage({ searchParams }: { searchParams: Promise<{ stage?: string }> }) {
  const { stage: raw } = await searchParams;
  const stage = isStage(raw) ? raw : "buffer";
  const view = stageView(stage);
  return (
    <>
      <h1>The platform blueprint</h1>
      <p className="lead">Almost every data platform has the same five stages. Choose one to see its tools, chapters, questions and the companies that use them.</p>
      {/* An ordered list, not a drawing: it reflows to a column on phones and its text stays readable at any size. */}
      <ol className="bp-flow" aria-label="The five stages of a data platform">
        {STAGES.map((s, i) => (
          <li key={s}>
            <Link href={`/blueprint?stage=${s}#stage`} aria-current={s === stage ? "true" : undefined} className={s === stage ? "bp-stage bp-active" : "bp-stage"}>
              <span className="bp-num" aria-hidden="true">
                {i + 1}
              </span>
              <span className="bp-label">{STAGE_TITLES[s]}</span>
            </Link>
          </li>
        ))}
      </ol>

      <section id="stage" aria-live="polite">
        <h2>{STAGE_TITLES[stage]}</h2>
        <p className="muted">{BLURB[stage]}</p>
        <div className="grid">
          <div className="card">
            <h3>Chapters</h3>
            <ul>
              {view.chapters.map((c) => (
                <li key={c.id}>
                  <Link href={`/chapters/${c.id}`}>{c.title}</Link>
                </li>
              ))}
            </ul>
          </div>
          <div className="card">
            <h3>Question topics</h3>
            <ul>
              {view.topics.map((t) => (
                <li key={t.id}>
                  <Link href={`/questions?topic=${t.id}`}>{t.title}</Link> <span className="muted">({t.questions})</span>{" "}
                  <Link href={`/quiz?deck=topic:${t.id}`} className="hit-meta">
                    quiz
                  </Link>
                </li>
              ))}
            </ul>
          </div>
          <div className="card">
            <h3>Tools in the case studies</h3>
            <ul className="tags tool-badges">
              {view.tools.slice(0, 30).map((t) => (
                <li key={t.name} className="badge">
                  {t.name}
                  {t.count > 1 ? ` ×${t.count}` : ""}
                </li>
              ))}
            </ul>
          </div>
          <div className="card">
            <h3>Companies</h3>
            <ul>
              {view.caseStudies.map((c) => (
                <li key={c.id}>
                  <Link href={`/case-studies/${c.id}`}>{c.company}</Link>: <span className="muted">{c.tools.join(", ")}</span>
                </li>
              ))}
            </ul>
          </div>
        </div>
      </section>
    </>
  );
}
