import Link from "next/link";
import { notFound } from "next/navigation";
import type { Metadata } from "next";
import { SourceNote } from "@/components/source-note";
import { chapterNeighbours, getChapter, getChapters, getQuestions, PART_TITLES } from "@/lib/content/index";

export function generateStaticParams() {
  return getChapters().map((c) => ({ id: c.id }));
}

export const dynamicParams = false;

export async function generateMetadata({ params }: { params: Promise<{ id: string }> }): Promise<Metadata> {
  const chapter = getChapter((await params).id);
  return chapter ? { title: chapter.title, description: chapter.summary } : {};
}

export default async function ChapterPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const chapter = getChapter(id);
  if (!chapter) notFound();
  const { prev, next } = chapterNeighbours(id);
  const questionCount = getQuestions({ chapter: id }).filter((q) => !q.open).length;
  const chapters = getChapters();
  return (
    <div className="doc">
      <nav className="doc-sidebar" aria-label="Chapters">
        {[...new Set(chapters.map((c) => c.part))].map((part) => (
          <div key={part}>
            <h2>{PART_TITLES[part]}</h2>
            <ul>
              {chapters
                .filter((c) => c.part === part)
                .map((c) => (
                  <li key={c.id}>
                    <Link href={`/chapters/${c.id}`} aria-current={c.id === id ? "page" : undefined}>
                      {c.title}
                    </Link>
                  </li>
                ))}
            </ul>
          </div>
        ))}
      </nav>

      <article className="prose">
        <p className="breadcrumbs">
          <Link href="/chapters">Chapters</Link> › {PART_TITLES[chapter.part]}
        </p>
        <h1>{chapter.title}</h1>
        <div className="doc-meta">
          <span>{chapter.readingMinutes} min read</span>
          {questionCount > 0 && (
            <Link className="button" href={`/quiz?deck=chapter:${chapter.id}`}>
              Quiz me on this chapter ({questionCount})
            </Link>
          )}
        </div>
        <p className="lead">{chapter.summary}</p>
        <div dangerouslySetInnerHTML={{ __html: chapter.html }} />
        <SourceNote source={chapter.source} />
        <nav className="pager" aria-label="Previous and next chapter">
          {prev ? (
            <Link href={`/chapters/${prev.id}`} rel="prev">
              <small>Previous</small>
              {prev.title}
            </Link>
          ) : (
            <span />
          )}
          {next ? (
            <Link href={`/chapters/${next.id}`} rel="next" className="next">
              <small>Next</small>
              {next.title}
            </Link>
          ) : (
            <span />
          )}
        </nav>
      </article>

      <nav className="doc-toc" aria-label="On this page">
        <h2>On this page</h2>
        <ul>
          {chapter.sections.map((s) => (
            <li key={s.anchor} className={`depth-${s.depth}`}>
              <a href={`#${s.anchor}`}>{s.title}</a>
            </li>
          ))}
        </ul>
      </nav>
    </div>
  );
}
