// Runs once when a server starts: load the content bundle and the search index before the first request,
// so the first search does not pay about a second of parsing.
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { preloadSearch } = await import("./lib/search/preload");
  preloadSearch();
}
