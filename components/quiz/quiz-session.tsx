"use client";
import Link from "next/link";
import { useEffect, useRef, useState } from "react";
import { RATING_LABELS, type Rating } from "@/lib/quiz/enums";
import { proposeGrade } from "@/lib/quiz/rubric";
import { AnswerView } from "./answer-view";
import { CardTools } from "./card-tools";
import { LazyExerciseCard as ExerciseCard } from "./lazy-exercise-card";
import { GradeBar } from "./grade-bar";
import { OfflineStatus } from "./offline-status";
import { QuestionCard, StudyBadges } from "./question-card";
import { SessionSummary } from "./session-summary";
import { useQuizKeys } from "./use-quiz-keys";
import { useQuizSession } from "./use-quiz-session";

export function QuizSession({ deck, deckTitle, limit, mode, practice }: { deck: string; deckTitle: string; limit: number; mode: "flip" | "type"; practice: boolean }) {
  const { state, reveal, grade, undo, control, loadNext, keepGoing } = useQuizSession({ deck, practice, limit });
  const { phase, counts, tally, busy, history, note } = state;
  const current = phase.kind === "question" || phase.kind === "answer" ? phase.card : null;
  const [typed, setTyped] = useState("");
  const [ticked, setTicked] = useState<boolean[]>([]);
  const revealButton = useRef<HTMLButtonElement>(null);
  const answerBox = useRef<HTMLTextAreaElement>(null);
  // An exercise card: the grade the workbench proposed when it was solved or given up (its rules, lib/exercises/grade.ts).
  const [attempt, setAttempt] = useState<{ id: string; proposed: Rating; passed: boolean } | null>(null);
  const reviewed = tally[1] + tally[2] + tally[3] + tally[4];
  const exercise = current?.exercise;
  const proposed =
    phase.kind !== "answer" ? null : exercise ? (attempt?.id === phase.card.questionId ? attempt.proposed : null) : mode === "type" ? proposeGrade(ticked.filter(Boolean).length, phase.card.keyPoints.length) : null;

  useEffect(() => {
    if (phase.kind !== "question") return;
    setTyped("");
    setTicked(phase.card.keyPoints.map(() => false));
    (mode === "type" ? answerBox.current : revealButton.current)?.focus();
  }, [phase.kind, current?.questionId, mode]); // eslint-disable-line react-hooks/exhaustive-deps

  useQuizKeys({
    // An exercise is revealed by solving it or giving up, not by a key.
    reveal: phase.kind === "question" && !exercise ? reveal : undefined,
    grade: phase.kind === "answer" && !busy ? (r) => void grade(r) : undefined,
    accept: proposed ?? 3,
    undo: history.length ? () => void undo() : undefined,
    bury: current ? () => void control("bury") : undefined,
    suspend: current ? () => void control("suspend") : undefined,
    flag: current ? () => void control(current.flagged ? "unflag" : "flag") : undefined,
  });

  const tools = (
    <CardTools canUndo={history.length > 0} hasCard={!!current} flagged={current?.flagged ?? false} busy={busy} note={note} onUndo={() => void undo()} onControl={(a) => void control(a)} />
  );

  return (
    <section className="quiz" aria-label={`Quiz: ${deckTitle}`}>
      {practice && (
        <p className="practice-banner" role="note">
          Practice mode: weakest cards first. Your answers here do not change your review schedule.
        </p>
      )}
      {deck === "interview" && phase.kind !== "loading" && !state.interviewDate && (
        <p className="alert" role="note" data-testid="no-interview-date">
          No interview date is set, so this deck covers every question at your usual retention. <Link href="/progress#interview">Set a date in Progress</Link>.
        </p>
      )}
      {!practice && <OfflineStatus />}
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

      {phase.kind !== "answer" && tools}
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
          {exercise ? (
            <ExerciseCard
              key={current.questionId}
              view={exercise}
              badges={<StudyBadges study={current} />}
              onFinish={(r) => {
                setAttempt({ id: current.questionId, proposed: r.proposed, passed: r.passed });
                reveal();
              }}
            />
          ) : (
            <QuestionCard question={current} study={current} />
          )}
          {phase.kind === "question" ? (
            exercise ? (
              <p className="kbd-hint">
                Write your solution and run it (<kbd>Ctrl/⌘ Enter</kbd>). When it passes, or you give up, grade it here.
              </p>
            ) : mode === "type" ? (
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
              {exercise ? (
                proposed && (
                  <p className="muted" data-testid="proposed-grade">
                    {attempt?.passed ? "Solved" : "Not solved"}: proposed grade <strong>{RATING_LABELS[proposed]}</strong>. Press <kbd>Enter</kbd> to accept or pick another.
                  </p>
                )
              ) : (
                <AnswerView question={current} typed={mode === "type" ? typed : null} ticked={ticked} onTick={(i) => setTicked((t) => t.map((v, j) => (j === i ? !v : v)))} />
              )}
              {proposed && !exercise && (
                <p className="muted" data-testid="proposed-grade">
                  You recalled {ticked.filter(Boolean).length} of {current.keyPoints.length} key points: proposed grade <strong>{RATING_LABELS[proposed]}</strong>. Press{" "}
                  <kbd>Enter</kbd> to accept or pick another.
                </p>
              )}
              <p className="kbd-hint">
                <kbd>1</kbd> Again · <kbd>2</kbd> Hard · <kbd>3</kbd> Good · <kbd>4</kbd> Easy
                {practice ? "" : " — the small text is when you would see it next."}
              </p>
              <GradeBar proposed={proposed} disabled={busy} onGrade={(r) => void grade(r)} intervals={practice ? undefined : current.previews}>
                {tools}
              </GradeBar>
            </>
          )}
        </div>
      )}

      {phase.kind === "done" && <SessionSummary reason={phase.reason} empty={phase.empty} deck={deck} tally={tally} startedAt={state.startedAt} onKeepGoing={keepGoing} />}
    </section>
  );
}
