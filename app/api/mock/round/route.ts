import { NextResponse } from "next/server";
import { z } from "zod";
import { getCaseStudy } from "@/lib/content/index";
import { handleGet } from "@/lib/http";
import { viewerQuiz } from "@/lib/quiz/current";

export const dynamic = "force-dynamic";

const query = z.object({
  seed: z.coerce.number().int().min(0).max(2 ** 31).default(() => Math.floor(Math.random() * 2 ** 31)),
  company: z
    .string()
    .regex(/^[a-z0-9-]{1,60}$/, "company must be a case-study id")
    .refine((c) => !!getCaseStudy(c), "no case study has that id")
    .optional(),
});

export const GET = handleGet(query, async ({ seed, company }) => NextResponse.json((await viewerQuiz()).mockRound(seed, company)));
