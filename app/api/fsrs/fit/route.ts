import { NextResponse } from "next/server";
import { db } from "@/lib/db/client";
import { jsonError } from "@/lib/http";
import { ensureLearnerId } from "@/lib/learner/session";
import { fitStatus, startFit } from "@/lib/quiz/fit";

export const dynamic = "force-dynamic";

export async function GET() {
  return NextResponse.json({ report: await fitStatus(db(), await ensureLearnerId()) });
}

export async function POST() {
  const learnerId = await ensureLearnerId();
  const current = await fitStatus(db(), learnerId);
  if (current?.status === "running") return NextResponse.json({ report: current }, { status: 202 });
  try {
    return NextResponse.json({ report: await startFit(db(), learnerId) }, { status: 202 });
  } catch (err) {
    return jsonError(409, err instanceof Error ? err.message : String(err));
  }
}
