"use client";
import { useEffect } from "react";

/** Forwards /glossary#<id> to the letter page that holds the term, when the term is not on this page. */
export function GlossaryHashRedirect({ exceptions }: { exceptions: Record<string, string> }) {
  useEffect(() => {
    const id = decodeURIComponent(window.location.hash.slice(1));
    if (!id || document.getElementById(id)) return;
    const key = exceptions[id] ?? (/^[a-z]/.test(id) ? id[0] : null);
    if (key) window.location.replace(`/glossary/${key}#${encodeURIComponent(id)}`);
  }, [exceptions]);
  return null;
}
