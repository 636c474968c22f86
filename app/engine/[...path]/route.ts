import { engineFileResponse } from "@/lib/exercises/engine-files";

// PGlite and Pyodide files for the practice workers, served from our origin with immutable caching.
export async function GET(_req: Request, ctx: { params: Promise<{ path: string[] }> }) {
  return engineFileResponse((await ctx.params).path);
}
