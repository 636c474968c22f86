import { NextResponse } from "next/server";
import { handleGet } from "@/lib/http";
import { currentQuiz } from "@/lib/quiz/current";
import { packQuery } from "@/lib/quiz/dto";

export const dynamic = "force-dynamic";

export const GET = handleGet(packQuery, async (q) => NextResponse.json(await (await currentQuiz()).pack(q)));
