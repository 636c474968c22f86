"use client";
import { useEffect } from "react";

/** Tells the server the learner's time zone, so "today" (new cards, burying, streaks) is their day. */
export function TimeZoneCookie() {
  useEffect(() => {
    try {
      const tz = Intl.DateTimeFormat().resolvedOptions().timeZone;
      if (tz && !document.cookie.split("; ").includes(`tz=${encodeURIComponent(tz)}`)) {
        document.cookie = `tz=${encodeURIComponent(tz)}; path=/; max-age=34560000; samesite=lax`;
      }
    } catch (err) {
      // Without the cookie the server falls back to UTC days; say so rather than fail silently.
      console.warn("Time zone not sent; days will follow UTC:", err);
    }
  }, []);
  return null;
}
