import Link from "next/link";
import { getChapter } from "@/lib/content/index";
import type { GlossaryGroup } from "@/lib/content/glossary-groups";

export function GlossaryLetters({ groups, current }: { groups: GlossaryGroup[]; current?: string }) {
  return (
    <nav className="letter-nav" aria-label="Glossary letters">
      {groups.map((g) => (
        <Link key={g.key} href={`/glossary/${g.key}`} prefetch={false} aria-current={g.key === current ? "page" : undefined} title={`${g.terms.length} terms`}>
          {g.label}
        </Link>
      ))}
    </nav>
  );
}

/** One letter's terms with their definitions and a link to the chapter that explains each. */
export function GlossaryTerms({ group }: { group: GlossaryGroup }) {
  return (
    <section aria-labelledby={`letter-${group.key}`}>
      <h2 id={`letter-${group.key}`}>{group.label}</h2>
      <dl className="glossary-list">
        {group.terms.map((t) => {
          const [chapterId, anchor] = t.chapter?.split("#") ?? [];
          const chapter = chapterId ? getChapter(chapterId) : undefined;
          return (
            <div key={t.id}>
              <dt id={t.id}>
                {t.term}
                {t.aliases.length > 0 && <span className="muted"> ({t.aliases.join(", ")})</span>}
              </dt>
              <dd>
                <span dangerouslySetInnerHTML={{ __html: t.html }} />{" "}
                {chapter && (
                  <a href={`/chapters/${chapterId}${anchor ? `#${anchor}` : ""}`} className="hit-meta">
                    Read more in {chapter.title}
                  </a>
                )}
              </dd>
            </div>
          );
        })}
      </dl>
    </section>
  );
}
