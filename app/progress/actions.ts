"use server";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { validatedAction } from "@/lib/action";
import { db } from "@/lib/db/client";
import { ensureLearnerId } from "@/lib/learner/session";
import { saveSettings } from "@/lib/quiz/service";

const settingsSchema = z.object({
  desiredRetention: z.coerce.number().min(0.7, "Use at least 0.70").max(0.99, "Use at most 0.99"),
  newPerDay: z.coerce.number().int("Use a whole number").min(0, "Use 0 or more").max(500, "Use at most 500"),
});

export const updateSettings = validatedAction(settingsSchema, async (input) => {
  const learnerId = await ensureLearnerId();
  await saveSettings(db(), learnerId, input);
  revalidatePath("/progress");
  return { ok: true, message: "Settings saved." };
});
