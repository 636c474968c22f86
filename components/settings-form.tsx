"use client";
import { useActionState } from "react";
import type { ActionState } from "@/lib/action";
import { EASY_DAY_LEVELS, SETTINGS_LIMITS as L, STEPS_MAX_LENGTH, WEEKDAYS } from "@/lib/quiz/rules";
import { CompanyOptions } from "./company-options";

type Action = (prev: ActionState, data: FormData) => Promise<ActionState>;

function Field({ state, name, label, help, children }: { state: ActionState; name: string; label: string; help?: string; children: React.ReactNode }) {
  return (
    <label>
      {label}
      {children}
      {help && <small className="muted">{help}</small>}
      {state?.fieldErrors?.[name] && <span className="field-error">{state.fieldErrors[name]}</span>}
    </label>
  );
}

export function SettingsForm({
  action,
  initial,
}: {
  action: Action;
  initial: {
    desiredRetention: number;
    newPerDay: number;
    learningSteps: string;
    relearningSteps: string;
    maximumIntervalDays: number;
    reviewOrder: string;
    dailyGoal: number;
    rolloverHour: number;
    leechThreshold: number;
    leechAction: string;
    loadBalance: boolean;
    easyDays: string;
  };
}) {
  const [state, formAction, pending] = useActionState(action, null);
  return (
    <form className="settings-form" action={formAction}>
      <Field state={state} name="desiredRetention" label={`Desired retention (${L.desiredRetention.min.toFixed(2)}–${L.desiredRetention.max})`} help="The chance of recalling a card when it comes due. Higher means more reviews.">
        <input type="number" name="desiredRetention" {...L.desiredRetention} defaultValue={initial.desiredRetention} />
      </Field>
      <Field state={state} name="newPerDay" label="New cards per day">
        <input type="number" name="newPerDay" {...L.newPerDay} defaultValue={initial.newPerDay} />
      </Field>
      <Field state={state} name="learningSteps" label="Learning steps" help="Short intervals before a new card graduates, e.g. 1m 10m.">
        <input type="text" name="learningSteps" maxLength={STEPS_MAX_LENGTH} defaultValue={initial.learningSteps} />
      </Field>
      <Field state={state} name="relearningSteps" label="Relearning steps" help="After a lapse, e.g. 10m. Leave empty to let FSRS decide.">
        <input type="text" name="relearningSteps" maxLength={STEPS_MAX_LENGTH} defaultValue={initial.relearningSteps} />
      </Field>
      <Field state={state} name="maximumIntervalDays" label="Maximum interval (days)">
        <input type="number" name="maximumIntervalDays" {...L.maximumIntervalDays} defaultValue={initial.maximumIntervalDays} />
      </Field>
      <Field state={state} name="reviewOrder" label="Review order">
        <select name="reviewOrder" defaultValue={initial.reviewOrder}>
          <option value="due">Oldest due first</option>
          <option value="weakest">Weakest first (lowest recall)</option>
          <option value="random">Random (stable for the day)</option>
        </select>
      </Field>
      <Field state={state} name="dailyGoal" label="Daily goal (reviews; 0 = off)" help="Opt-in: shows a goal bar and a streak on Statistics.">
        <input type="number" name="dailyGoal" {...L.dailyGoal} defaultValue={initial.dailyGoal} />
      </Field>
      <Field state={state} name="rolloverHour" label={`Next day starts at (hour, ${L.rolloverHour.min}–${L.rolloverHour.max})`} help="As Anki: with 4, a session at 1 a.m. still counts as the day before.">
        <input type="number" name="rolloverHour" {...L.rolloverHour} defaultValue={initial.rolloverHour} />
      </Field>
      <Field state={state} name="leechThreshold" label="Leech threshold (lapses)" help="A card forgotten this many times is a leech: it is listed above with a link to rewrite or report it.">
        <input type="number" name="leechThreshold" {...L.leechThreshold} defaultValue={initial.leechThreshold} />
      </Field>
      <Field state={state} name="leechAction" label="Leech action">
        <select name="leechAction" defaultValue={initial.leechAction}>
          <option value="suspend">Suspend and list it</option>
          <option value="tag">Only list it</option>
        </select>
      </Field>
      <Field state={state} name="loadBalance" label="Load balancing" help="Spread reviews evenly: each review goes to the least busy day its interval allows.">
        <select name="loadBalance" defaultValue={initial.loadBalance ? "on" : "off"}>
          <option value="on">On</option>
          <option value="off">Off</option>
        </select>
      </Field>
      <fieldset className="topic-picks">
        <legend>Easy Days (with load balancing: fewer reviews on these days)</legend>
        {WEEKDAYS.map((day, i) => (
          <label key={day} className="inline-check">
            {day}{" "}
            <select name="easyDays" defaultValue={initial.easyDays[i] ?? "n"}>
              {EASY_DAY_LEVELS.map((l) => (
                <option key={l.code} value={l.code}>
                  {l.label}
                </option>
              ))}
            </select>
          </label>
        ))}
        {state?.fieldErrors?.easyDays && <span className="field-error">{state.fieldErrors.easyDays}</span>}
      </fieldset>
      <div>
        <button className="button" type="submit" disabled={pending}>
          {pending ? "Saving…" : "Save settings"}
        </button>{" "}
        <span role="status">{state?.message}</span>
      </div>
    </form>
  );
}

export function InterviewForm({
  action,
  initial,
  companies,
  topics,
}: {
  action: Action;
  initial: { interviewDate: string; interviewCompany: string; interviewTopics: string[] };
  companies: { id: string; company: string }[];
  topics: { id: string; title: string }[];
}) {
  const [state, formAction, pending] = useActionState(action, null);
  return (
    <form className="settings-form" action={formAction}>
      <Field state={state} name="interviewDate" label="Interview date" help="Leave empty to turn interview mode off.">
        <input type="date" name="interviewDate" defaultValue={initial.interviewDate} />
      </Field>
      <Field state={state} name="interviewCompany" label="Company (optional)" help="Adds its case-study questions and questions on its stack.">
        <select name="interviewCompany" defaultValue={initial.interviewCompany}>
          <CompanyOptions companies={companies} />
        </select>
      </Field>
      <fieldset className="topic-picks">
        <legend>Topics (optional)</legend>
        {topics.map((t) => (
          <label key={t.id} className="inline-check">
            <input type="checkbox" name="interviewTopics" value={t.id} defaultChecked={initial.interviewTopics.includes(t.id)} /> {t.title}
          </label>
        ))}
      </fieldset>
      {state?.fieldErrors?.interviewTopics && <span className="field-error">{state.fieldErrors.interviewTopics}</span>}
      <div>
        <button className="button" type="submit" disabled={pending}>
          {pending ? "Saving…" : "Save interview"}
        </button>{" "}
        <span role="status">{state?.message}</span>
      </div>
    </form>
  );
}
