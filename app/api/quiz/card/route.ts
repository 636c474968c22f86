import { NextResponse } from "next/server";
import { z } from "zod";
import { db } from "@/lib/db/client";
import { handlePost } from "@/lib/http";
import { currentTimeZone, ensureLearnerId } from "@/lib/learner/session";
import { buryCard, setFlagged, setSuspended } from "@/lib/quiz/service";

export const dynamic = "force-dynamic";

const body = z.object({
  questionId: z.string().regex(/^[a-z0-9-]{1,120}$/, "questionId must be a question id"),
  action: z.enum(["bury", "suspend", "unsuspend", "flag", "unflag"], { message: "action must be bury, suspend, unsuspend, flag or unflag" }),
});

export const POST = handlePost(body, async ({ questionId, action }) => {
  const learnerId = await ensureLearnerId();
  const now = new Date();
  const d = db();
  const state =
    action === "bury"
      ? await buryCard(d, learnerId, questionId, now, await currentTimeZone())
      : action === "suspend" || action === "unsuspend"
        ? await setSuspended(d, learnerId, questionId, action === "suspend", now)
        : await setFlagged(d, learnerId, questionId, action === "flag", now);
  return NextResponse.json({ questionId, ...state });
});
