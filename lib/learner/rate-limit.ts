import crypto from "node:crypto";
import { AppError } from "../app-error";
import type { Db } from "../db/client";

// Guessing limits for link codes and recovery keys, kept in the database so every app instance counts
// the same attempts.
//
// Why these numbers: a code is 8 base32 characters, 2^40 ≈ 1.1e12 values. Even with 1,000 codes live at
// once, one guess hits some code with probability 1000 / 1.1e12 ≈ 9e-10. The global ceiling allows at
// most 200 failed guesses per 10 minutes from everyone together, 28,800 a day: about a 1 in 38,000
// chance per day of hitting any code at all, and no way to aim at a particular learner. The per-client
// limit (10 per 10 minutes) is what a person mistyping ever meets. The client is the first
// X-Forwarded-For address, which only a reverse proxy makes trustworthy; without one, a client can vary
// it to dodge the per-client limit, and the global ceiling is what still holds. The price of the
// ceiling: someone who spends 200 failures can block linking for everyone for up to 10 minutes.

export const WINDOW_MS = 10 * 60 * 1000;
export const PER_CLIENT_FAILURES = 10;
export const GLOBAL_FAILURES = 200;

export interface Limits {
  windowMs: number;
  perClient: number;
  global: number;
}
export const DEFAULT_LIMITS: Limits = { windowMs: WINDOW_MS, perClient: PER_CLIENT_FAILURES, global: GLOBAL_FAILURES };

/** A client's key for the attempt table: an HMAC of its address, so addresses themselves are never stored. */
export function clientKey(address: string, secret: Buffer): string {
  return crypto.createHmac("sha256", secret).update(`client:${address}`).digest("base64url").slice(0, 22);
}

export interface Attempt {
  /** The attempt succeeded: it stops counting against the client. */
  succeeded(): Promise<void>;
}

/**
 * Records an attempt before the secret is checked, then counts. Writing first is what makes the limit
 * hold across instances: of several attempts racing, each sees the others' rows, so they cannot all
 * slip under the limit. An attempt refused here is removed again (it checked nothing, so it is not a
 * failure) and throws a 429 that says how long to wait. A failed attempt simply stays.
 */
export async function beginAttempt(db: Db, client: string, now: Date, limits: Limits = DEFAULT_LIMITS): Promise<Attempt> {
  const since = new Date(now.getTime() - limits.windowMs);
  const id = crypto.randomUUID();
  await db.linkAttempt.deleteMany({ where: { at: { lt: since } } });
  await db.linkAttempt.create({ data: { id, clientId: client, at: now } });
  const [mine, all] = await Promise.all([
    db.linkAttempt.count({ where: { clientId: client, at: { gte: since } } }),
    db.linkAttempt.count({ where: { at: { gte: since } } }),
  ]);
  if (mine > limits.perClient || all > limits.global) {
    await db.linkAttempt.delete({ where: { id } });
    const minutes = Math.round(limits.windowMs / 60_000);
    throw new AppError(
      429,
      mine > limits.perClient
        ? `Too many wrong codes from this network. Wait ${minutes} minutes, then try again.`
        : `Too many wrong codes have been tried on this site just now. Wait ${minutes} minutes, then try again.`,
    );
  }
  return {
    succeeded: async () => {
      await db.linkAttempt.deleteMany({ where: { id } });
    },
  };
}
