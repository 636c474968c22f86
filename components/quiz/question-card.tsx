import type { QuestionView } from "@/lib/quiz/dto";
import { State } from "@/lib/quiz/enums";

const STATE_NAMES: Record<State, string> = { [State.New]: "New", [State.Learning]: "Learning", [State.Review]: "Review", [State.Relearning]: "Relearning" };

type Study = { state: State; flagged: boolean; changed: boolean };

/** Where a card stands for the learner: its state, flagged, changed since studied. Shared with exercise cards. */
export function StudyBadges({ study }: { study?: Study }) {
  if (!study) return null;
  return (
    <>
      <span className="badge">{STATE_NAMES[study.state]}</span>
      {study.flagged && <span className="badge">flagged</span>}
      {study.changed && <span className="changed-note">Changed since you studied it</span>}
    </>
  );
}

/** The question side: badges and the question text. A mock slot passes no study state. */
export function QuestionCard({ question, study }: { question: QuestionView; study?: Study }) {
  return (
    <>
      <div className="tags">
        {study && <span className="badge">{STATE_NAMES[study.state]}</span>}
        <span className={`badge ${question.difficulty}`}>{question.difficulty}</span>
        {study?.flagged && <span className="badge">flagged</span>}
        {study?.changed && <span className="changed-note">Changed since you studied it</span>}
      </div>
      <div className="question" data-testid="quiz-question" dangerouslySetInnerHTML={{ __html: question.questionHtml }} />
    </>
  );
}
