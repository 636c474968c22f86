"use client";
import Link from "next/link";
import { useCallback, useEffect, useRef, useState } from "react";

type Rating = 1 | 2 | 3 | 4;
const LABELS: Record<Rating, string> = { 1: "Again", 2: "Hard", 3: "Good", 4: "Easy" };
const STATE_NAMES = ["New", "Learning", "Review", "Relearning"];

interface Card {
  questionId: string;
  state: number;
  changed: boolean;
  previews: Record<Rating, { due: string; label: string }>;
  questionHtml: string;
  answerHtml: string;
  keyPoints: string[];
  topic: string;
  difficulty: string;
  chapter: string;
}

interface Counts {
  learning: number;
  review: number;
  new: number;
}

type Phase = { kind: "loading" } | { kind: "question"; card: Card; shownAt: number } | { kind: "answer"; card: Card; shownAt: number } | { kind: "done"; reason: "limit" | "empty" } | { kind: "error"; message: string };

function uuid(): string {
  if (typeof crypto.randomUUID === "function") return crypto.randomUUID();
  const b = crypto.getRandomValues(new Uint8Array(16));
  b[6] = (b[6] & 0x0f) | 0x40;
  b[8] = (b[8] & 0x3f) | 0x80;
  const h = [...b].map((x) => x.toString(16).padStart(2, "0")).join("");
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

/** Retries a review with the same id: the server stores it once however many copies arrive. */
async function postReview(body: object): Promise<void> {
  let last = "";
  for (let attempt = 0; attempt < 4; attempt++) {
    try {
      const res = await fetch("/api/quiz/review", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
      if (res.ok) return;
      const msg = ((await res.json().catch(() => ({}))) as { error?: string }).error ?? res.statusText;
      if (res.status < 500) throw new Error(msg);
      last = msg;
    } catch (err) {
      if (err instanceof Error && !(err instanceof TypeError)) throw err;
      last = "network error";
    }
    await new Promise((r) => setTimeout(r, 300 * 2 ** attempt));
  }
  throw new Error(`Could not save your answer (${last}). Check your connection and grade again.`);
}

export function QuizSession({ deck, deckTitle, limit }: { deck: string; deckTitle: string; limit: number }) {
  const [phase, setPhase] = useState<Phase>({ kind: "loading" });
  const [counts, setCounts] = useState<Counts | null>(null);
  const [tally, setTally] = useState<Record<Rating, number>>({ 1: 0, 2: 0, 3: 0, 4: 0 });
  const [saving, setSaving] = useState(false);
  const reviewed = tally[1] + tally[2] + tally[3] + tally[4];
  const startedAt = useRef(Date.now());
  const revealButton = useRef<HTMLButtonElement>(null);

  const loadNext = useCallback(async () => {
    setPhase({ kind: "loading" });
    try {
      const res = await fetch(`/api/quiz/next?deck=${encodeURIComponent(deck)}`, { cache: "no-store" });
      const data = (await res.json()) as { card: Card | null; counts: Counts; error?: string };
      if (!res.ok) throw new Error(data.error ?? res.statusText);
      setCounts(data.counts);
      setPhase(data.card ? { kind: "question", card: data.card, shownAt: Date.now() } : { kind: "done", reason: "empty" });
    } catch (err) {
      setPhase({ kind: "error", message: err instanceof Error ? err.message : String(err) });
    }
  }, [deck]);

  useEffect(() => {
    void loadNext();
  }, [loadNext]);

  useEffect(() => {
    if (phase.kind === "question") revealButton.current?.focus();
  }, [phase]);

  const grade = useCallback(
    async (rating: Rating) => {
      if (phase.kind !== "answer" || saving) return;
      setSaving(true);
      try {
        await postReview({ reviewId: uuid(), questionId: phase.card.questionId, rating, durationMs: Math.min(Date.now() - phase.shownAt, 3_600_000) });
        const next = { ...tally, [rating]: tally[rating] + 1 };
        setTally(next);
        if (next[1] + next[2] + next[3] + next[4] >= limit) setPhase({ kind: "done", reason: "limit" });
        else await loadNext();
      } catch (err) {
        setPhase({ kind: "error", message: err instanceof Error ? err.message : String(err) });
      } finally {
        setSaving(false);
      }
    },
    [phase, saving, tally, limit, loadNext],
  );

  useEffect(() => {
    function onKey(e: KeyboardEvent) {
      if (e.metaKey || e.ctrlKey || e.altKey) return;
      const t = e.target as HTMLElement;
      if (["INPUT", "TEXTAREA", "SELECT"].includes(t.tagName)) return;
      if (phase.kind === "question" && (e.key === " " || e.key === "Enter")) {
        e.preventDefault();
        setPhase({ ...phase, kind: "answer" });
      } else if (phase.kind === "answer" && ["1", "2", "3", "4"].includes(e.key)) {
        e.preventDefault();
        void grade(Number(e.key) as Rating);
      } else if (phase.kind === "answer" && e.key === " ") {
        e.preventDefault();
        void grade(3);
      }
    }
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [phase, grade]);

  return (
    <section className="quiz" aria-label={`Quiz: ${deckTitle}`}>
      <div className="quiz-counts" aria-label="Cards waiting">
        {counts && (
          <>
            <span className="new">{counts.new} new</span>
            <span className="learning">{counts.learning} learning</span>
            <span className="review">{counts.review} to review</span>
          </>
        )}
        <span style={{ marginLeft: "auto" }} data-testid="reviewed-count">
          {reviewed} / {limit} done
        </span>
      </div>

      {phase.kind === "loading" && <p className="muted">Loading…</p>}

      {phase.kind === "error" && (
        <div className="alert" role="alert">
          {phase.message}{" "}
          <button type="button" className="button secondary" onClick={() => void loadNext()}>
            Try again
          </button>
        </div>
      )}

      {(phase.kind === "question" || phase.kind === "answer") && (
        <div className="quiz-card">
          <div className="tags">
            <span className="badge">{STATE_NAMES[phase.card.state]}</span>
            <span className={`badge ${phase.card.difficulty}`}>{phase.card.difficulty}</span>
            {phase.card.changed && <span className="changed-note">Changed since you studied it</span>}
          </div>
          <div className="question" data-testid="quiz-question" dangerouslySetInnerHTML={{ __html: phase.card.questionHtml }} />
          {phase.kind === "question" ? (
            <>
              <button ref={revealButton} type="button" className="button" onClick={() => setPhase({ ...phase, kind: "answer" })}>
                Show answer
              </button>
              <p className="kbd-hint">
                Recall your answer, then press <kbd>Space</kbd>.
              </p>
            </>
          ) : (
            <>
              <hr />
              <div className="prose" data-testid="quiz-answer" dangerouslySetInnerHTML={{ __html: phase.card.answerHtml }} />
              <h3>Key points</h3>
              <ul className="key-points">
                {phase.card.keyPoints.map((k) => (
                  <li key={k}>{k}</li>
                ))}
              </ul>
              <p>
                <Link href={`/chapters/${phase.card.chapter}`}>Read the section that teaches this</Link>
              </p>
              <div className="grades" role="group" aria-label="How well did you recall it?">
                {([1, 2, 3, 4] as Rating[]).map((r) => (
                  <button key={r} type="button" className={`g${r}`} disabled={saving} onClick={() => void grade(r)} aria-keyshortcuts={String(r)}>
                    {LABELS[r]}
                    <small>{phase.card.previews[r].label}</small>
                  </button>
                ))}
              </div>
              <p className="kbd-hint">
                <kbd>1</kbd> Again · <kbd>2</kbd> Hard · <kbd>3</kbd> Good · <kbd>4</kbd> Easy — the small text is when you would see it next.
              </p>
            </>
          )}
        </div>
      )}

      {phase.kind === "done" && (
        <div className="quiz-card" role="status">
          <h2 style={{ marginTop: 0 }}>{reviewed > 0 ? "Session complete" : "Nothing due in this deck"}</h2>
          {reviewed > 0 ? (
            <>
              <p>
                You reviewed <strong data-testid="summary-count">{reviewed}</strong> card{reviewed === 1 ? "" : "s"} in{" "}
                {Math.max(1, Math.round((Date.now() - startedAt.current) / 60000))} min.
              </p>
              <table className="summary-table">
                <tbody>
                  {([1, 2, 3, 4] as Rating[]).map((r) => (
                    <tr key={r}>
                      <th scope="row">{LABELS[r]}</th>
                      <td>{tally[r]}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
              <p className="muted">
                {phase.reason === "empty" ? "No more cards are due in this deck today." : "Cards you marked Again come back in a few minutes."}
              </p>
            </>
          ) : (
            <p className="muted">You have reviewed everything due and used today&apos;s new cards. Come back tomorrow, or raise new cards per day in Progress.</p>
          )}
          <div className="tags">
            {phase.reason === "limit" && (
              <button
                type="button"
                className="button"
                onClick={() => {
                  setTally({ 1: 0, 2: 0, 3: 0, 4: 0 });
                  startedAt.current = Date.now();
                  void loadNext();
                }}
              >
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
      )}
    </section>
  );
}
