import type { Metadata } from "next";
import Link from "next/link";
import { getGlossary } from "@/lib/content/index";
import { glossaryGroups, glossaryIdExceptions } from "@/lib/content/glossary-groups";
import { GlossaryHashRedirect } from "@/components/glossary-hash-redirect";
import { pageMeta } from "@/lib/site";

export const metadata: Metadata = pageMeta("/glossary", "Glossary", "Short definitions of data-engineering terms, linked from the chapters.");

/**
 * Only the letters: every page's header links here and Next prefetches it, so the definitions live on
 * the letter pages and this page stays a few kilobytes.
 */
export default function GlossaryPage() {
  const groups = glossaryGroups();
  return (
    <div className="narrow" style={{ margin: "0 auto" }}>
      <h1>Glossary</h1>
      <p className="lead">{getGlossary().length} terms, each defined in a sentence or three and linked to the chapter that explains it. Pick a letter:</p>
      <ul className="letter-nav" aria-label="Glossary letters" style={{ listStyle: "none", padding: 0 }}>
        {groups.map((g) => (
          <li key={g.key}>
            <Link href={`/glossary/${g.key}`} prefetch={false}>
              {g.label}
              {g.parts > 1 && ` ${g.part}`}: {g.terms[0].term} – {g.terms[g.terms.length - 1].term}
            </Link>
          </li>
        ))}
      </ul>
      <GlossaryHashRedirect exceptions={glossaryIdExceptions()} />
    </div>
  );
}
