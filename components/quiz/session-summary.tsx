"use client";
import Link from "next/link";
import { useEffect, useRef } from "react";
import type { EmptyReason } from "@/lib/quiz/dto";
import { RATING_LABELS, RATINGS } from "@/lib/quiz/enums";
import type { Tally } from "./use-quiz-session";

function EmptyText({ empty, deck }: { empty: EmptyReason | null; deck: string }) {
  if (empty === "no-flagged") {
    return (
      <p className="muted" data-testid="empty-reason">
        You have not flagged any questions yet. Press <kbd>F</kbd> on a card to flag it for later; flagged cards collect here.
      </p>
    );
  }
  if (empty === "empty-deck") return <p className="muted" data-testid="empty-reason">This deck has no questions.</p>;
  if (empty === "practised-all") return <p className="muted" data-testid="empty-reason">You have practised every card in this deck in this session.</p>;
  return (
    <p className="muted" data-testid="empty-reason">
      You have reviewed everything due and used today&apos;s new cards. Come back tomorrow, raise new cards per day in Progress, or{" "}
      <Link href={`/quiz?deck=${deck}&practice=1`}>practise this deck</Link> without changing your schedule.
    </p>
  );
}

export function SessionSummary({
  reason,
  empty,
  deck,
  tally,
  startedAt,
  onKeepGoing,
}: {
  reason: "limit" | "empty";
  empty: EmptyReason | null;
  deck: string;
  tally: Tally;
  startedAt: number;
  onKeepGoing: () => void;
}) {
  const reviewed = tally[1] + tally[2] + tally[3] + tally[4];
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  return (
    <div className="quiz-card" role="status">
      <h2 ref={heading} tabIndex={-1} style={{ marginTop: 0 }}>
        {reviewed > 0 ? "Session complete" : empty === "no-flagged" ? "No flagged questions" : "Nothing due in this deck"}
      </h2>
      {reviewed > 0 ? (
        <>
          <p>
            You reviewed <strong data-testid="summary-count">{reviewed}</strong> card{reviewed === 1 ? "" : "s"} in {Math.max(1, Math.round((Date.now() - startedAt) / 60000))} min.
          </p>
          <table className="summary-table">
            <tbody>
              {RATINGS.map((r) => (
                <tr key={r}>
                  <th scope="row">{RATING_LABELS[r]}</th>
                  <td>{tally[r]}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <p className="muted">{reason === "empty" ? "No more cards are due in this deck today." : "Cards you marked Again come back in a few minutes."}</p>
        </>
      ) : (
        <EmptyText empty={empty} deck={deck} />
      )}
      <div className="tags">
        {reason === "limit" && (
          <button type="button" className="button" onClick={onKeepGoing}>
            Keep going
          </button>
        )}
        <Link className="button secondary" href="/quiz">
          Choose another deck
        </Link>
        <Link className="button secondary" href="/progress">
          See progress
        </Link>
      </div>
    </div>
  );
}
