"use client";
import { useEffect, useState } from "react";

interface Section {
  anchor: string;
  title: string;
  depth: number;
}

/**
 * "On this page": a collapsible list under 1100 px, a sticky column above it that marks the section being read.
 * The marking is progressive: without JavaScript the links still work.
 */
export function OnThisPage({ sections }: { sections: Section[] }) {
  const [current, setCurrent] = useState<string | null>(null);
  useEffect(() => {
    const headings = sections.map((s) => document.getElementById(s.anchor)).filter((h): h is HTMLElement => h !== null);
    if (!headings.length) return;
    // The current section is the last heading above a line a fifth of the way down the viewport.
    const update = () => {
      const line = window.innerHeight / 5;
      let active = headings[0].id;
      for (const h of headings) {
        if (h.getBoundingClientRect().top <= line) active = h.id;
        else break;
      }
      setCurrent(active);
    };
    let frame = 0;
    const onScroll = () => {
      cancelAnimationFrame(frame);
      frame = requestAnimationFrame(update);
    };
    update();
    window.addEventListener("scroll", onScroll, { passive: true });
    window.addEventListener("resize", onScroll);
    return () => {
      cancelAnimationFrame(frame);
      window.removeEventListener("scroll", onScroll);
      window.removeEventListener("resize", onScroll);
    };
  }, [sections]);
  if (!sections.length) return null;
  return (
    <nav className="doc-toc" aria-label="On this page">
      <details className="collapsible">
        <summary>On this page</summary>
        <ul>
          {sections.map((s) => (
            <li key={s.anchor} className={`depth-${s.depth}`}>
              <a href={`#${s.anchor}`} aria-current={current === s.anchor ? "location" : undefined}>
                {s.title}
              </a>
            </li>
          ))}
        </ul>
      </details>
    </nav>
  );
}
