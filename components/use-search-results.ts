"use client";
import { useEffect, useState } from "react";

export interface Hit {
  id: string;
  kind: string;
  titleHtml: string;
  context: string;
  url: string;
  snippet: string;
  difficulty: string;
}

export interface SearchState {
  hits: Hit[] | null;
  error: string | null;
}

/** Results for the typed query, debounced; a failed request becomes a message the box shows. */
export function useSearchResults(q: string, limit = 8): SearchState {
  const [state, setState] = useState<SearchState>({ hits: null, error: null });
  useEffect(() => {
    const query = q.trim();
    if (!query) {
      setState({ hits: null, error: null });
      return;
    }
    const ctrl = new AbortController();
    const timer = setTimeout(async () => {
      try {
        const res = await fetch(`/api/search?limit=${limit}&q=${encodeURIComponent(query)}`, { signal: ctrl.signal });
        const body = (await res.json().catch(() => ({}))) as { hits?: Hit[]; error?: string };
        if (!res.ok || !body.hits) throw new Error(body.error ?? `the server answered ${res.status}`);
        setState({ hits: body.hits, error: null });
      } catch (err) {
        // A newer keystroke aborted this request: its answer no longer matters.
        if (ctrl.signal.aborted) return;
        setState({ hits: null, error: err instanceof Error ? err.message : String(err) });
      }
    }, 100);
    return () => {
      clearTimeout(timer);
      ctrl.abort();
    };
  }, [q, limit]);
  return state;
}
