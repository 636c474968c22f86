import { NextResponse } from "next/server";
import { run } from "@/lib/http";
import { currentQuiz } from "@/lib/quiz/current";

export const dynamic = "force-dynamic";

export const GET = () => run(async () => NextResponse.json({ report: await (await currentQuiz()).fitStatus() }));

// Too few reviews (409) and a missing optimizer (501) come back as their own AppErrors, not one 409 for all.
export const POST = () => run(async () => NextResponse.json({ report: await (await currentQuiz()).fit() }, { status: 202 }));
