import Link from "next/link";
import { getChapter } from "@/lib/content/index";
import type { GlossaryGroup } from "@/lib/content/glossary-groups";

export function GlossaryLetters({ groups, current }: { groups: GlossaryGroup[]; current?: string }) {
  return (
    <nav className="letter-nav" aria-label="Glossary letters">
      {groups
        .filter((g) => g.part === 1)
        .map((g) => (
          <Link key={g.key} href={`/glossary/${g.key}`} prefetch={false} aria-current={current?.split("-")[0] === g.key ? "page" : undefined}>
            {g.label}
          </Link>
        ))}
    </nav>
  );
}

/** One letter's terms with their definitions and a link to the chapter that explains each. */
export function GlossaryTerms({ group }: { group: GlossaryGroup }) {
  const letter = group.key.split("-")[0];
  const partHref = (part: number) => `/glossary/${part === 1 ? letter : `${letter}-${part}`}`;
  const more = group.parts > 1 && (
    <p className="muted">
      {group.label}, page {group.part} of {group.parts}:{" "}
      {Array.from({ length: group.parts }, (_, i) => i + 1).map((p) =>
        p === group.part ? null : (
          <Link key={p} href={partHref(p)} prefetch={false}>
            {p < group.part ? `← page ${p}` : `page ${p} →`}
          </Link>
        ),
      )}
    </p>
  );
  return (
    <section aria-labelledby={`letter-${group.key}`}>
      <h2 id={`letter-${group.key}`}>
        {group.label}
        {group.parts > 1 && ` (${group.part} of ${group.parts})`}
      </h2>
      {more}
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
      {more}
    </section>
  );
}
