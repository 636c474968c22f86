"use client";
import { useEffect } from "react";
import { hasHint } from "@/lib/quiz/offline-store";

/**
 * Registers public/sw.js (production only: in `next dev` a caching worker would serve stale code) and
 * sends answers left queued by an offline quiz session when any page loads or the browser comes back
 * online. The sync code is loaded only when the outbox hint says there is something to send.
 */
export function ServiceWorker() {
  useEffect(() => {
    if (process.env.NODE_ENV === "production" && "serviceWorker" in navigator) {
      navigator.serviceWorker.register("/sw.js").catch((err: unknown) => console.warn("Offline support unavailable: service worker not registered", err));
    }
    const sync = () => {
      if (!navigator.onLine || !hasHint()) return;
      import("@/lib/quiz/offline-sync").then((m) => m.syncOutbox()).catch((err: unknown) => console.warn("quiz: queued answers not synced", err));
    };
    sync();
    window.addEventListener("online", sync);
    return () => window.removeEventListener("online", sync);
  }, []);
  return null;
}
