import type { Metadata } from "next";
import { getGlossary } from "@/lib/content/index";
import { glossaryGroups, glossaryIdExceptions } from "@/lib/content/glossary-groups";
import { GlossaryLetters, GlossaryTerms } from "@/components/glossary-group";
import { GlossaryHashRedirect } from "@/components/glossary-hash-redirect";

export const metadata: Metadata = { title: "Glossary" };

export default function GlossaryPage() {
  const groups = glossaryGroups();
  const first = groups.find((g) => g.key === "a") ?? groups[0];
  return (
    <div className="narrow" style={{ margin: "0 auto" }}>
      <h1>Glossary</h1>
      <p className="lead">{getGlossary().length} terms, each defined in a sentence or three and linked to the chapter that explains it. Pick a letter:</p>
      <GlossaryLetters groups={groups} />
      {first && <GlossaryTerms group={first} />}
      <GlossaryHashRedirect exceptions={glossaryIdExceptions()} />
    </div>
  );
}
