import Link from "next/link";
import { HoverPrefetchLink } from "@/components/hover-prefetch-link";
import { notFound } from "next/navigation";
import type { Metadata } from "next";
import { getCaseStudies, getCaseStudy, getQuestion, STAGES, STAGE_TITLES } from "@/lib/content/index";
import { DifficultyBadge } from "@/components/difficulty";
import { LinkList } from "@/components/link-list";
import { stackEntries } from "@/lib/blueprint";
import { Pager } from "@/components/pager";
import { SourceNote } from "@/components/source-note";
import { caseStudyNeighbours } from "@/lib/content/neighbours";
import { editUrl, pageMeta } from "@/lib/site";
import { exerciseDeckIds } from "@/lib/quiz/exercise-decks";

export function generateStaticParams() {
  return getCaseStudies().map((c) => ({ id: c.id }));
}

export const dynamicParams = false;

export async function generateMetadata({ params }: { params: Promise<{ id: string }> }): Promise<Metadata> {
  const cs = getCaseStudy((await params).id);
  return cs ? pageMeta(`/case-studies/${cs.id}`, `${cs.company} case study`, cs.summary) : {};
}

export default async function CaseStudyPage({ params }: { params: Promise<{ id: string }> }) {
  const cs = getCaseStudy((await params).id);
  if (!cs) notFound();
  const { prev, next } = caseStudyNeighbours(cs.id);
  const questions = cs.questions.map((id) => getQuestion(id)).filter((q) => q !== undefined);
  // The company deck also holds the exercises tagged with the company (lib/quiz/exercise-decks.ts).
  const companyExercises = exerciseDeckIds({ kind: "company", value: cs.id }).length;
  return (
    <article className="narrow prose" style={{ margin: "0 auto" }}>
      <p className="breadcrumbs">
        <Link href="/case-studies">Case studies</Link> › {cs.industry}
      </p>
      <h1>Data engineering at {cs.company}</h1>
      <p className="lead">{cs.summary}</p>

      <h2 id="stack">Stack by blueprint stage</h2>
      <table>
        <tbody>
          {STAGES.map((s) => (
            <tr key={s}>
              <th scope="row">{STAGE_TITLES[s]}</th>
              <td>{cs.stack[s].length ? stackEntries(cs.stack[s]).join(", ") : <span className="muted">not described publicly</span>}</td>
            </tr>
          ))}
        </tbody>
      </table>

      {cs.scale.length > 0 && (
        <>
          <h2 id="scale">Scale</h2>
          <ul>
            {cs.scale.map((f) => (
              <li key={f.figure}>
                {f.figure} (<a href={f.source} rel="noopener noreferrer">source</a>)
              </li>
            ))}
          </ul>
        </>
      )}

      <div dangerouslySetInnerHTML={{ __html: cs.html }} />

      {questions.length > 0 && (
        <>
          <h2 id="questions">Interview questions about {cs.company}</h2>
          <ul className="question-list">
            {questions.map((q) => (
              <li key={q.id}>
                <HoverPrefetchLink href={`/questions/${q.id}`} html={q.questionHtml} />
                <DifficultyBadge level={q.difficulty} />
              </li>
            ))}
          </ul>
          <p>
            <Link className="button" href={`/quiz?deck=company:${cs.id}`}>
              Quiz me on {cs.company}
              {companyExercises > 0 && ` (with its ${companyExercises} exercise${companyExercises === 1 ? "" : "s"})`}
            </Link>
          </p>
        </>
      )}

      {cs.podcasts.length > 0 && (
        <>
          <h2 id="podcasts">Podcast episodes</h2>
          <ul>
            {cs.podcasts.map((p) => (
              <li key={p.number}>
                #{p.number} {p.title}
                {p.description ? ` — ${p.description}` : ""} {p.video && <a href={p.video} rel="noopener noreferrer">video</a>}
                {p.video && p.audio ? " · " : ""}
                {p.audio && <a href={p.audio} rel="noopener noreferrer">audio</a>}
              </li>
            ))}
          </ul>
        </>
      )}

      <LinkList id="slides" title="Slides" links={cs.slides} />
      <LinkList id="sources" title="Sources" links={cs.sources} />
      <SourceNote source={cs.source} />
      <p className="edit-link">
        {cs.updated && (
          <>
            Updated <time dateTime={cs.updated}>{cs.updated}</time> ·{" "}
          </>
        )}
        <a href={editUrl(cs.file)} rel="noopener noreferrer">
          Edit this page
        </a>
      </p>
      <Pager
        label="Previous and next case study"
        prev={prev && { href: `/case-studies/${prev.id}`, title: prev.company }}
        next={next && { href: `/case-studies/${next.id}`, title: next.company }}
      />
    </article>
  );
}
