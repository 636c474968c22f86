"use client";
// The home page is one prerendered file for every visitor (fast to serve, see scripts/serve.mjs); this
// island fills in the visitor's own counts after load. Until then, or if the request fails, it shows the
// content's size instead of a number that could be wrong.
import Link from "next/link";
import { useEffect, useState } from "react";
import { progressApi } from "@/lib/quiz/client-api";
import type { StudySummary } from "@/lib/quiz/dto";

export function ContinueStudying({ totalQuestions }: { totalQuestions: number }) {
  const [summary, setSummary] = useState<StudySummary | null>(null);
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    let live = true;
    progressApi.summary().then(
      (s) => live && setSummary(s),
      (err: unknown) => {
        // The counts are a convenience; the links below work without them.
        console.warn("home: progress summary unavailable", err);
        if (live) setFailed(true);
      },
    );
    return () => {
      live = false;
    };
  }, []);
  const waiting = summary ? summary.dueNow + summary.newAvailableToday : null;
  return (
    <section className="continue" aria-label="Continue studying">
      <div aria-live="polite" data-testid="study-summary" data-ready={summary ? "" : undefined}>
        {summary ? (
          <>
            <strong>{waiting}</strong> card{waiting === 1 ? "" : "s"} waiting today
            <div className="muted">
              {summary.dueNow} due for review · {summary.newAvailableToday} new · {summary.studied} of {summary.totalQuestions} studied
            </div>
          </>
        ) : (
          <>
            <strong>{totalQuestions}</strong> questions to study
            <div className="muted">{failed ? "Your counts could not be loaded." : "Loading your counts…"}</div>
          </>
        )}
      </div>
      <Link className="button" href="/quiz">
        {summary?.studied ? "Continue studying" : "Start studying"}
      </Link>
      <Link href="/progress">See progress</Link>
    </section>
  );
}
