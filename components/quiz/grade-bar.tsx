import type { ReactNode } from "react";
import { RATING_LABELS, RATINGS, type Rating } from "@/lib/quiz/enums";

/**
 * The grade buttons, kept in view at the bottom of the window however long the answer is, with the
 * card tools beside them. `intervals` are the study queue's previews; a mock round has none.
 */
export function GradeBar({
  proposed,
  disabled,
  onGrade,
  intervals,
  children,
}: {
  proposed: Rating | null;
  disabled: boolean;
  onGrade: (r: Rating) => void;
  intervals?: Record<Rating, { label: string }>;
  children?: ReactNode;
}) {
  return (
    <div className="grade-bar" data-testid="grade-bar" style={{ position: "sticky", bottom: 0, zIndex: 5, background: "var(--bg, Canvas)", paddingBlock: "0.5rem", borderTop: "1px solid var(--border, #ccc)" }}>
      <div className="grades" role="group" aria-label="How well did you recall it?">
        {RATINGS.map((r) => (
          <button
            key={r}
            type="button"
            className={`g${r}${proposed === r ? " proposed" : ""}`}
            disabled={disabled}
            onClick={() => onGrade(r)}
            aria-keyshortcuts={String(r)}
            aria-describedby={proposed === r ? "proposed-note" : undefined}
          >
            {RATING_LABELS[r]}
            {intervals && <small>{intervals[r].label}</small>}
            {proposed === r && <small id="proposed-note">proposed</small>}
          </button>
        ))}
      </div>
      {children}
    </div>
  );
}
