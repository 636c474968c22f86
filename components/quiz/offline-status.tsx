"use client";
import { useEffect, useState } from "react";
import { announce, OUTBOX_EVENT, syncOutbox } from "@/lib/quiz/offline-sync";

/**
 * "Offline — N answers waiting to sync", in a polite live region. Sends the outbox when the page loads
 * and whenever the browser comes back online; says what happened to answers the server refused.
 */
export function OfflineStatus() {
  const [waiting, setWaiting] = useState(0);
  const [online, setOnline] = useState(true);
  const [note, setNote] = useState("");

  useEffect(() => {
    const onCount = (e: Event) => {
      setWaiting((e as CustomEvent<number>).detail);
      setOnline(navigator.onLine);
    };
    const sync = () => {
      setOnline(navigator.onLine);
      if (!navigator.onLine) return;
      syncOutbox().then(
        (r) => setNote(r.refused.length ? `${r.refused.length} answer${r.refused.length === 1 ? " was" : "s were"} not stored: ${r.refused[0]}` : r.sent ? `Synced ${r.sent} answer${r.sent === 1 ? "" : "s"}.` : ""),
        (err: unknown) => setNote(`Could not sync answers: ${err instanceof Error ? err.message : String(err)}`),
      );
    };
    const offline = () => setOnline(false);
    window.addEventListener(OUTBOX_EVENT, onCount);
    window.addEventListener("online", sync);
    window.addEventListener("offline", offline);
    announce().then(sync, (err: unknown) => setNote(`Answers cannot be saved on this device: ${err instanceof Error ? err.message : String(err)}`));
    return () => {
      window.removeEventListener(OUTBOX_EVENT, onCount);
      window.removeEventListener("online", sync);
      window.removeEventListener("offline", offline);
    };
  }, []);

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
