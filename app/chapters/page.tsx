import Link from "next/link";
import type { Metadata } from "next";
import { pageMeta } from "@/lib/site";
import { getChapters, PARTS, PART_TITLES } from "@/lib/content/index";

export const metadata: Metadata = pageMeta("/chapters", "Chapters", "Every chapter, from SQL and Python to Kafka, Spark, lakehouses and machine learning in production, grouped by part.");

export default function ChaptersPage() {
  const chapters = getChapters();
  return (
    <>
      <h1>Chapters</h1>
      <p className="lead">Guides that follow the topics of the Data Engineering Cookbook, each linked to the interview questions it answers.</p>
      {PARTS.map((part) => {
        const list = chapters.filter((c) => c.part === part);
        if (list.length === 0) return null;
        return (
          <section key={part}>
            <h2>{PART_TITLES[part]}</h2>
            <div className="grid">
              {list.map((c) => (
                <Link key={c.id} className="card" href={`/chapters/${c.id}`}>
                  <h3>{c.title}</h3>
                  <p className="muted">{c.summary}</p>
                  <p className="hit-meta">{c.readingMinutes} min read</p>
                </Link>
              ))}
            </div>
          </section>
        );
      })}
    </>
  );
}
