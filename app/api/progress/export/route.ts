import { NextResponse } from "next/server";
import { db } from "@/lib/db/client";
import { ensureLearnerId } from "@/lib/learner/session";
import { exportProgress } from "@/lib/quiz/portable";

export const dynamic = "force-dynamic";

export async function GET() {
  const learnerId = await ensureLearnerId();
  const now = new Date();
  return NextResponse.json(await exportProgress(db(), learnerId, now), {
    headers: { "content-disposition": `attachment; filename="de-interview-prep-progress-${now.toISOString().slice(0, 10)}.json"` },
  });
}
