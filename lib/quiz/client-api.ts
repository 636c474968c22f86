// The browser's one way to call the quiz API. Every call either returns the typed response or throws
// an Error whose message can be shown to the learner as is (network failures included).
import type { ControlAction, ControlResponse, MockRoundResponse, NextResponse, PackResponse, ReviewBody, StudySummary, ReviewResponse, UndoResponse } from "./dto";

export function uuid(): string {
  if (typeof crypto.randomUUID === "function") return crypto.randomUUID();
  const b = crypto.getRandomValues(new Uint8Array(16));
  b[6] = (b[6] & 0x0f) | 0x40;
  b[8] = (b[8] & 0x3f) | 0x80;
  const h = [...b].map((x) => x.toString(16).padStart(2, "0")).join("");
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

const NETWORK = "Could not reach the server. Check your connection and try again.";

/** The request got no answer (offline, connection dropped): the quiz falls back to what the device has saved. */
export class NetworkError extends Error {}

async function errorOf(res: Response): Promise<string> {
  const data = (await res.json().catch((err: unknown) => ({ error: err instanceof Error ? res.statusText : String(err) }))) as { error?: string };
  return data.error ?? res.statusText ?? `HTTP ${res.status}`;
}

async function getJson<T>(url: string): Promise<T> {
  let res: Response;
  try {
    res = await fetch(url, { cache: "no-store" });
  } catch (err) {
    throw new NetworkError(NETWORK, { cause: err });
  }
  if (!res.ok) throw new Error(await errorOf(res));
  return (await res.json()) as T;
}

/** POSTs JSON, retrying network and 5xx failures with the same body: the server stores an answer once. */
export async function postJson<T>(url: string, body: object): Promise<T> {
  let last = "";
  for (let attempt = 0; attempt < 4; attempt++) {
    let res: Response | null = null;
    try {
      res = await fetch(url, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
    } catch (err) {
      // fetch rejects only when the request never got an answer; that is worth retrying.
      last = err instanceof Error ? err.message : String(err);
    }
    if (res?.ok) return (await res.json()) as T;
    if (res && res.status < 500) throw new Error(await errorOf(res));
    if (res) last = await errorOf(res);
    await new Promise((r) => setTimeout(r, 300 * 2 ** attempt));
  }
  throw new Error(`Could not save (${last || "no answer"}). Check your connection and try again.`);
}

export interface FitReportDto {
  status: "running" | "done" | "failed";
  reviews: number;
  logLossBefore?: number;
  logLossAfter?: number;
  fittedAt?: string;
  error?: string;
}

export const fitApi = {
  status: () => getJson<{ report: FitReportDto | null }>("/api/fsrs/fit"),
  start: () => postJson<{ report: FitReportDto }>("/api/fsrs/fit", {}),
};

export const progressApi = {
  summary: () => getJson<StudySummary>("/api/progress/summary"),
};

export const quizApi = {
  next(deck: string, opts: { practice?: boolean; exclude?: string[]; prefer?: string } = {}): Promise<NextResponse> {
    const params = new URLSearchParams({ deck });
    if (opts.practice) params.set("practice", "1");
    if (opts.exclude?.length) params.set("exclude", opts.exclude.join(","));
    if (opts.prefer) params.set("prefer", opts.prefer);
    return getJson(`/api/quiz/next?${params}`);
  },
  pack: (deck: string) => getJson<PackResponse>(`/api/quiz/pack?${new URLSearchParams({ deck })}`),
  review: (body: ReviewBody) => postJson<ReviewResponse>("/api/quiz/review", body),
  undo: (reviewId: string) => postJson<UndoResponse>("/api/quiz/undo", { reviewId }),
  control: (questionId: string, action: ControlAction) => postJson<ControlResponse>("/api/quiz/card", { questionId, action }),
  mockRound: (company?: string) => getJson<MockRoundResponse>(`/api/mock/round${company ? `?company=${encodeURIComponent(company)}` : ""}`),
};
