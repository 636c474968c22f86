import { NextResponse } from "next/server";
import { handlePost } from "@/lib/http";
import { currentQuiz } from "@/lib/quiz/current";
import { undoBody } from "@/lib/quiz/dto";

export const dynamic = "force-dynamic";

export const POST = handlePost(undoBody, async ({ reviewId }) => NextResponse.json(await (await currentQuiz()).undo(reviewId)));
