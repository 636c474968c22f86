"use client";
import { useEffect } from "react";

/**
 * Opens the matching <details> while `query` matches and closes them when it stops matching. CSS already shows
 * their content on wide screens before hydration; opening them for real keeps the links focusable everywhere.
 */
export function OpenWhenWide({ selector, query }: { selector: string; query: string }) {
  useEffect(() => {
    const mq = matchMedia(query);
    const apply = () => {
      for (const d of document.querySelectorAll<HTMLDetailsElement>(selector)) d.open = mq.matches;
    };
    if (mq.matches) apply();
    mq.addEventListener("change", apply);
    return () => mq.removeEventListener("change", apply);
  }, [selector, query]);
  return null;
}
