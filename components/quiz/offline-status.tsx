"use client";
import { useEffect, useState } from "react";
import { announce, OUTBOX_EVENT, SYNC_EVENT, syncOutbox, type SyncResult } from "@/lib/quiz/offline-sync";

/** After a sync finds the server unreachable, the next try comes this much later, doubling up to the cap. */
const RETRY_FIRST_MS = 2_000;
const RETRY_MAX_MS = 60_000;

/**
 * "Offline — N answers waiting to sync", in a polite live region. Sends the outbox when the page loads
 * and whenever the browser comes back online; says what happened to answers the server refused.
 * `navigator.onLine` alone is not trusted: it says true behind a dead Wi-Fi, a captive portal or a
 * server that is down (and Chromium 150 keeps it true in a page reloaded under emulated offline). A sync
 * that cannot reach the server counts as offline too, and is tried again with backoff until it gets through.
 */
export function OfflineStatus() {
  const [waiting, setWaiting] = useState(0);
  const [browserOnline, setBrowserOnline] = useState(true);
  const [reachable, setReachable] = useState(true);
  const [note, setNote] = useState("");

  useEffect(() => {
    let retry: ReturnType<typeof setTimeout> | undefined;
    let delay = RETRY_FIRST_MS;
    const onCount = (e: Event) => {
      setWaiting((e as CustomEvent<number>).detail);
      setBrowserOnline(navigator.onLine);
    };
    const sync = () => {
      clearTimeout(retry);
      setBrowserOnline(navigator.onLine);
      // Offline for sure: the "online" event starts the next try.
      if (!navigator.onLine) return;
      // The outcome arrives as SYNC_EVENT (below), also for runs this component did not start.
      syncOutbox().catch((err: unknown) => setNote(`Could not sync answers: ${err instanceof Error ? err.message : String(err)}`));
    };
    const onSynced = (e: Event) => {
      const r = (e as CustomEvent<SyncResult>).detail;
      setReachable(!r.unreachable);
      clearTimeout(retry);
      if (r.unreachable) {
        retry = setTimeout(sync, delay);
        delay = Math.min(delay * 2, RETRY_MAX_MS);
        return;
      }
      delay = RETRY_FIRST_MS;
      // A run that found nothing to send (another run got there first) leaves the last outcome shown.
      if (r.refused.length) setNote(`${r.refused.length} answer${r.refused.length === 1 ? " was" : "s were"} not stored: ${r.refused[0]}`);
      else if (r.sent) setNote(`Synced ${r.sent} answer${r.sent === 1 ? "" : "s"}.`);
    };
    const offline = () => setBrowserOnline(false);
    window.addEventListener(OUTBOX_EVENT, onCount);
    window.addEventListener(SYNC_EVENT, onSynced);
    window.addEventListener("online", sync);
    window.addEventListener("offline", offline);
    announce().then(sync, (err: unknown) => setNote(`Answers cannot be saved on this device: ${err instanceof Error ? err.message : String(err)}`));
    return () => {
      clearTimeout(retry);
      window.removeEventListener(OUTBOX_EVENT, onCount);
      window.removeEventListener(SYNC_EVENT, onSynced);
      window.removeEventListener("online", sync);
      window.removeEventListener("offline", offline);
    };
  }, []);

  const online = browserOnline && reachable;

  const answers = `${waiting} answer${waiting === 1 ? "" : "s"}`;
  const text = !online
    ? waiting
      ? `Offline — ${answers} waiting to sync.`
      : "Offline — answers are saved on this device and synced when you are back online."
    : waiting
      ? `${answers} waiting to sync.`
      : note;
  return (
    <p role="status" aria-live="polite" className="muted offline-status" data-testid="offline-status">
      {text}
    </p>
  );
}
