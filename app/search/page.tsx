import Link from "next/link";
import type { Metadata } from "next";
import { pageMeta } from "@/lib/site";
import { getTopics, isDifficulty } from "@/lib/content/index";
import { DifficultySelect, TopicSelect } from "@/components/filter-selects";
import { KINDS, search, type SearchKind } from "@/lib/search/index";

export const metadata: Metadata = pageMeta("/search", "Search", "Search the chapters, case studies and questions.", { robots: { index: false } });

const KIND_LABEL: Record<SearchKind, string> = { chapter: "Chapters", "case-study": "Case studies", question: "Questions" };

type Search = { q?: string; kind?: string; topic?: string; difficulty?: string };

export default async function SearchPage({ searchParams }: { searchParams: Promise<Search> }) {
  const sp = await searchParams;
  const q = typeof sp.q === "string" ? sp.q.slice(0, 200) : "";
  const kind = KINDS.find((k) => k === sp.kind);
  const topics = getTopics();
  const topic = topics.some((t) => t.id === sp.topic) ? sp.topic : undefined;
  const difficulty = sp.difficulty && isDifficulty(sp.difficulty) ? sp.difficulty : undefined;
  const hits = q ? search(q, { kind, topic, difficulty, limit: 50 }) : [];
  return (
    <div className="narrow" style={{ margin: "0 auto" }}>
      <h1>Search</h1>
      <form className="filters" action="/search" role="search">
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
          {hits.length === 0 ? `No results for “${q}”. Try fewer or shorter words.` : `${hits.length}${hits.length === 50 ? "+" : ""} results for “${q}”`}
        </p>
      )}
      <ol className="question-list" style={{ listStyle: "none" }}>
        {hits.map((h) => (
          <li key={h.id} style={{ display: "block" }}>
            <div className="hit-meta">
              {KIND_LABEL[h.kind]} · {h.context}
              {h.difficulty ? ` · ${h.difficulty}` : ""}
            </div>
            <Link href={h.url} dangerouslySetInnerHTML={{ __html: h.titleHtml }} />
            <p className="muted" style={{ margin: "0.2rem 0 0" }} dangerouslySetInnerHTML={{ __html: h.snippet }} />
          </li>
        ))}
      </ol>
    </div>
  );
}
