import { NextResponse } from "next/server";
import { z } from "zod";
import { getQuestion } from "@/lib/content/index";
import { db } from "@/lib/db/client";
import { handleGet } from "@/lib/http";
import { ensureLearnerId } from "@/lib/learner/session";
import { deckQuestions, deckSchema } from "@/lib/quiz/decks";
import { nextCard } from "@/lib/quiz/service";

export const dynamic = "force-dynamic";

export const GET = handleGet(z.object({ deck: deckSchema.default("all") }), async ({ deck }) => {
  const learnerId = await ensureLearnerId();
  const ids = deckQuestions(deck).map((q) => q.id);
  const { card, counts } = await nextCard(db(), learnerId, ids, new Date());
  if (!card) return NextResponse.json({ card: null, counts, deckSize: ids.length });
  const q = getQuestion(card.questionId)!;
  return NextResponse.json({
    card: { ...card, questionHtml: q.questionHtml, answerHtml: q.answerHtml, keyPoints: q.keyPoints, topic: q.topic, difficulty: q.difficulty, chapter: q.chapter },
    counts,
    deckSize: ids.length,
  });
});
