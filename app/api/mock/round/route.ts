import { NextResponse } from "next/server";
import { z } from "zod";
import { getCaseStudy, getQuestion } from "@/lib/content/index";
import { handleGet } from "@/lib/http";
import { composeRound } from "@/lib/quiz/mock";

export const dynamic = "force-dynamic";

const query = z.object({
  seed: z.coerce.number().int().min(0).max(2 ** 31).default(() => Math.floor(Math.random() * 2 ** 31)),
  company: z
    .string()
    .regex(/^[a-z0-9-]{1,60}$/, "company must be a case-study id")
    .refine((c) => !!getCaseStudy(c), "no case study has that id")
    .optional(),
});

export const GET = handleGet(query, async ({ seed, company }) => {
  const slots = composeRound({ seed, company }).map((s) => {
    const q = getQuestion(s.questionId)!;
    return { ...s, card: { questionId: q.id, questionHtml: q.questionHtml, answerHtml: q.answerHtml, keyPoints: q.keyPoints, topic: q.topic, difficulty: q.difficulty, chapter: q.chapter } };
  });
  return NextResponse.json({ seed, company: company ?? null, slots });
});
