"use client";
import { useActionState } from "react";
import type { ActionState } from "@/lib/action";
import type { DeviceRow } from "@/lib/learner/current";
import styles from "./devices.module.css";

type Action = (prev: ActionState, data: FormData) => Promise<ActionState>;

/** The learner's linked browsers; any but this one can be unlinked. */
export function DeviceList({ devices, action }: { devices: DeviceRow[]; action: Action }) {
  const [state, formAction, pending] = useActionState(action, null);
  return (
    <>
      <ul className={styles.list} data-testid="device-list">
        {devices.map((d) => (
          <li key={d.id}>
            <span>
              <strong>{d.label}</strong>
              {d.current ? " (this browser)" : ""}
              <br />
              <small className="muted">
                added {d.added} · last seen {d.lastSeen}
              </small>
            </span>
            {!d.current && (
              <form action={formAction}>
                <input type="hidden" name="deviceId" value={d.id} />
                <button className="icon-button" type="submit" disabled={pending} aria-label={`Unlink ${d.label}, added ${d.added}`}>
                  Unlink
                </button>
              </form>
            )}
          </li>
        ))}
      </ul>
      <p role="status" className="muted">
        {state?.message}
      </p>
    </>
  );
}
