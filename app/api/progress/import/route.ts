import { NextResponse } from "next/server";
import { z } from "zod";
import { db } from "@/lib/db/client";
import { handlePost, jsonError } from "@/lib/http";
import { ensureLearnerId } from "@/lib/learner/session";
import { ImportError, importProgress } from "@/lib/quiz/portable";

export const dynamic = "force-dynamic";

// The full schema check happens inside importProgress, before anything is written.
export const POST = handlePost(z.unknown(), async (body) => {
  const learnerId = await ensureLearnerId();
  try {
    return NextResponse.json(await importProgress(db(), learnerId, body));
  } catch (err) {
    if (err instanceof ImportError) return jsonError(400, err.message);
    throw err;
  }
});
