"use client";
import { useRouter } from "next/navigation";
import { useEffect, useId, useRef, useState } from "react";

interface Hit {
  id: string;
  kind: string;
  titleHtml: string;
  context: string;
  url: string;
  snippet: string;
  difficulty: string;
}

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
  const [hits, setHits] = useState<Hit[] | null>(null);
  const [active, setActive] = useState(-1);
  const [open, setOpen] = useState(false);
  const [ready, setReady] = useState(false);

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

  useEffect(() => {
    const query = q.trim();
    if (!query) {
      setHits(null);
      return;
    }
    const ctrl = new AbortController();
    const timer = setTimeout(async () => {
      try {
        const res = await fetch(`/api/search?limit=8&q=${encodeURIComponent(query)}`, { signal: ctrl.signal });
        if (res.ok) {
          setHits(((await res.json()) as { hits: Hit[] }).hits);
          setActive(-1);
        }
      } catch {}
    }, 100);
    return () => {
      clearTimeout(timer);
      ctrl.abort();
    };
  }, [q]);

  const showList = open && hits !== null;
  return (
    <form
      role="search"
      action="/search"
      className="search-box"
      data-ready={ready || undefined}
      onSubmit={(e) => {
        if (active >= 0 && hits?.[active]) {
          e.preventDefault();
          setOpen(false);
          router.push(hits[active].url);
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
        aria-expanded={showList}
        aria-controls={listId}
        aria-activedescendant={active >= 0 ? `${listId}-${active}` : undefined}
        value={q}
        onChange={(e) => {
          setQ(e.target.value);
          setOpen(true);
        }}
        onFocus={() => setOpen(true)}
        onKeyDown={(e) => {
          if (!hits?.length) return;
          if (e.key === "ArrowDown") {
            e.preventDefault();
            setActive((a) => (a + 1) % hits.length);
          } else if (e.key === "ArrowUp") {
            e.preventDefault();
            setActive((a) => (a <= 0 ? hits.length - 1 : a - 1));
          } else if (e.key === "Escape") {
            setOpen(false);
            input.current?.blur();
          }
        }}
      />
      <kbd aria-hidden="true">/</kbd>
      {showList && (
        <ul className="search-results" id={listId} role="listbox" aria-label="Search results">
          {hits.length === 0 && <li className="empty">No results for “{q}”.</li>}
          {hits.map((h, i) => (
            <li key={h.id} id={`${listId}-${i}`} role="option" aria-selected={i === active}>
              <a href={h.url} onClick={() => setOpen(false)} tabIndex={-1}>
                <span className="hit-meta">
                  {KIND_LABEL[h.kind]} · {h.context}
                  {h.difficulty ? ` · ${h.difficulty}` : ""}
                </span>
                <div className="hit-title" dangerouslySetInnerHTML={{ __html: h.titleHtml }} />
                <div className="hit-snippet" dangerouslySetInnerHTML={{ __html: h.snippet }} />
              </a>
            </li>
          ))}
          {hits.length > 0 && (
            <li>
              <a href={`/search?q=${encodeURIComponent(q)}`} tabIndex={-1}>
                All results for “{q}” →
              </a>
            </li>
          )}
        </ul>
      )}
    </form>
  );
}
