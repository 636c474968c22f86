import { db } from "@/lib/db/client";
import { ensureLearnerId } from "@/lib/learner/session";
import { reviewLogCsv } from "@/lib/quiz/portable";

export const dynamic = "force-dynamic";

export async function GET() {
  const learnerId = await ensureLearnerId();
  return new Response(await reviewLogCsv(db(), learnerId), {
    headers: { "content-type": "text/csv; charset=utf-8", "content-disposition": 'attachment; filename="revlog.csv"' },
  });
}
