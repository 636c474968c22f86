"use client";
import { useEffect, useRef, useState } from "react";
import { quizApi, uuid } from "@/lib/quiz/client-api";
import type { MockSlotDto } from "@/lib/quiz/dto";
import { RATING_LABELS as LABELS, type Rating } from "@/lib/quiz/enums";
import { proposeGrade } from "@/lib/quiz/rubric";
import { CompanyOptions } from "./company-options";
import { MockReport, type MockResult as Result } from "./mock-report";
import { LazyExerciseCard as ExerciseCard } from "./quiz/lazy-exercise-card";
import type { AttemptResult } from "./practice/exercise-workbench";
import { AnswerView } from "./quiz/answer-view";
import { GradeBar } from "./quiz/grade-bar";
import { QuestionCard } from "./quiz/question-card";
import { useQuizKeys } from "./quiz/use-quiz-keys";
import { KIND_LABEL, mmss } from "./mock-report";

type Slot = MockSlotDto;

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
  // The SQL slot is an exercise: solved (or given up) in the workbench, which proposes the grade.
  const [attempt, setAttempt] = useState<AttemptResult | null>(null);
  const box = useRef<HTMLTextAreaElement>(null);

  useEffect(() => {
    if (!slots || index >= slots.length) return;
    const t = setInterval(() => setNow(Date.now()), 250);
    return () => clearInterval(t);
  }, [slots, index]);
  useEffect(() => box.current?.focus(), [index, slots]);

  const slot = slots && index < slots.length ? slots[index] : null;
  const elapsed = Math.floor((now - startedAt) / 1000);
  const exercise = slot?.question.exercise;
  const proposed = slot && revealed ? (exercise ? (attempt?.proposed ?? null) : proposeGrade(ticked.filter(Boolean).length, slot.question.keyPoints.length)) : null;

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
      const verdict = exercise && attempt ? { passed: attempt.passed, gaveUp: attempt.gaveUp, runs: attempt.runs } : undefined;
      setResults((rs) => [...rs, { slot, seconds: elapsed, recalled: ticked.filter(Boolean).length, rating, verdict }]);
      setIndex((i) => i + 1);
      setRevealed(false);
      setAttempt(null);
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
    reveal: slot && !revealed && !exercise ? show : undefined,
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

  if (!slot) return <MockReport results={results} slots={slots} onAgain={() => setSlots(null)} />;

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
      {exercise ? (
        <ExerciseCard
          key={slot.question.questionId}
          view={exercise}
          onFinish={(r) => {
            setAttempt(r);
            setRevealed(true);
          }}
        />
      ) : (
        <QuestionCard question={slot.question} />
      )}
      {exercise ? (
        revealed && (
          <>
            {proposed && (
              <p className="muted" data-testid="proposed-grade">
                {attempt?.passed ? `Solved in ${attempt.runs} run${attempt.runs === 1 ? "" : "s"}` : "Not solved"}: proposed grade <strong>{LABELS[proposed]}</strong>. Pick a grade to continue.
              </p>
            )}
            <GradeBar proposed={proposed} disabled={busy} onGrade={(r) => void grade(r)} />
          </>
        )
      ) : !revealed ? (
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
