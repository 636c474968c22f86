"use server";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { validatedAction } from "@/lib/action";
import { db } from "@/lib/db/client";
import { ensureLearnerId } from "@/lib/learner/session";
import { setSuspended } from "@/lib/quiz/service";
import { interviewInput, saveInterview, saveSettings, settingsInput } from "@/lib/quiz/settings";

export const updateSettings = validatedAction(settingsInput, async (input) => {
  await saveSettings(db(), await ensureLearnerId(), input);
  revalidatePath("/progress");
  return { ok: true, message: "Settings saved." };
});

export const updateInterview = validatedAction(interviewInput, async (input) => {
  if (input.interviewDate && input.interviewDate.getTime() <= Date.now()) {
    return { ok: false, message: "Pick a date in the future.", fieldErrors: { interviewDate: "The interview date must be in the future" } };
  }
  await saveInterview(db(), await ensureLearnerId(), input);
  revalidatePath("/progress");
  return { ok: true, message: input.interviewDate ? "Interview mode is on." : "Interview mode is off." };
});

export const releaseCard = validatedAction(z.object({ questionId: z.string().regex(/^[a-z0-9-]{1,120}$/) }), async ({ questionId }) => {
  await setSuspended(db(), await ensureLearnerId(), questionId, false, new Date());
  revalidatePath("/progress");
  return { ok: true, message: "Released." };
});
