"use client";
import Link from "next/link";
import { useCallback, useEffect, useRef, useState } from "react";
import { proposeGrade } from "@/lib/quiz/rubric";

type Rating = 1 | 2 | 3 | 4;
const LABELS: Record<Rating, string> = { 1: "Again", 2: "Hard", 3: "Good", 4: "Easy" };
const STATE_NAMES = ["New", "Learning", "Review", "Relearning"];

export interface QuizCard {
  questionId: string;
  state: number;
  changed: boolean;
  flagged: boolean;
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

type Phase =
  | { kind: "loading" }
  | { kind: "question"; card: QuizCard; shownAt: number }
  | { kind: "answer"; card: QuizCard; shownAt: number }
  | { kind: "done"; reason: "limit" | "empty" }
  | { kind: "error"; message: string };

export function uuid(): string {
  if (typeof crypto.randomUUID === "function") return crypto.randomUUID();
  const b = crypto.getRandomValues(new Uint8Array(16));
  b[6] = (b[6] & 0x0f) | 0x40;
  b[8] = (b[8] & 0x3f) | 0x80;
  const h = [...b].map((x) => x.toString(16).padStart(2, "0")).join("");
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

/** POSTs JSON, retrying network and 5xx failures with the same body: the server stores a review once. */
export async function postJson<T = unknown>(url: string, body: object): Promise<T> {
  let last = "";
  for (let attempt = 0; attempt < 4; attempt++) {
    try {
      const res = await fetch(url, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
      const data = (await res.json().catch(() => ({}))) as T & { error?: string };
      if (res.ok) return data;
      if (res.status < 500) throw new Error(data.error ?? res.statusText);
      last = data.error ?? res.statusText;
    } catch (err) {
      if (err instanceof Error && !(err instanceof TypeError)) throw err;
      last = "network error";
    }
    await new Promise((r) => setTimeout(r, 300 * 2 ** attempt));
  }
  throw new Error(`Could not save (${last}). Check your connection and try again.`);
}

/** The answer area: flip-and-grade, or type first and tick the key points you recalled. */
export function AnswerView({
  card,
  typed,
  ticked,
  onTick,
}: {
  card: QuizCard;
  typed: string | null;
  ticked: boolean[];
  onTick: (i: number) => void;
}) {
  return (
    <>
      <hr />
      {typed !== null && (
        <div className="typed-answer">
          <h3>Your answer</h3>
          <p data-testid="typed-answer">{typed || <span className="muted">(nothing typed)</span>}</p>
        </div>
      )}
      <div className="prose" data-testid="quiz-answer" dangerouslySetInnerHTML={{ __html: card.answerHtml }} />
      <h3>Key points{typed !== null ? " — tick what you recalled" : ""}</h3>
      {typed !== null ? (
        <ul className="key-points checklist">
          {card.keyPoints.map((k, i) => (
            <li key={k}>
              <label>
                <input type="checkbox" checked={ticked[i] ?? false} onChange={() => onTick(i)} /> {k}
              </label>
            </li>
          ))}
        </ul>
      ) : (
        <ul className="key-points">
          {card.keyPoints.map((k) => (
            <li key={k}>{k}</li>
          ))}
        </ul>
      )}
      <p>
        <Link href={`/chapters/${card.chapter}`}>Read the section that teaches this</Link>
      </p>
    </>
  );
}

export function GradeButtons({
  card,
  proposed,
  disabled,
  onGrade,
  hideIntervals,
}: {
  card: QuizCard;
  proposed: Rating | null;
  disabled: boolean;
  onGrade: (r: Rating) => void;
  hideIntervals?: boolean;
}) {
  return (
    <div className="grades" role="group" aria-label="How well did you recall it?">
      {([1, 2, 3, 4] as Rating[]).map((r) => (
        <button
          key={r}
          type="button"
          className={`g${r}${proposed === r ? " proposed" : ""}`}
          disabled={disabled}
          onClick={() => onGrade(r)}
          aria-keyshortcuts={String(r)}
          aria-describedby={proposed === r ? "proposed-note" : undefined}
        >
          {LABELS[r]}
          {!hideIntervals && <small>{card.previews[r].label}</small>}
          {proposed === r && <small id="proposed-note">proposed</small>}
        </button>
      ))}
    </div>
  );
}

export function QuizSession({ deck, deckTitle, limit, mode, practice }: { deck: string; deckTitle: string; limit: number; mode: "flip" | "type"; practice: boolean }) {
  const [phase, setPhase] = useState<Phase>({ kind: "loading" });
  const [counts, setCounts] = useState<Counts | null>(null);
  const [tally, setTally] = useState<Record<Rating, number>>({ 1: 0, 2: 0, 3: 0, 4: 0 });
  const [busy, setBusy] = useState(false);
  const [typed, setTyped] = useState("");
  const [ticked, setTicked] = useState<boolean[]>([]);
  const [history, setHistory] = useState<{ reviewId: string; questionId: string; rating: Rating }[]>([]);
  const [note, setNote] = useState("");
  const practised = useRef<string[]>([]);
  const reviewed = tally[1] + tally[2] + tally[3] + tally[4];
  const startedAt = useRef(Date.now());
  const revealButton = useRef<HTMLButtonElement>(null);
  const answerBox = useRef<HTMLTextAreaElement>(null);

  const loadNext = useCallback(
    async (prefer?: string) => {
      setPhase({ kind: "loading" });
      setTyped("");
      setTicked([]);
      try {
        const params = new URLSearchParams({ deck });
        if (practice) params.set("practice", "1");
        if (practice && practised.current.length) params.set("exclude", practised.current.join(","));
        if (prefer) params.set("prefer", prefer);
        const res = await fetch(`/api/quiz/next?${params}`, { cache: "no-store" });
        const data = (await res.json()) as { card: QuizCard | null; counts: Counts; error?: string };
        if (!res.ok) throw new Error(data.error ?? res.statusText);
        setCounts(data.counts);
        setPhase(data.card ? { kind: "question", card: data.card, shownAt: Date.now() } : { kind: "done", reason: "empty" });
      } catch (err) {
        setPhase({ kind: "error", message: err instanceof Error ? err.message : String(err) });
      }
    },
    [deck, practice],
  );

  useEffect(() => {
    void loadNext();
  }, [loadNext]);

  useEffect(() => {
    if (phase.kind !== "question") return;
    if (mode === "type") answerBox.current?.focus();
    else revealButton.current?.focus();
  }, [phase, mode]);

  const reveal = useCallback(() => {
    if (phase.kind !== "question") return;
    setTicked(phase.card.keyPoints.map(() => false));
    setPhase({ ...phase, kind: "answer" });
  }, [phase]);

  const proposed = mode === "type" && phase.kind === "answer" ? proposeGrade(ticked.filter(Boolean).length, phase.card.keyPoints.length) : null;

  const grade = useCallback(
    async (rating: Rating) => {
      if (phase.kind !== "answer" || busy) return;
      setBusy(true);
      const reviewId = uuid();
      try {
        await postJson("/api/quiz/review", {
          reviewId,
          questionId: phase.card.questionId,
          rating,
          durationMs: Math.min(Date.now() - phase.shownAt, 3_600_000),
          ...(practice ? { practice: true } : {}),
        });
        if (practice) practised.current.push(phase.card.questionId);
        else setHistory((h) => [...h, { reviewId, questionId: phase.card.questionId, rating }]);
        const next = { ...tally, [rating]: tally[rating] + 1 };
        setTally(next);
        setNote("");
        if (next[1] + next[2] + next[3] + next[4] >= limit) setPhase({ kind: "done", reason: "limit" });
        else await loadNext();
      } catch (err) {
        setPhase({ kind: "error", message: err instanceof Error ? err.message : String(err) });
      } finally {
        setBusy(false);
      }
    },
    [phase, busy, tally, limit, loadNext, practice],
  );

  const undo = useCallback(async () => {
    const last = history[history.length - 1];
    if (!last || busy) return;
    setBusy(true);
    try {
      await postJson("/api/quiz/undo", { reviewId: last.reviewId });
      setHistory((h) => h.slice(0, -1));
      setTally((t) => ({ ...t, [last.rating]: Math.max(0, t[last.rating] - 1) }));
      setNote("Last answer undone.");
      await loadNext(last.questionId);
    } catch (err) {
      setNote(err instanceof Error ? err.message : String(err));
    } finally {
      setBusy(false);
    }
  }, [history, busy, loadNext]);

  const control = useCallback(
    async (action: "bury" | "suspend" | "flag" | "unflag") => {
      if ((phase.kind !== "question" && phase.kind !== "answer") || busy) return;
      setBusy(true);
      try {
        await postJson("/api/quiz/card", { questionId: phase.card.questionId, action });
        if (action === "flag" || action === "unflag") {
          setPhase({ ...phase, card: { ...phase.card, flagged: action === "flag" } });
          setNote(action === "flag" ? "Flagged. Find it under the Flagged deck." : "Flag removed.");
        } else {
          setNote(action === "bury" ? "Buried until tomorrow." : "Suspended. Release it from Progress.");
          await loadNext();
        }
      } catch (err) {
        setNote(err instanceof Error ? err.message : String(err));
      } finally {
        setBusy(false);
      }
    },
    [phase, busy, loadNext],
  );

  useEffect(() => {
    function onKey(e: KeyboardEvent) {
      const t = e.target as HTMLElement;
      const toggle = t.tagName === "INPUT" && ["checkbox", "radio"].includes((t as HTMLInputElement).type);
      const typing = !toggle && ["INPUT", "TEXTAREA", "SELECT"].includes(t.tagName);
      if (toggle && e.key === " ") return;
      if ((e.ctrlKey || e.metaKey) && e.key.toLowerCase() === "z" && !typing) {
        e.preventDefault();
        void undo();
        return;
      }
      if (phase.kind === "question" && typing && t === answerBox.current && e.key === "Enter" && (e.ctrlKey || e.metaKey)) {
        e.preventDefault();
        reveal();
        return;
      }
      if (typing || e.metaKey || e.ctrlKey || e.altKey) return;
      if (e.key === "u" || e.key === "U") {
        e.preventDefault();
        void undo();
      } else if (e.key === "-") {
        e.preventDefault();
        void control("bury");
      } else if (e.key === "@") {
        e.preventDefault();
        void control("suspend");
      } else if (e.key === "f" && (phase.kind === "question" || phase.kind === "answer")) {
        e.preventDefault();
        void control(phase.card.flagged ? "unflag" : "flag");
      } else if (phase.kind === "question" && (e.key === " " || e.key === "Enter")) {
        e.preventDefault();
        reveal();
      } else if (phase.kind === "answer" && ["1", "2", "3", "4"].includes(e.key)) {
        e.preventDefault();
        void grade(Number(e.key) as Rating);
      } else if (phase.kind === "answer" && (e.key === " " || e.key === "Enter")) {
        e.preventDefault();
        void grade(proposed ?? 3);
      }
    }
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [phase, grade, undo, control, reveal, proposed]);

  const current = phase.kind === "question" || phase.kind === "answer" ? phase.card : null;
  return (
    <section className="quiz" aria-label={`Quiz: ${deckTitle}`}>
      {practice && (
        <p className="practice-banner" role="note">
          Practice mode: weakest cards first. Your answers here do not change your review schedule.
        </p>
      )}
      <div className="quiz-counts" aria-label="Cards waiting">
        {counts && !practice && (
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

      <div className="quiz-tools" role="toolbar" aria-label="Card actions">
        <button type="button" className="icon-button" onClick={() => void undo()} disabled={!history.length || busy} aria-keyshortcuts="U Control+Z">
          Undo <kbd>U</kbd>
        </button>
        <button type="button" className="icon-button" onClick={() => void control("bury")} disabled={!current || busy} aria-keyshortcuts="-">
          Bury <kbd>-</kbd>
        </button>
        <button type="button" className="icon-button" onClick={() => void control("suspend")} disabled={!current || busy} aria-keyshortcuts="@">
          Suspend <kbd>@</kbd>
        </button>
        <button
          type="button"
          className="icon-button"
          aria-pressed={current?.flagged ?? false}
          onClick={() => current && void control(current.flagged ? "unflag" : "flag")}
          disabled={!current || busy}
          aria-keyshortcuts="F"
        >
          {current?.flagged ? "Unflag" : "Flag"} <kbd>F</kbd>
        </button>
        <span role="status" className="muted quiz-note">
          {note}
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

      {current && (
        <div className="quiz-card">
          <div className="tags">
            <span className="badge">{STATE_NAMES[current.state]}</span>
            <span className={`badge ${current.difficulty}`}>{current.difficulty}</span>
            {current.flagged && <span className="badge">flagged</span>}
            {current.changed && <span className="changed-note">Changed since you studied it</span>}
          </div>
          <div className="question" data-testid="quiz-question" dangerouslySetInnerHTML={{ __html: current.questionHtml }} />
          {phase.kind === "question" ? (
            mode === "type" ? (
              <>
                <label htmlFor="typed" className="visually-hidden">
                  Your answer
                </label>
                <textarea
                  id="typed"
                  ref={answerBox}
                  className="answer-box"
                  rows={6}
                  placeholder="Type your answer, then press Ctrl+Enter (⌘+Enter) to check it."
                  value={typed}
                  onChange={(e) => setTyped(e.target.value)}
                />
                <button type="button" className="button" onClick={reveal}>
                  Check my answer
                </button>
              </>
            ) : (
              <>
                <button ref={revealButton} type="button" className="button" onClick={reveal}>
                  Show answer
                </button>
                <p className="kbd-hint">
                  Recall your answer, then press <kbd>Space</kbd>.
                </p>
              </>
            )
          ) : (
            <>
              <AnswerView card={current} typed={mode === "type" ? typed : null} ticked={ticked} onTick={(i) => setTicked((t) => t.map((v, j) => (j === i ? !v : v)))} />
              {proposed && (
                <p className="muted" data-testid="proposed-grade">
                  You recalled {ticked.filter(Boolean).length} of {current.keyPoints.length} key points: proposed grade <strong>{LABELS[proposed]}</strong>. Press{" "}
                  <kbd>Enter</kbd> to accept or pick another.
                </p>
              )}
              <GradeButtons card={current} proposed={proposed} disabled={busy} onGrade={(r) => void grade(r)} hideIntervals={practice} />
              <p className="kbd-hint">
                <kbd>1</kbd> Again · <kbd>2</kbd> Hard · <kbd>3</kbd> Good · <kbd>4</kbd> Easy
                {practice ? "" : " — the small text is when you would see it next."}
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
            <p className="muted">
              You have reviewed everything due and used today&apos;s new cards. Come back tomorrow, raise new cards per day in Progress, or{" "}
              <Link href={`/quiz?deck=${deck}&practice=1`}>practise this deck</Link> without changing your schedule.
            </p>
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
