"use client";
// Postpone and Advance on Progress: two one-field forms. The limits come from lib/quiz/rules.ts, the same
// numbers the server's zod schemas enforce.
import { useActionState } from "react";
import type { ActionState } from "@/lib/action";
import { BACKLOG_LIMITS as L } from "@/lib/quiz/rules";

type Action = (prev: ActionState, data: FormData) => Promise<ActionState>;

function OneField({ action, name, label, help, initial, limits, button, testId }: { action: Action; name: string; label: string; help: string; initial: number; limits: { min: number; max: number; step: number }; button: string; testId: string }) {
  const [state, formAction, pending] = useActionState(action, null);
  return (
    <form className="settings-form" action={formAction} data-testid={testId}>
      <label>
        {label}
        <input type="number" name={name} {...limits} defaultValue={initial} required />
        <small className="muted">{help}</small>
        {state?.fieldErrors?.[name] && <span className="field-error">{state.fieldErrors[name]}</span>}
      </label>
      <div>
        <button className="button secondary" type="submit" disabled={pending}>
          {pending ? "Working…" : button}
        </button>{" "}
        <span role="status">{state?.message}</span>
      </div>
    </form>
  );
}

export function BacklogForms({ postpone, advance, overdue }: { postpone: Action; advance: Action; overdue: number }) {
  return (
    <>
      <OneField
        action={postpone}
        name="days"
        label="Postpone the overdue backlog: spread it over today and the next N days"
        help={`${overdue} review${overdue === 1 ? " is" : "s are"} due now. The weakest stay today; the ones you are likeliest to remember wait longest. Nothing is graded.`}
        initial={Math.min(L.spreadDays.max, 7)}
        limits={L.spreadDays}
        button="Postpone"
        testId="postpone-form"
      />
      <OneField
        action={advance}
        name="count"
        label="Advance: make the next N reviews due now"
        help="Before an interview, cards due after it come first; otherwise the ones you are likeliest to have forgotten."
        initial={Math.min(L.advanceCount.max, 20)}
        limits={L.advanceCount}
        button="Advance"
        testId="advance-form"
      />
    </>
  );
}
