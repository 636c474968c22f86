import Link from "next/link";
import { notFound } from "next/navigation";
import type { Metadata } from "next";
import { OnThisPage } from "@/components/on-this-page";
import { OpenWhenWide } from "@/components/open-when-wide";
import { SourceNote } from "@/components/source-note";
import { editUrl, pageMeta } from "@/lib/site";
import { exerciseCountForChapter } from "@/lib/exercises/index";
import { chapterNeighbours, getChapter, getChapters, getQuestions, PART_TITLES } from "@/lib/content/index";

export function generateStaticParams() {
  return getChapters().map((c) => ({ id: c.id }));
}

export const dynamicParams = false;

export async function generateMetadata({ params }: { params: Promise<{ id: string }> }): Promise<Metadata> {
  const chapter = getChapter((await params).id);
  return chapter ? pageMeta(`/chapters/${chapter.id}`, chapter.title, chapter.summary, { openGraph: { type: "article", title: chapter.title, description: chapter.summary, url: `/chapters/${chapter.id}` } }) : {};
}

export default async function ChapterPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const chapter = getChapter(id);
  if (!chapter) notFound();
  const { prev, next } = chapterNeighbours(id);
  const questionCount = getQuestions({ chapter: id }).filter((q) => !q.open).length;
  const exerciseCount = exerciseCountForChapter(id);
  const chapters = getChapters();
  return (
    <div className="doc">
      <nav className="doc-sidebar" aria-label="Chapters">
        {/* Collapsed on phones so the chapter starts near the top; always open beside the text on wide screens. */}
        <details className="collapsible">
          <summary>All chapters</summary>
          {[...new Set(chapters.map((c) => c.part))].map((part) => (
            <div key={part}>
              <h2>{PART_TITLES[part]}</h2>
              <ul>
                {chapters
                  .filter((c) => c.part === part)
                  .map((c) => (
                    <li key={c.id}>
                      <Link href={`/chapters/${c.id}`} prefetch={false} aria-current={c.id === id ? "page" : undefined}>
                        {c.title}
                      </Link>
                    </li>
                  ))}
              </ul>
            </div>
          ))}
        </details>
      </nav>

      <OnThisPage sections={chapter.sections} />
      <OpenWhenWide selector=".doc-sidebar > details" query="(min-width: 761px)" />
      <OpenWhenWide selector=".doc-toc > details" query="(min-width: 1101px)" />

      <article className="prose">
        <p className="breadcrumbs">
          <Link href="/chapters">Chapters</Link> › {PART_TITLES[chapter.part]}
        </p>
        <h1>{chapter.title}</h1>
        <div className="doc-meta">
          <span>{chapter.readingMinutes} min read</span>
          {chapter.updated && (
            <span>
              Updated <time dateTime={chapter.updated}>{formatDate(chapter.updated)}</time>
            </span>
          )}
          {questionCount + exerciseCount > 0 && (
            // One deck: the chapter's questions and the exercises linked to it, scheduled together.
            <Link className="button" href={`/quiz?deck=chapter:${chapter.id}`} data-testid="practise-chapter">
              Practise this chapter ({[questionCount && `${questionCount} question${questionCount === 1 ? "" : "s"}`, exerciseCount && `${exerciseCount} exercise${exerciseCount === 1 ? "" : "s"}`].filter(Boolean).join(" · ")})
            </Link>
          )}
          {exerciseCount > 0 && <Link href={`/practice?chapter=${chapter.id}`}>List its exercises</Link>}
        </div>
        <p className="lead">{chapter.summary}</p>
        <div dangerouslySetInnerHTML={{ __html: chapter.html }} />
        <SourceNote source={chapter.source} />
        <p className="edit-link">
          <a href={editUrl(chapter.file)} rel="noopener noreferrer">
            Edit this page
          </a>
        </p>
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

    </div>
  );
}

function formatDate(day: string): string {
  return new Date(`${day}T12:00:00Z`).toLocaleDateString("en-GB", { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" });
}
