"use client";
import Link from "next/link";
import { useEffect, useRef } from "react";
import type { MockSlotDto } from "@/lib/quiz/dto";
import { RATING_LABELS as LABELS, type Rating } from "@/lib/quiz/enums";

// The report after a mock round: time per slot against its allowance, key points recalled (or, for the
// SQL exercise, whether the query passed), grades, and the topics to work on.

export const KIND_LABEL = { "case-study": "Case study", concept: "Concept", sql: "SQL", design: "Design" } as const;

export const mmss = (s: number) => `${s < 0 ? "-" : ""}${Math.floor(Math.abs(s) / 60)}:${String(Math.abs(s) % 60).padStart(2, "0")}`;

export interface MockResult {
  slot: MockSlotDto;
  seconds: number;
  recalled: number;
  rating: Rating;
  /** The SQL exercise's outcome, from the workbench's run in the browser. */
  verdict?: { passed: boolean; gaveUp: boolean; runs: number };
}

export function MockReport({ results, slots, onAgain }: { results: MockResult[]; slots: MockSlotDto[]; onAgain: () => void }) {
  const report = useRef<HTMLHeadingElement>(null);
  // The report replaces a long answer: start it at the top, with focus on its heading.
  useEffect(() => {
    window.scrollTo(0, 0);
    report.current?.focus();
  }, []);
  const used = results.reduce((n, r) => n + r.seconds, 0);
  const allowed = slots.reduce((n, s) => n + s.minutes * 60, 0);
  const weak = results.filter((r) => r.rating <= 2);
  return (
    <div className="quiz-card" role="status">
      <h2 ref={report} tabIndex={-1} style={{ marginTop: 0 }}>
        Round report
      </h2>
      <p>
        <strong data-testid="mock-score">{results.filter((r) => r.rating >= 3).length}</strong> of {results.length} answered well, in {mmss(used)} of {mmss(allowed)} allowed.
      </p>
      <table>
        <thead>
          <tr>
            <th scope="col">Question</th>
            <th scope="col">Time</th>
            <th scope="col">Key points or result</th>
            <th scope="col">Grade</th>
          </tr>
        </thead>
        <tbody>
          {results.map((r) => (
            <tr key={r.slot.question.questionId}>
              <td>
                <span className="hit-meta">{KIND_LABEL[r.slot.kind]}</span>
                <br />
                {r.slot.question.exercise ? (
                  <Link href={`/practice/${r.slot.question.questionId}`}>{r.slot.question.exercise.exercise.title}</Link>
                ) : (
                  <Link href={`/questions/${r.slot.question.questionId}`} dangerouslySetInnerHTML={{ __html: r.slot.question.questionHtml }} />
                )}
              </td>
              <td className={r.seconds > r.slot.minutes * 60 ? "over-time" : ""}>
                {mmss(r.seconds)} / {r.slot.minutes}:00
                {r.seconds > r.slot.minutes * 60 && <strong> (over time)</strong>}
              </td>
              <td>
                {r.verdict ? (r.verdict.passed ? `solved, ${r.verdict.runs} run${r.verdict.runs === 1 ? "" : "s"}` : r.verdict.gaveUp ? "gave up" : "not solved") : `${r.recalled}/${r.slot.question.keyPoints.length}`}
              </td>
              <td>{LABELS[r.rating]}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {weak.length > 0 && (
        <p>
          Work on:{" "}
          {[...new Set(weak.map((r) => r.slot.question.topic))].map((t, i) => (
            <span key={t}>
              {i > 0 && ", "}
              <Link href={`/quiz?deck=topic:${t}&practice=1`}>{t}</Link>
            </span>
          ))}
          .
        </p>
      )}
      <button type="button" className="button" onClick={onAgain}>
        Another round
      </button>
    </div>
  );
}
