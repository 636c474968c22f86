import Link from "next/link";
import { notFound } from "next/navigation";
import type { Metadata } from "next";
import { getCaseStudy, getChapter, getContent, getQuestion, getTopic } from "@/lib/content/index";
import { DifficultyBadge } from "@/components/difficulty";
import { Pager } from "@/components/pager";
import { SourceNote } from "@/components/source-note";
import { questionNeighbours } from "@/lib/content/neighbours";
import { pageMeta } from "@/lib/site";

export function generateStaticParams() {
  return getContent().questions.map((q) => ({ id: q.id }));
}

export const dynamicParams = false;

export async function generateMetadata({ params }: { params: Promise<{ id: string }> }): Promise<Metadata> {
  const q = getQuestion((await params).id);
  if (!q) return {};
  const description = q.open ? `An open data-engineering interview question about ${getTopic(q.topic)?.title ?? q.topic}.` : `${q.difficulty} data-engineering interview question with answer and key points: ${q.keyPoints.slice(0, 2).join("; ")}.`;
  return pageMeta(`/questions/${q.id}`, q.questionText, description.slice(0, 300));
}

export default async function QuestionPage({ params }: { params: Promise<{ id: string }> }) {
  const q = getQuestion((await params).id);
  if (!q) notFound();
  const topic = getTopic(q.topic);
  const [chapterId, anchor] = q.chapter.split("#");
  const chapter = getChapter(chapterId);
  const section = chapter?.sections.find((s) => s.anchor === anchor);
  const same = q.sameAs ? getQuestion(q.sameAs) : undefined;
  const { prev, next } = questionNeighbours(q);
  return (
    <article className="narrow prose" style={{ margin: "0 auto" }}>
      <p className="breadcrumbs">
        <Link href="/questions">Questions</Link> › <Link href={`/questions?topic=${q.topic}`}>{topic?.title ?? q.topic}</Link>
      </p>
      <h1 dangerouslySetInnerHTML={{ __html: q.questionHtml }} />
      <div className="tags">
        <DifficultyBadge level={q.difficulty} />
        <span className="badge">{q.kind}</span>
        {q.companies.map((c) => (
          <Link key={c} className="badge" href={`/case-studies/${c}`}>
            {getCaseStudy(c)?.company ?? c}
          </Link>
        ))}
        {q.tags.map((t) => (
          <span key={t} className="badge">
            #{t}
          </span>
        ))}
      </div>

      {q.open ? (
        <p className="muted">
          This question has no answer here yet.{" "}
          {same ? (
            <>
              It is answered as <Link href={`/questions/${same.id}`} dangerouslySetInnerHTML={{ __html: same.questionHtml }} />.
            </>
          ) : (
            "Contributions welcome."
          )}
        </p>
      ) : (
        <details className="answer">
          <summary>Show answer</summary>
          <div dangerouslySetInnerHTML={{ __html: q.answerHtml }} />
          <h2>Key points</h2>
          <ul className="key-points">
            {q.keyPoints.map((k) => (
              <li key={k}>{k}</li>
            ))}
          </ul>
        </details>
      )}

      {chapter && (
        <p>
          Learn it in{" "}
          <Link href={`/chapters/${chapter.id}#${anchor}`}>
            {chapter.title}
            {section ? ` › ${section.title}` : ""}
          </Link>
          .
        </p>
      )}
      <SourceNote source={q.source} />
      <p>
        <Link className="button secondary" href={`/quiz?deck=topic:${q.topic}`}>
          Quiz me on {topic?.title ?? q.topic}
        </Link>
      </p>
      <Pager
        label={`Previous and next question in ${topic?.title ?? q.topic}`}
        prev={prev && { href: `/questions/${prev.id}`, title: prev.questionHtml, html: true }}
        next={next && { href: `/questions/${next.id}`, title: next.questionHtml, html: true }}
      />
    </article>
  );
}
