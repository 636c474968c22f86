import { NextResponse } from "next/server";
import { z } from "zod";
import { AppError } from "./app-error";

// Every route handler goes through this: input validated by zod, known errors mapped to 4xx, never a raw 500 for bad input.

export function jsonError(status: number, message: string, details?: unknown) {
  return NextResponse.json({ error: message, ...(details ? { details } : {}) }, { status });
}

function describe(error: z.ZodError): string {
  return error.issues.map((i) => `${i.path.join(".") || "input"}: ${i.message}`).join("; ");
}

export function handleGet<S extends z.ZodType>(schema: S, handler: (input: z.infer<S>, req: Request) => Promise<Response>) {
  return async (req: Request) => {
    const params = Object.fromEntries(new URL(req.url).searchParams);
    const parsed = schema.safeParse(params);
    if (!parsed.success) return jsonError(400, `Invalid query: ${describe(parsed.error)}`);
    return run(() => handler(parsed.data, req));
  };
}

export function handlePost<S extends z.ZodType>(schema: S, handler: (input: z.infer<S>, req: Request) => Promise<Response>) {
  return async (req: Request) => {
    if (!(req.headers.get("content-type") ?? "").includes("application/json")) {
      return jsonError(415, "Send the body as JSON with Content-Type: application/json.");
    }
    let body: unknown;
    try {
      body = await req.json();
    } catch {
      return jsonError(400, "The request body is not valid JSON.");
    }
    const parsed = schema.safeParse(body);
    if (!parsed.success) return jsonError(400, `Invalid body: ${describe(parsed.error)}`);
    return run(() => handler(parsed.data, req));
  };
}

/** Runs a handler and maps an AppError to its status; routes without a body schema use it directly. */
export async function run(fn: () => Promise<Response>): Promise<Response> {
  try {
    return await fn();
  } catch (err) {
    if (err instanceof AppError) return jsonError(err.status, err.message);
    throw err;
  }
}
