import { NextResponse } from "next/server";
import { z } from "zod";
import { withBodyLimit } from "@/lib/body-limit";
import { db } from "@/lib/db/client";
import { handlePost } from "@/lib/http";
import { ensureLearnerId } from "@/lib/learner/session";
import { importProgress, MAX_IMPORT_BYTES } from "@/lib/quiz/portable";

export const dynamic = "force-dynamic";

// The full schema check happens inside importProgress, before anything is written; ImportError is an AppError.
export const POST = withBodyLimit(
  MAX_IMPORT_BYTES,
  handlePost(z.unknown(), async (body) => NextResponse.json(await importProgress(db(), await ensureLearnerId(), body))),
);
