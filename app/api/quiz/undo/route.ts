import { NextResponse } from "next/server";
import { z } from "zod";
import { db } from "@/lib/db/client";
import { handlePost } from "@/lib/http";
import { ensureLearnerId } from "@/lib/learner/session";
import { undoReview } from "@/lib/quiz/service";

export const dynamic = "force-dynamic";

export const POST = handlePost(z.object({ reviewId: z.uuid({ message: "reviewId must be the UUID of the answer to undo" }) }), async ({ reviewId }) => {
  const learnerId = await ensureLearnerId();
  return NextResponse.json(await undoReview(db(), learnerId, reviewId));
});
