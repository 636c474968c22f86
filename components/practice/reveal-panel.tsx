"use client";

import Link from "next/link";
import { useState } from "react";
import { GRADE_LABELS } from "@/lib/exercises/grade";

// After a pass or giving up: the reference solutions, the key ideas, and the grade to record (the
// proposed one preselected; the learner may pick another). Recording goes through the quiz's own
// review endpoint, so exercises are ordinary FSRS cards.

export interface Reveal {
  solutions: string[];
  keyIdeas: string[];
  chapter: string;
}

export function RevealPanel({
  exerciseId,
  reveal,
  proposed,
  durationMs,
  language,
  recordHere = true,
}: {
  exerciseId: string;
  reveal: Reveal;
  proposed: 1 | 2 | 3 | 4;
  durationMs: number;
  language: string;
  /** False when the host (a quiz deck, a mock round) records the grade itself. */
  recordHere?: boolean;
}) {
  const [rating, setRating] = useState<1 | 2 | 3 | 4>(proposed);
  const [saved, setSaved] = useState<{ due: string | null } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [reviewId] = useState(() => crypto.randomUUID());
  const [busy, setBusy] = useState(false);

  async function record() {
    setBusy(true);
    setError(null);
    try {
      const res = await fetch("/api/quiz/review", {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify({ reviewId, questionId: exerciseId, rating, durationMs: Math.min(durationMs, 24 * 3600 * 1000) }),
      });
      const body = (await res.json()) as { due?: string | null; error?: string };
      if (!res.ok) throw new Error(body.error ?? `HTTP ${res.status}`);
      setSaved({ due: body.due ?? null });
    } catch (err) {
      setError((err as Error).message);
    } finally {
      setBusy(false);
    }
  }

  const [chapterId, anchor] = reveal.chapter.split("#");
  return (
    <section aria-label="Solution and key ideas" className="reveal">
      <h2>Key ideas</h2>
      <ul>
        {reveal.keyIdeas.map((k, i) => (
          <li key={i}>{k}</li>
        ))}
      </ul>
      <h2>Reference solution{reveal.solutions.length > 1 ? "s" : ""}</h2>
      {reveal.solutions.map((s, i) => (
        <pre key={i} className={`language-${language}`} data-testid="solution">
          <code>{s}</code>
        </pre>
      ))}
      <p>
        Learn more: <Link href={`/chapters/${chapterId}#${anchor}`}>the chapter section that teaches this</Link>.
      </p>
      {!recordHere ? null : saved ? (
        <p role="status" data-testid="scheduled">
          Recorded as {GRADE_LABELS[rating]}. Next review: {saved.due ? new Date(saved.due).toLocaleString() : "soon"}.
        </p>
      ) : (
        <fieldset className="grade-picker">
          <legend>How did it go? (proposed: {GRADE_LABELS[proposed]})</legend>
          {([1, 2, 3, 4] as const).map((g) => (
            <label key={g}>
              <input type="radio" name="grade" value={g} checked={rating === g} onChange={() => setRating(g)} /> {GRADE_LABELS[g]}
            </label>
          ))}
          <button type="button" onClick={record} disabled={busy}>
            Schedule next review
          </button>
          {error && <p className="alert" role="alert">Could not record the grade: {error}</p>}
        </fieldset>
      )}
    </section>
  );
}
