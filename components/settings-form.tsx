"use client";
import { useActionState } from "react";
import type { ActionState } from "@/lib/action";

export function SettingsForm({
  action,
  initial,
}: {
  action: (prev: ActionState, data: FormData) => Promise<ActionState>;
  initial: { desiredRetention: number; newPerDay: number };
}) {
  const [state, formAction, pending] = useActionState(action, null);
  return (
    <form className="settings-form" action={formAction}>
      <label>
        Desired retention (0.70–0.99)
        <input type="number" name="desiredRetention" step="0.01" min="0.7" max="0.99" defaultValue={initial.desiredRetention} aria-describedby="retention-help" />
        <small id="retention-help" className="muted">
          The chance of recalling a card when it comes due. Higher means more reviews.
        </small>
        {state?.fieldErrors?.desiredRetention && <span className="field-error">{state.fieldErrors.desiredRetention}</span>}
      </label>
      <label>
        New cards per day
        <input type="number" name="newPerDay" step="1" min="0" max="500" defaultValue={initial.newPerDay} />
        {state?.fieldErrors?.newPerDay && <span className="field-error">{state.fieldErrors.newPerDay}</span>}
      </label>
      <div>
        <button className="button" type="submit" disabled={pending}>
          {pending ? "Saving…" : "Save settings"}
        </button>{" "}
        <span role="status">{state?.message}</span>
      </div>
    </form>
  );
}
