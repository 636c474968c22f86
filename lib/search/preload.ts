import { getContent } from "../content/index";
import { getSearchIndex } from "./index";

/** Loads the bundle and the index into the process-wide caches; a missing file is reported, not fatal (ingest may not have run yet). */
export function preloadSearch(log: (msg: string) => void = console.warn): boolean {
  const t = performance.now();
  try {
    getContent();
    getSearchIndex().search("preload");
  } catch (err) {
    log(`Search preload skipped: ${err instanceof Error ? err.message : String(err)}. The first search will load it.`);
    return false;
  }
  if (process.env.NODE_ENV !== "test") console.log(`Content and search index loaded in ${(performance.now() - t).toFixed(0)} ms`);
  return true;
}
