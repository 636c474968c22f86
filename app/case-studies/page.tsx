import Link from "next/link";
import type { Metadata } from "next";
import { pageMeta } from "@/lib/site";
import { getCaseStudies } from "@/lib/content/index";

export const metadata: Metadata = pageMeta("/case-studies", "Case studies", "How companies such as Netflix, Uber and LinkedIn built their data platforms, stage by stage, with interview questions about each.");

export default function CaseStudiesPage() {
  const studies = getCaseStudies();
  return (
    <>
      <h1>Case studies</h1>
      <p className="lead">How real companies built their data platforms, stage by stage, with sourced figures and the interview questions they raise.</p>
      <div className="grid">
        {studies.map((c) => (
          <Link key={c.id} className="card" href={`/case-studies/${c.id}`}>
            <h2>{c.company}</h2>
            <p className="hit-meta">{c.industry}</p>
            <p className="muted">{c.summary}</p>
          </Link>
        ))}
      </div>
    </>
  );
}
