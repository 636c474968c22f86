"use client";
import Link from "next/link";
import { usePathname } from "next/navigation";
import { useEffect, useState } from "react";

const LINKS = [
  ["/chapters", "Chapters"],
  ["/case-studies", "Case studies"],
  ["/blueprint", "Blueprint"],
  ["/questions", "Questions"],
  ["/quiz", "Quiz"],
  ["/practice", "Practice"],
  ["/mock", "Mock"],
  ["/progress", "Progress"],
  ["/stats", "Stats"],
  ["/glossary", "Glossary"],
] as const;

/** The main links; on phones they fold behind a Menu button instead of a sideways scroll. */
export function NavLinks() {
  const path = usePathname();
  const [open, setOpen] = useState(false);
  const [ready, setReady] = useState(false);
  useEffect(() => setReady(true), []);
  // A followed link closes the menu: the new page should start with the content, not the menu.
  useEffect(() => setOpen(false), [path]);
  useEffect(() => {
    if (!open) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.key === "Escape") setOpen(false);
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [open]);
  return (
    <>
      <button type="button" className="icon-button menu-button" aria-expanded={open} aria-controls="main-nav" data-ready={ready || undefined} onClick={() => setOpen((o) => !o)}>
        <span aria-hidden="true">{open ? "✕" : "☰"}</span> Menu
      </button>
      <nav id="main-nav" className="main-nav" aria-label="Main" data-open={open || undefined}>
        {LINKS.map(([href, label]) => (
          <Link key={href} href={href} aria-current={path === href || path.startsWith(`${href}/`) ? "page" : undefined}>
            {label}
          </Link>
        ))}
      </nav>
    </>
  );
}
