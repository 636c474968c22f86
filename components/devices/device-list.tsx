"use client";
import { useActionState } from "react";
import type { ActionState } from "@/lib/action";
import type { DeviceDto } from "@/lib/learner/devices";
import styles from "./devices.module.css";

type Action = (prev: ActionState, data: FormData) => Promise<ActionState>;

const day = (iso: string) => new Date(iso).toLocaleDateString(undefined, { year: "numeric", month: "short", day: "numeric" });

/** The learner's linked browsers; any but this one can be unlinked. */
export function DeviceList({ devices, action }: { devices: DeviceDto[]; action: Action }) {
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
                linked {day(d.createdAt)} · last seen {day(d.lastSeenAt)}
              </small>
            </span>
            {!d.current && (
              <form action={formAction}>
                <input type="hidden" name="deviceId" value={d.id} />
                <button className="icon-button" type="submit" disabled={pending} aria-label={`Unlink ${d.label}, linked ${day(d.createdAt)}`}>
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
