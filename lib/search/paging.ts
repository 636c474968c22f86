/** Page links for plain GET forms: the filters stay in the URL, so paging works without JavaScript. */
export function pageHref(base: string, params: Record<string, string | undefined>, page: number): string {
  const sp = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v) sp.set(k, v);
  if (page > 1) sp.set("page", String(page));
  const s = sp.toString();
  return s ? `${base}?${s}` : base;
}

/** A 1-based page number from a query string value, clamped to the pages that exist. */
export function pageNumber(raw: string | undefined, pages: number): number {
  const n = Number.parseInt(raw ?? "1", 10);
  return Number.isFinite(n) ? Math.min(Math.max(1, n), Math.max(1, pages)) : 1;
}
