import { z } from "zod";

// Server actions take FormData from strangers: validate with zod before anything else runs.
export type ActionState = { ok: boolean; message: string; fieldErrors?: Record<string, string> } | null;

export function validatedAction<S extends z.ZodType>(schema: S, action: (input: z.infer<S>) => Promise<ActionState>) {
  return async (_prev: ActionState, formData: FormData): Promise<ActionState> => {
    const parsed = schema.safeParse(Object.fromEntries(formData));
    if (!parsed.success) {
      const fieldErrors: Record<string, string> = {};
      for (const issue of parsed.error.issues) fieldErrors[String(issue.path[0] ?? "form")] ??= issue.message;
      return { ok: false, message: "Please fix the highlighted fields.", fieldErrors };
    }
    return action(parsed.data);
  };
}
