"use client";
import { usePathname } from "next/navigation";
import { useEffect } from "react";

/**
 * Switches on the Copy buttons that ingest puts beside code blocks. One delegated listener, no eval,
 * so it works under a strict Content-Security-Policy; without JavaScript the buttons stay hidden.
 */
export function CodeCopy() {
  const path = usePathname();
  useEffect(() => {
    for (const b of document.querySelectorAll<HTMLButtonElement>("button.copy-code[hidden]")) b.hidden = false;
  }, [path]);
  useEffect(() => {
    async function onClick(e: MouseEvent) {
      const button = (e.target as HTMLElement).closest?.("button.copy-code");
      if (!(button instanceof HTMLButtonElement)) return;
      const code = button.parentElement?.querySelector("pre")?.textContent ?? "";
      try {
        await navigator.clipboard.writeText(code);
        button.textContent = "Copied";
      } catch (err) {
        // Clipboard access can be refused (insecure origin, permissions); say so rather than pretend.
        button.textContent = "Copy failed";
        console.warn("copy failed", err);
      }
      setTimeout(() => (button.textContent = "Copy"), 2000);
    }
    document.addEventListener("click", onClick);
    return () => document.removeEventListener("click", onClick);
  }, []);
  return null;
}
