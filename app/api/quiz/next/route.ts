import { NextResponse } from "next/server";
import { handleGet } from "@/lib/http";
import { currentQuiz } from "@/lib/quiz/current";
import { nextQuery } from "@/lib/quiz/dto";

export const dynamic = "force-dynamic";

export const GET = handleGet(nextQuery, async (q) => NextResponse.json(await (await currentQuiz()).next(q)));
