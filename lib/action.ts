import { z } from "zod";

// Server actions take FormData from strangers: validate with zod before anything else runs.
export type ActionState = { ok: boolean; message: string; fieldErrors?: Record<string, string> } | null;

export function validatedAction<S extends z.ZodType>(schema: S, action: (input: z.infer<S>) => Promise<ActionState>) {
  return async (_prev: ActionState, formData: FormData): Promise<ActionState> => {
    const parsed = schema.safeParse(formObject(formData));
    if (!parsed.success) {
      const fieldErrors: Record<string, string> = {};
      for (const issue of parsed.error.issues) fieldErrors[String(issue.path[0] ?? "form")] ??= issue.message;
      return { ok: false, message: "Please fix the highlighted fields.", fieldErrors };
    }
    return action(parsed.data);
  };
}

/** FormData as an object; a key sent more than once (checkbox groups) becomes an array. */
export function formObject(formData: FormData): Record<string, FormDataEntryValue | FormDataEntryValue[]> {
  const out: Record<string, FormDataEntryValue | FormDataEntryValue[]> = {};
  for (const key of new Set(formData.keys())) {
    if (key.startsWith("$ACTION")) continue;
    const all = formData.getAll(key);
    out[key] = all.length > 1 ? all : all[0];
  }
  return out;
}
