import type { Metadata } from "next";
import { pageMeta } from "@/lib/site";
import { getCaseStudies } from "@/lib/content/index";
import { MockRound } from "@/components/mock-round";

export const metadata: Metadata = pageMeta("/mock", "Mock interview", "A timed mock interview round drawn from the question bank.");

export default function MockPage() {
  return (
    <div className="quiz">
      <h1>Mock interview</h1>
      <p className="lead">
        A timed round like a real loop: one case-study question, five concepts, one SQL exercise and one design question. Answer out loud or type, then
        tick the key points you covered; the SQL exercise you write and run here, in your browser, and its result proposes the grade. Every grade goes into
        your spaced-repetition schedule.
      </p>
      <MockRound companies={getCaseStudies().map((c) => ({ id: c.id, company: c.company }))} />
    </div>
  );
}
