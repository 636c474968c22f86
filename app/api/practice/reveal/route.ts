import { NextResponse } from "next/server";
import { z } from "zod";
import { handleGet, jsonError } from "@/lib/http";
import { revealExercise } from "@/lib/exercises/index";

export const dynamic = "force-dynamic";

const query = z.object({ id: z.string().regex(/^ex-[a-z0-9-]{1,120}$/, "id must be an exercise id (ex-…)") });

// The reference solutions and key ideas, fetched only once the learner passed or gave up.
export const GET = handleGet(query, async ({ id }) => {
  const r = revealExercise(id);
  return r ? NextResponse.json(r) : jsonError(404, `No exercise with id "${id}".`);
});
