"use client";
import Link from "next/link";
import { useEffect, useRef } from "react";
import type { QuestionView } from "@/lib/quiz/dto";

/**
 * The answer side: the model answer and its key points. With `typed` (typing mode, mock round) the
 * key points are a checklist and focus goes to its first box; otherwise focus goes to the answer.
 */
export function AnswerView({ question, typed, ticked, onTick }: { question: QuestionView; typed: string | null; ticked: boolean[]; onTick: (i: number) => void }) {
  const region = useRef<HTMLDivElement>(null);
  const firstBox = useRef<HTMLInputElement>(null);
  useEffect(() => {
    (firstBox.current ?? region.current)?.focus();
  }, [question.questionId]);
  return (
    <div ref={region} tabIndex={-1} className="answer-region" aria-label="Answer" data-testid="answer-region">
      <hr />
      {typed !== null && (
        <div className="typed-answer">
          <h3>Your answer</h3>
          <p data-testid="typed-answer">{typed || <span className="muted">(nothing typed)</span>}</p>
        </div>
      )}
      <div className="prose" data-testid="quiz-answer" dangerouslySetInnerHTML={{ __html: question.answerHtml }} />
      <h3>Key points{typed !== null ? " — tick what you recalled" : ""}</h3>
      {typed !== null ? (
        <ul className="key-points checklist">
          {question.keyPoints.map((k, i) => (
            <li key={k}>
              <label>
                <input ref={i === 0 ? firstBox : undefined} type="checkbox" checked={ticked[i] ?? false} onChange={() => onTick(i)} /> {k}
              </label>
            </li>
          ))}
        </ul>
      ) : (
        <ul className="key-points">
          {question.keyPoints.map((k) => (
            <li key={k}>{k}</li>
          ))}
        </ul>
      )}
      <p>
        <Link href={`/chapters/${question.chapter}`}>Read the section that teaches this</Link>
      </p>
    </div>
  );
}
