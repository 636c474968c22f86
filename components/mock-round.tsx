"use client";
import Link from "next/link";
import { useEffect, useRef, useState } from "react";
import { quizApi, uuid } from "@/lib/quiz/client-api";
import type { MockSlotDto } from "@/lib/quiz/dto";
import { RATING_LABELS as LABELS, type Rating } from "@/lib/quiz/enums";
import { proposeGrade } from "@/lib/quiz/rubric";
import { CompanyOptions } from "./company-options";
import { AnswerView } from "./quiz/answer-view";
import { GradeBar } from "./quiz/grade-bar";
import { QuestionCard } from "./quiz/question-card";
import { useQuizKeys } from "./quiz/use-quiz-keys";

const KIND_LABEL = { "case-study": "Case study", concept: "Concept", sql: "SQL", design: "Design" } as const;

type Slot = MockSlotDto;
interface Result {
  slot: Slot;
  seconds: number;
  recalled: number;
  rating: Rating;
}

const mmss = (s: number) => `${s < 0 ? "-" : ""}${Math.floor(Math.abs(s) / 60)}:${String(Math.abs(s) % 60).padStart(2, "0")}`;

export function MockRound({ companies }: { companies: { id: string; company: string }[] }) {
  const [company, setCompany] = useState("");
  const [slots, setSlots] = useState<Slot[] | null>(null);
  const [index, setIndex] = useState(0);
  const [revealed, setRevealed] = useState(false);
  const [typed, setTyped] = useState("");
  const [ticked, setTicked] = useState<boolean[]>([]);
  const [results, setResults] = useState<Result[]>([]);
  const [startedAt, setStartedAt] = useState(0);
  const [now, setNow] = useState(0);
  const [error, setError] = useState("");
  const [busy, setBusy] = useState(false);
  const box = useRef<HTMLTextAreaElement>(null);

  useEffect(() => {
    if (!slots || index >= slots.length) return;
    const t = setInterval(() => setNow(Date.now()), 250);
    return () => clearInterval(t);
  }, [slots, index]);
  useEffect(() => box.current?.focus(), [index, slots]);

  const finished = slots !== null && index >= slots.length;
  const report = useRef<HTMLHeadingElement>(null);
  // The report replaces a long answer: start it at the top, with focus on its heading.
  useEffect(() => {
    if (!finished) return;
    window.scrollTo(0, 0);
    report.current?.focus();
  }, [finished]);

  const slot = slots && index < slots.length ? slots[index] : null;
  const elapsed = Math.floor((now - startedAt) / 1000);
  const proposed = slot && revealed ? proposeGrade(ticked.filter(Boolean).length, slot.question.keyPoints.length) : null;

  function show() {
    if (!slot) return;
    setTicked(slot.question.keyPoints.map(() => false));
    setRevealed(true);
  }

  async function grade(rating: Rating) {
    if (busy || !slot) return;
    setBusy(true);
    setError("");
    try {
      await quizApi.review({ reviewId: uuid(), questionId: slot.question.questionId, rating, durationMs: elapsed * 1000 });
      setResults((rs) => [...rs, { slot, seconds: elapsed, recalled: ticked.filter(Boolean).length, rating }]);
      setIndex((i) => i + 1);
      setRevealed(false);
      setTyped("");
      setStartedAt(Date.now());
      setNow(Date.now());
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
    } finally {
      setBusy(false);
    }
  }

  useQuizKeys({
    reveal: slot && !revealed ? show : undefined,
    grade: slot && revealed && !busy ? (r) => void grade(r) : undefined,
    accept: proposed ?? 3,
  });

  async function start() {
    setError("");
    let data;
    try {
      data = await quizApi.mockRound(company || undefined);
    } catch (err) {
      return setError(err instanceof Error ? err.message : String(err));
    }
    setSlots(data.slots);
    setIndex(0);
    setResults([]);
    setRevealed(false);
    setTyped("");
    setStartedAt(Date.now());
    setNow(Date.now());
  }

  if (!slots) {
    return (
      <div className="quiz-card">
        <label>
          Company focus (optional){" "}
          <select value={company} onChange={(e) => setCompany(e.target.value)}>
            <CompanyOptions companies={companies} />
          </select>
        </label>{" "}
        <button type="button" className="button" onClick={() => void start()}>
          Start the round
        </button>
        {error && (
          <p className="alert" role="alert">
            {error}
          </p>
        )}
      </div>
    );
  }

  if (!slot) {
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
              <th scope="col">Key points</th>
              <th scope="col">Grade</th>
            </tr>
          </thead>
          <tbody>
            {results.map((r) => (
              <tr key={r.slot.question.questionId}>
                <td>
                  <span className="hit-meta">{KIND_LABEL[r.slot.kind]}</span>
                  <br />
                  <Link href={`/questions/${r.slot.question.questionId}`} dangerouslySetInnerHTML={{ __html: r.slot.question.questionHtml }} />
                </td>
                <td className={r.seconds > r.slot.minutes * 60 ? "over-time" : ""}>
                  {mmss(r.seconds)} / {r.slot.minutes}:00
                  {r.seconds > r.slot.minutes * 60 && <strong> (over time)</strong>}
                </td>
                <td>
                  {r.recalled}/{r.slot.question.keyPoints.length}
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
        <button type="button" className="button" onClick={() => setSlots(null)}>
          Another round
        </button>
      </div>
    );
  }

  const left = slot.minutes * 60 - elapsed;

  return (
    <div className="quiz-card">
      <div className="quiz-counts">
        <span>
          Question {index + 1} of {slots.length} · {KIND_LABEL[slot.kind]}
        </span>
        <span style={{ marginLeft: "auto" }} className={left < 0 ? "over-time" : ""} data-testid="mock-timer" role="timer" aria-live="off">
          {left >= 0 ? `${mmss(left)} left` : `Over time by ${mmss(-left)}: wrap up your answer`}
        </span>
      </div>
      <QuestionCard question={slot.question} />
      {!revealed ? (
        <>
          <label htmlFor="mock-typed" className="visually-hidden">
            Your answer
          </label>
          <textarea id="mock-typed" ref={box} className="answer-box" rows={6} value={typed} onChange={(e) => setTyped(e.target.value)} placeholder="Answer out loud or type here; Ctrl+Enter (⌘+Enter) shows the model answer." />
          <button type="button" className="button" onClick={show}>
            I&apos;m done, show the model answer
          </button>
        </>
      ) : (
        <>
          <AnswerView question={slot.question} typed={typed} ticked={ticked} onTick={(i) => setTicked((t) => t.map((v, j) => (j === i ? !v : v)))} />
          {proposed && (
            <p className="muted" data-testid="proposed-grade">
              Proposed grade: <strong>{LABELS[proposed]}</strong>. Pick a grade to continue.
            </p>
          )}
          <GradeBar proposed={proposed} disabled={busy} onGrade={(r) => void grade(r)} />
        </>
      )}
      {error && (
        <p className="alert" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}
