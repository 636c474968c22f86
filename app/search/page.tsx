import Link from "next/link";
import type { Metadata } from "next";
import { pageMeta } from "@/lib/site";
import { getTopics, isDifficulty } from "@/lib/content/index";
import { DifficultySelect, TopicSelect } from "@/components/filter-selects";
import { KINDS, searchPage, type SearchKind } from "@/lib/search/index";
import { pageHref, pageNumber } from "@/lib/search/paging";
import styles from "./search.module.css";

export const metadata: Metadata = pageMeta("/search", "Search", "Search the chapters, case studies and questions.", { robots: { index: false } });

const KIND_LABEL: Record<SearchKind, string> = { chapter: "Chapters", "case-study": "Case studies", question: "Questions" };
const PER_PAGE = 50;

type Search = { q?: string; kind?: string; topic?: string; difficulty?: string; page?: string };

export default async function SearchPage({ searchParams }: { searchParams: Promise<Search> }) {
  const sp = await searchParams;
  const q = typeof sp.q === "string" ? sp.q.slice(0, 200) : "";
  const kind = KINDS.find((k) => k === sp.kind);
  const topics = getTopics();
  const topic = topics.some((t) => t.id === sp.topic) ? sp.topic : undefined;
  const difficulty = sp.difficulty && isDifficulty(sp.difficulty) ? sp.difficulty : undefined;
  const requested = pageNumber(sp.page, Number.MAX_SAFE_INTEGER);
  const { hits, total, page, pages } = searchPage(q, { kind, topic, difficulty, limit: PER_PAGE, page: requested });
  const first = (page - 1) * PER_PAGE;
  const href = (p: number) => pageHref("/search", { q, kind, topic, difficulty }, p);
  return (
    <div className="narrow" style={{ margin: "0 auto" }}>
      <h1>Search</h1>
      <form className="filters" action="/search" role="search" aria-label="Full search">
        <label style={{ flex: 1 }}>
          Words to find
          <input type="search" name="q" defaultValue={q} placeholder="e.g. kafka consumer group" />
        </label>
        <label>
          In
          <select name="kind" defaultValue={kind ?? ""}>
            <option value="">Everything</option>
            {KINDS.map((k) => (
              <option key={k} value={k}>
                {KIND_LABEL[k]}
              </option>
            ))}
          </select>
        </label>
        <TopicSelect topics={topics} value={topic} allLabel="Any topic" />
        <DifficultySelect value={difficulty} />
        <button className="button" type="submit">
          Search
        </button>
      </form>
      {q && (
        <p className="muted" aria-live="polite">
          {total === 0
            ? `No results for “${q}”. Try fewer or shorter words.`
            : `${total} result${total === 1 ? "" : "s"} for “${q}”${pages > 1 ? `, ${first + 1}–${first + hits.length} shown` : ""}`}
        </p>
      )}
      <ol className="question-list" style={{ listStyle: "none" }} start={first + 1}>
        {hits.map((h) => (
          <li key={h.id} className={styles.hit}>
            <div className="hit-meta">
              {KIND_LABEL[h.kind]} · {h.context}
              {h.difficulty ? ` · ${h.difficulty}` : ""}
            </div>
            <Link href={h.url} prefetch={false} dangerouslySetInnerHTML={{ __html: h.titleHtml }} />
            <p className={`muted ${styles.snippet}`} dangerouslySetInnerHTML={{ __html: h.snippet }} />
          </li>
        ))}
      </ol>
      {pages > 1 && (
        <nav className={styles.pages} aria-label="Result pages">
          {page > 1 ? <Link href={href(page - 1)} prefetch={false}>← Previous {PER_PAGE}</Link> : <span />}
          <span className="muted">
            Page {page} of {pages}
          </span>
          {page < pages ? <Link href={href(page + 1)} prefetch={false}>Next {Math.min(PER_PAGE, total - page * PER_PAGE)} →</Link> : <span />}
        </nav>
      )}
    </div>
  );
}
