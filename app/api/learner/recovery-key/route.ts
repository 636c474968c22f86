import { NextResponse } from "next/server";
import { z } from "zod";
import { handlePost } from "@/lib/http";
import { newRecoveryKey } from "@/lib/learner/current";

export const dynamic = "force-dynamic";

export const POST = handlePost(z.object({}).strict(), async () => NextResponse.json(await newRecoveryKey(), { headers: { "Cache-Control": "private, no-store" } }));
