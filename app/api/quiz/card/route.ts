import { NextResponse } from "next/server";
import { handlePost } from "@/lib/http";
import { currentQuiz } from "@/lib/quiz/current";
import { controlBody } from "@/lib/quiz/dto";

export const dynamic = "force-dynamic";

export const POST = handlePost(controlBody, async ({ questionId, action }) => NextResponse.json(await (await currentQuiz()).control(questionId, action)));
