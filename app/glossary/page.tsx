import Link from "next/link";
import type { Metadata } from "next";
import { pageMeta } from "@/lib/site";
import { getChapter, getGlossary } from "@/lib/content/index";

export const metadata: Metadata = pageMeta("/glossary", "Glossary", "Short definitions of data-engineering terms, linked from the chapters.");

export default function GlossaryPage() {
  const terms = getGlossary();
  const letter = (t: string) => (/[a-z]/i.test(t[0]) ? t[0].toUpperCase() : "#");
  const letters = [...new Set(terms.map((t) => letter(t.term)))];
  return (
    <div className="narrow" style={{ margin: "0 auto" }}>
      <h1>Glossary</h1>
      <p className="lead">{terms.length} terms, each defined in a sentence or three and linked to the chapter that explains it.</p>
      <nav className="letter-nav" aria-label="Jump to letter">
        {letters.map((l) => (
          <a key={l} href={`#letter-${l}`}>
            {l}
          </a>
        ))}
      </nav>
      {letters.map((l) => (
        <section key={l} aria-labelledby={`letter-${l}`}>
          <h2 id={`letter-${l}`}>{l}</h2>
          <dl className="glossary-list">
            {terms
              .filter((t) => letter(t.term) === l)
              .map((t) => {
                const [chapterId, anchor] = t.chapter?.split("#") ?? [];
                const chapter = chapterId ? getChapter(chapterId) : undefined;
                return (
                  <div key={t.id}>
                    <dt id={t.id}>
                      {t.term}
                      {t.aliases.length > 0 && <span className="muted"> ({t.aliases.join(", ")})</span>}
                    </dt>
                    <dd>
                      <span dangerouslySetInnerHTML={{ __html: t.html }} />
                      {chapter && (
                        <Link href={`/chapters/${chapterId}#${anchor}`} className="hit-meta">
                          Read more in {chapter.title}
                        </Link>
                      )}
                    </dd>
                  </div>
                );
              })}
          </dl>
        </section>
      ))}
    </div>
  );
}
