import { NextResponse } from "next/server";
import { z } from "zod";
import { handleGet } from "@/lib/http";
import { KINDS, search } from "@/lib/search/index";

const query = z.object({
  q: z.string().max(200).default(""),
  kind: z.enum(KINDS).optional(),
  topic: z.string().max(60).optional(),
  difficulty: z.enum(["junior", "mid", "senior"]).optional(),
  limit: z.coerce.number().int().min(1).max(50).default(8),
});

export const GET = handleGet(query, async ({ q, ...opts }) => NextResponse.json({ query: q, hits: search(q, opts) }));
