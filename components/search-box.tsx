"use client";
import { useRouter } from "next/navigation";
import { useEffect, useId, useRef, useState, type CSSProperties } from "react";
import styles from "./search-box.module.css";
import { useSearchResults } from "./use-search-results";

const KIND_LABEL: Record<string, string> = { chapter: "Chapter", "case-study": "Case study", question: "Question" };

/**
 * A plain GET form to /search (works without JavaScript), enhanced with results as you type.
 * `/` or Ctrl/Cmd-K focuses it from anywhere.
 */
export function SearchBox() {
  const router = useRouter();
  const input = useRef<HTMLInputElement>(null);
  const listId = useId();
  const [q, setQ] = useState("");
  const { hits, error } = useSearchResults(q);
  const [active, setActive] = useState(-1);
  const [open, setOpen] = useState(false);
  const [ready, setReady] = useState(false);
  const [top, setTop] = useState<number>();

  useEffect(() => {
    function onKey(e: KeyboardEvent) {
      const target = e.target as HTMLElement;
      const typing = target.isContentEditable || ["INPUT", "TEXTAREA", "SELECT"].includes(target.tagName);
      if ((e.key === "k" && (e.metaKey || e.ctrlKey)) || (e.key === "/" && !typing)) {
        e.preventDefault();
        input.current?.focus();
        input.current?.select();
      }
    }
    window.addEventListener("keydown", onKey);
    setReady(true);
    return () => window.removeEventListener("keydown", onKey);
  }, []);

  useEffect(() => setActive(-1), [hits]);

  // Arrow keys move through more results than fit: keep the highlighted one visible.
  useEffect(() => {
    if (active >= 0) document.getElementById(`${listId}-${active}`)?.scrollIntoView({ block: "nearest" });
  }, [active, listId]);

  const showPopup = open && (hits !== null || error !== null);
  useEffect(() => {
    if (showPopup) setTop(input.current ? input.current.getBoundingClientRect().bottom + 4 : undefined);
  }, [showPopup]);

  const go = (url: string) => {
    setOpen(false);
    router.push(url);
  };
  const showList = showPopup && !!hits?.length;

  return (
    <form
      role="search"
      aria-label="Site"
      action="/search"
      className={`search-box ${styles.box}`}
      data-ready={ready || undefined}
      onSubmit={(e) => {
        if (active >= 0 && hits?.[active]) {
          e.preventDefault();
          go(hits[active].url);
        }
      }}
      onBlur={(e) => {
        if (!e.currentTarget.contains(e.relatedTarget as Node)) setOpen(false);
      }}
    >
      <label htmlFor="site-search" className="visually-hidden">
        Search chapters, case studies and questions
      </label>
      <input
        ref={input}
        id="site-search"
        name="q"
        type="search"
        placeholder="Search…"
        autoComplete="off"
        role="combobox"
        aria-autocomplete="list"
        aria-expanded={showList}
        aria-controls={showList ? listId : undefined}
        aria-activedescendant={showList && active >= 0 ? `${listId}-${active}` : undefined}
        value={q}
        onChange={(e) => {
          setQ(e.target.value);
          setOpen(true);
        }}
        onFocus={() => setOpen(true)}
        onKeyDown={(e) => {
          if (e.key === "Escape") {
            // Chromium clears a search field on Escape; closing the popup must keep what was typed.
            if (showPopup) {
              e.preventDefault();
              setOpen(false);
            }
            return;
          }
          if (!hits?.length) return;
          if (e.key === "ArrowDown") {
            e.preventDefault();
            setOpen(true);
            setActive((a) => (a + 1) % hits.length);
          } else if (e.key === "ArrowUp") {
            e.preventDefault();
            setActive((a) => (a <= 0 ? hits.length - 1 : a - 1));
          }
        }}
      />
      <kbd aria-hidden="true">/</kbd>
      {showPopup && (
        <div className={`search-results ${styles.popup}`} style={top === undefined ? undefined : ({ "--search-top": `${top}px` } as CSSProperties)}>
          {error !== null && (
            <p className={styles.error} role="alert">
              Search failed: {error}. Press Enter for the full results page.
            </p>
          )}
          {hits?.length === 0 && (
            <p className={styles.message} role="status">
              No results for “{q}”.
            </p>
          )}
          {showList && (
            <ul className={styles.list} id={listId} role="listbox" aria-label="Search results">
              {hits.map((h, i) => (
                <li
                  key={h.id}
                  id={`${listId}-${i}`}
                  role="option"
                  aria-selected={i === active}
                  data-url={h.url}
                  // Keep focus in the box so the click is not lost to the form's blur handler.
                  onMouseDown={(e) => e.preventDefault()}
                  onClick={() => go(h.url)}
                >
                  <span className="hit-meta">
                    {KIND_LABEL[h.kind]} · {h.context}
                    {h.difficulty ? ` · ${h.difficulty}` : ""}
                  </span>
                  <div className="hit-title" dangerouslySetInnerHTML={{ __html: h.titleHtml }} />
                  <div className={`hit-snippet ${styles.snippet}`} dangerouslySetInnerHTML={{ __html: h.snippet }} />
                </li>
              ))}
            </ul>
          )}
          {!!hits?.length && (
            <a className={styles.all} href={`/search?q=${encodeURIComponent(q)}`}>
              All results for “{q}” →
            </a>
          )}
        </div>
      )}
    </form>
  );
}
