import Link from "next/link";
import type { Metadata } from "next";
import { STAGES, STAGE_TITLES } from "@/lib/content/index";
import { isStage, stageView } from "@/lib/blueprint";

export const metadata: Metadata = { title: "Platform blueprint" };

const BLURB = {
  connect: "Getting data in: APIs, change data capture, files and event producers.",
  buffer: "Decoupling producers from consumers: logs and queues that absorb bursts and allow replay.",
  process: "Turning raw events into useful data, in batch or as a stream.",
  store: "Keeping data where the next consumer can query it: warehouses, lakes and databases.",
  visualize: "Serving data to people and products: BI, dashboards, APIs and models.",
} as const;

const W = 150;
const GAP = 26;

export default async function BlueprintPage({ searchParams }: { searchParams: Promise<{ stage?: string }> }) {
  const { stage: raw } = await searchParams;
  const stage = isStage(raw) ? raw : "buffer";
  const view = stageView(stage);
  return (
    <>
      <h1>The platform blueprint</h1>
      <p className="lead">Almost every data platform has the same five stages. Choose one to see its tools, chapters, questions and the companies that use them.</p>
      <svg
        className="blueprint-svg"
        viewBox={`0 0 ${STAGES.length * W + (STAGES.length - 1) * GAP} 96`}
        role="group"
        aria-label="The five stages of a data platform"
      >
        <defs>
          <marker id="arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto">
            <path d="M0,0 L10,5 L0,10 z" className="bp-arrow-head" />
          </marker>
        </defs>
        {STAGES.map((s, i) => {
          const x = i * (W + GAP);
          return (
            <g key={s}>
              {i > 0 && <line x1={x - GAP + 2} y1={48} x2={x - 4} y2={48} className="bp-arrow" markerEnd="url(#arrow)" />}
              <a href={`/blueprint?stage=${s}#stage`} aria-current={s === stage ? "true" : undefined} aria-label={`${STAGE_TITLES[s]} stage`}>
                <rect x={x} y={8} width={W} height={80} rx={12} className={s === stage ? "bp-stage bp-active" : "bp-stage"} />
                <text x={x + W / 2} y={44} textAnchor="middle" className="bp-num">
                  {i + 1}
                </text>
                <text x={x + W / 2} y={66} textAnchor="middle" className="bp-label">
                  {STAGE_TITLES[s]}
                </text>
              </a>
            </g>
          );
        })}
      </svg>

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
            <ul className="tags" style={{ listStyle: "none", padding: 0 }}>
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
                  <Link href={`/case-studies/${c.id}`}>{c.company}</Link>: <span className="muted">{c.stack[stage].join(", ")}</span>
                </li>
              ))}
            </ul>
          </div>
        </div>
      </section>
    </>
  );
}
