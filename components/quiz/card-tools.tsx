import type { ControlAction } from "@/lib/quiz/dto";

/** Undo, bury, suspend and flag, with their keys. */
export function CardTools({
  canUndo,
  hasCard,
  flagged,
  busy,
  note,
  onUndo,
  onControl,
}: {
  canUndo: boolean;
  hasCard: boolean;
  flagged: boolean;
  busy: boolean;
  note: string;
  onUndo: () => void;
  onControl: (a: ControlAction) => void;
}) {
  return (
    <div className="quiz-tools" role="toolbar" aria-label="Card actions">
      <button type="button" className="icon-button" onClick={onUndo} disabled={!canUndo || busy} aria-keyshortcuts="U Control+Z">
        Undo <kbd>U</kbd>
      </button>
      <button type="button" className="icon-button" onClick={() => onControl("bury")} disabled={!hasCard || busy} aria-keyshortcuts="-">
        Bury <kbd>-</kbd>
      </button>
      <button type="button" className="icon-button" onClick={() => onControl("suspend")} disabled={!hasCard || busy} aria-keyshortcuts="@">
        Suspend <kbd>@</kbd>
      </button>
      <button type="button" className="icon-button" aria-pressed={flagged} onClick={() => onControl(flagged ? "unflag" : "flag")} disabled={!hasCard || busy} aria-keyshortcuts="F Shift+F">
        {flagged ? "Unflag" : "Flag"} <kbd>F</kbd>
      </button>
      <span role="status" className="muted quiz-note">
        {note}
      </span>
    </div>
  );
}
