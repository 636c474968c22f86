import { NextResponse } from "next/server";
import { handlePost } from "@/lib/http";
import { currentQuiz } from "@/lib/quiz/current";
import { reviewBody } from "@/lib/quiz/dto";

export const dynamic = "force-dynamic";

export const POST = handlePost(reviewBody, async (input) => NextResponse.json(await (await currentQuiz()).grade(input)));
