import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { glossaryGroup, glossaryGroups } from "@/lib/content/glossary-groups";
import { GlossaryLetters, GlossaryTerms } from "@/components/glossary-group";

export function generateStaticParams() {
  return glossaryGroups().map((g) => ({ letter: g.key }));
}

export const dynamicParams = false;

type Params = { params: Promise<{ letter: string }> };

export async function generateMetadata({ params }: Params): Promise<Metadata> {
  const group = glossaryGroup((await params).letter);
  return { title: group ? `Glossary: ${group.label}` : "Glossary" };
}

export default async function GlossaryLetterPage({ params }: Params) {
  const group = glossaryGroup((await params).letter);
  if (!group) notFound();
  return (
    <div className="narrow" style={{ margin: "0 auto" }}>
      <h1>Glossary: {group.label}</h1>
      <GlossaryLetters groups={glossaryGroups()} current={group.key} />
      <GlossaryTerms group={group} />
    </div>
  );
}
