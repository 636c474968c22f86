import { NextResponse } from "next/server";
import { z } from "zod";
import { handlePost } from "@/lib/http";
import { newLinkCode } from "@/lib/learner/current";

export const dynamic = "force-dynamic";

export const POST = handlePost(z.object({}).strict(), async () => NextResponse.json(await newLinkCode(), { headers: { "Cache-Control": "private, no-store" } }));
