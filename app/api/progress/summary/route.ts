import { NextResponse } from "next/server";
import { z } from "zod";
import { handleGet } from "@/lib/http";
import { studySummary } from "@/lib/study";

export const dynamic = "force-dynamic";

// The home page is prerendered for everyone; the learner's own counts come from here.
export const GET = handleGet(z.object({}), async () => NextResponse.json(await studySummary(), { headers: { "Cache-Control": "private, no-store" } }));
