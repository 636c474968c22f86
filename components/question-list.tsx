import Link from "next/link";
import { DifficultyBadge } from "@/components/difficulty";
import { HoverPrefetchLink } from "@/components/hover-prefetch-link";
import { QUESTIONS_PER_PAGE, type QuestionList } from "@/lib/question-list";
import { pageHref } from "@/lib/search/paging";
import styles from "./question-list.module.css";

/** One page of the question list with its pager; the studied marks are the viewing learner's own. */
export function QuestionListPage({ list }: { list: QuestionList }) {
  const { topic, difficulty, page, pages, total } = list;
  const href = (p: number) => pageHref("/questions", { topic, difficulty }, p);
  const first = (page - 1) * QUESTIONS_PER_PAGE;
  return (
    <>
      <p className="muted">
        {total} question{total === 1 ? "" : "s"}
        {pages > 1 && `, ${first + 1}–${first + list.questions.length} shown`}
        {list.studied.size > 0 && ` · you have studied ${list.studied.size} on this page`}
      </p>
      <ul className="question-list">
        {list.questions.map((q) => (
          <li key={q.id}>
            <HoverPrefetchLink href={`/questions/${q.id}`} html={q.questionHtml} />
            <span className="tags">
              {list.studied.has(q.id) && <span className={`badge ${styles.studied}`}>studied</span>}
              {q.open && <span className="badge">{q.sameAs ? "answered here" : "open"}</span>}
              <DifficultyBadge level={q.difficulty} />
            </span>
          </li>
        ))}
      </ul>
      {pages > 1 && (
        <nav className={styles.pages} aria-label="Question pages">
          {page > 1 && (
            <Link href={href(page - 1)} prefetch={false} rel="prev">
              ← Previous
            </Link>
          )}
          {Array.from({ length: pages }, (_, i) => i + 1).map((p) =>
            p === page ? (
              <span key={p} aria-current="page">
                {p}
              </span>
            ) : (
              <Link key={p} href={href(p)} prefetch={false} aria-label={`Page ${p}`}>
                {p}
              </Link>
            ),
          )}
          {page < pages && (
            <Link href={href(page + 1)} prefetch={false} rel="next">
              Next →
            </Link>
          )}
        </nav>
      )}
    </>
  );
}
