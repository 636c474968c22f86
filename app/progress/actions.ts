"use server";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { validatedAction } from "@/lib/action";
import { AppError } from "@/lib/app-error";
import { unlinkDevice } from "@/lib/learner/current";
import { revokeInput } from "@/lib/learner/dto";
import { currentQuiz } from "@/lib/quiz/current";
import { questionIdSchema } from "@/lib/quiz/rules";
import { interviewInput, settingsInput } from "@/lib/quiz/settings";
import { advanceInput, postponeInput } from "@/lib/quiz/backlog";

export const updateSettings = validatedAction(settingsInput, async (input) => {
  await (await currentQuiz()).updateSettings(input);
  revalidatePath("/progress");
  return { ok: true, message: "Settings saved." };
});

export const updateInterview = validatedAction(interviewInput, async (input) => {
  try {
    await (await currentQuiz()).updateInterview(input);
  } catch (err) {
    if (!(err instanceof AppError)) throw err;
    return { ok: false, message: "Pick a date in the future.", fieldErrors: { interviewDate: err.message } };
  }
  revalidatePath("/progress");
  return { ok: true, message: input.interviewDate ? "Interview mode is on." : "Interview mode is off." };
});

export const releaseCard = validatedAction(z.object({ questionId: questionIdSchema }), async ({ questionId }) => {
  await (await currentQuiz()).control(questionId, "unsuspend");
  revalidatePath("/progress");
  return { ok: true, message: "Released." };
});

export const revokeDevice = validatedAction(revokeInput, async ({ deviceId }) => {
  try {
    await unlinkDevice(deviceId);
  } catch (err) {
    if (!(err instanceof AppError)) throw err;
    return { ok: false, message: err.message };
  }
  revalidatePath("/progress");
  return { ok: true, message: "Unlinked. That browser no longer sees your progress." };
});

const cards = (n: number) => `${n} card${n === 1 ? "" : "s"}`;
const skippedNote = (n: number) => (n ? ` ${cards(n)} changed meanwhile and kept ${n === 1 ? "its" : "their"} date.` : "");

export const postponeBacklog = validatedAction(postponeInput, async ({ days }) => {
  const { moved, skipped } = await (await currentQuiz()).postpone(days);
  revalidatePath("/progress");
  if (moved + skipped === 0) return { ok: true, message: "Nothing to postpone: the overdue reviews fit in today." };
  return { ok: true, message: `Moved ${cards(moved)} to the next ${days} day${days === 1 ? "" : "s"}; the weakest stay due today.${skippedNote(skipped)}` };
});

export const advanceReviews = validatedAction(advanceInput, async ({ count }) => {
  const { moved, skipped } = await (await currentQuiz()).advance(count);
  revalidatePath("/progress");
  if (moved + skipped === 0) return { ok: true, message: "Nothing to advance: no review card is waiting." };
  return { ok: true, message: `${cards(moved)} ${moved === 1 ? "is" : "are"} due now, weakest first.${skippedNote(skipped)}` };
});
