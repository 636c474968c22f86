// Sending answers that were given offline (browser only). Each answer keeps the review id the device
// gave it, so sending one twice (a lost response, two tabs syncing) stores it once: the server answers
// the second copy as a duplicate. Answers go in the order they were given, one at a time.
import type { ReviewBody, ReviewResponse } from "./dto";
import { enqueue, queued, queuedCount, removeQueued } from "./offline-store";

/** Fired on window whenever the number of waiting answers may have changed; detail is the count. */
export const OUTBOX_EVENT = "quiz-outbox";
/**
 * Fired on window when a sync run ends, whoever started it (the status line, the service-worker hook, a
 * grade); detail is its SyncResult. Runs share one promise, so a caller that did not start the run
 * would otherwise not hear how it went.
 */
export const SYNC_EVENT = "quiz-synced";

const SEND_TIMEOUT_MS = 10_000;

export type SendResult = { kind: "stored"; response: ReviewResponse } | { kind: "unreachable" } | { kind: "refused"; message: string };

/**
 * One attempt, no retries: an unreachable server (or one failing with 5xx) means "queue it", so the
 * learner never waits on a grade button; a 4xx is final, because sending the same answer again cannot help.
 */
export async function sendReview(body: ReviewBody): Promise<SendResult> {
  let res: Response;
  try {
    // A connection that hangs counts as none: the answer is queued, and if it did arrive the replay is a duplicate.
    res = await fetch("/api/quiz/review", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body), signal: AbortSignal.timeout(SEND_TIMEOUT_MS) });
  } catch (err) {
    // fetch rejects only when no answer came back: offline, DNS, a dropped connection, the timeout.
    console.info("quiz: answer queued, server unreachable", err);
    return { kind: "unreachable" };
  }
  if (res.ok) return { kind: "stored", response: (await res.json()) as ReviewResponse };
  if (res.status >= 500 || res.status === 429) return { kind: "unreachable" };
  const data = (await res.json().catch((err: unknown) => ({ error: `${res.statusText} (${String(err)})` }))) as { error?: string };
  return { kind: "refused", message: data.error ?? `HTTP ${res.status}` };
}

export async function announce(): Promise<number> {
  const n = await queuedCount();
  window.dispatchEvent(new CustomEvent(OUTBOX_EVENT, { detail: n }));
  return n;
}

export interface SyncResult {
  sent: number;
  refused: string[];
  left: number;
  /** The run stopped because the server could not be reached (answers are still waiting). */
  unreachable: boolean;
}

let running: Promise<SyncResult> | undefined;

/** Sends the outbox in order until it is empty or the server cannot be reached. One run at a time. */
export function syncOutbox(): Promise<SyncResult> {
  return (running ??= drain().finally(() => {
    running = undefined;
  }));
}

async function drain(): Promise<SyncResult> {
  let sent = 0;
  let unreachable = false;
  const refused: string[] = [];
  for (const entry of await queued()) {
    const result = await sendReview(entry.body);
    if (result.kind === "unreachable") {
      unreachable = true;
      break;
    }
    // Stored, a duplicate, or refused for good (e.g. older than the server accepts): either way it leaves the outbox.
    if (result.kind === "refused") refused.push(result.message);
    else sent++;
    await removeQueued(entry.seq);
    await announce();
  }
  const result: SyncResult = { sent, refused, left: await announce(), unreachable };
  window.dispatchEvent(new CustomEvent(SYNC_EVENT, { detail: result }));
  return result;
}

/**
 * Grades one answer: sent now when the browser is online and nothing older is waiting (so the server
 * gets answers in order); otherwise, or when the server cannot be reached, queued on the device. Only a
 * queued answer carries its own time: one sent now is dated by the server, whatever this device's clock says.
 */
export async function submitAnswer(body: ReviewBody): Promise<"stored" | "queued"> {
  const reviewedAt = new Date().toISOString();
  const waiting = await queuedCount().catch((err: unknown) => {
    console.warn("quiz: the outbox cannot be read", err);
    return 0;
  });
  if (navigator.onLine && waiting === 0) {
    const result = await sendReview(body);
    if (result.kind === "stored") return "stored";
    if (result.kind === "refused") throw new Error(result.message);
  }
  await enqueue({ ...body, reviewedAt });
  await announce();
  if (navigator.onLine) syncOutbox().catch((err: unknown) => console.warn("quiz: sync failed", err));
  return "queued";
}
