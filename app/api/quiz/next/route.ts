import { NextResponse } from "next/server";
import { z } from "zod";
import { getQuestion } from "@/lib/content/index";
import { db } from "@/lib/db/client";
import { handleGet } from "@/lib/http";
import { currentTimeZone, ensureLearnerId } from "@/lib/learner/session";
import { quizContext } from "@/lib/quiz/context";
import { deckSchema } from "@/lib/quiz/decks";
import { nextCard } from "@/lib/quiz/service";

export const dynamic = "force-dynamic";

const id = /^[a-z0-9-]{1,120}$/;
const query = z.object({
  deck: deckSchema.default("all"),
  practice: z.enum(["0", "1"]).default("0"),
  exclude: z
    .string()
    .max(20_000)
    .default("")
    .transform((s) => s.split(",").filter(Boolean))
    .refine((ids) => ids.length <= 500 && ids.every((x) => id.test(x)), "exclude must be comma-separated question ids"),
  prefer: z.string().regex(id, "prefer must be a question id").optional(),
});

export const GET = handleGet(query, async ({ deck, practice, exclude, prefer }) => {
  const learnerId = await ensureLearnerId();
  const now = new Date();
  const { ids, scope } = await quizContext(learnerId, deck, now);
  const tz = await currentTimeZone();
  const { card, counts } = await nextCard(db(), learnerId, ids, now, { interviewScope: scope, practice: practice === "1", exclude, prefer, tz });
  if (!card) return NextResponse.json({ card: null, counts, deckSize: ids.length });
  const q = getQuestion(card.questionId)!;
  return NextResponse.json({
    card: { ...card, questionHtml: q.questionHtml, answerHtml: q.answerHtml, keyPoints: q.keyPoints, topic: q.topic, difficulty: q.difficulty, chapter: q.chapter },
    counts,
    deckSize: ids.length,
  });
});
