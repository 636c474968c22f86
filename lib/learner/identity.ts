import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { databaseProvider } from "../db/provider";
import { dataDir } from "../paths";

// Anonymous learners: a random id in a cookie, signed with HMAC so nobody can pick someone else's id.

export const LEARNER_COOKIE = "learner";
/** Not secret and not trusted for identity: only which calendar day "today" is for this learner. */
export const TIME_ZONE_COOKIE = "tz";
export const COOKIE_MAX_AGE_SECONDS = 400 * 24 * 3600; // browsers cap cookie lifetime at 400 days

let cachedSecret: Buffer | undefined;

/**
 * PostgreSQL means a deployment that may run several instances, and each would otherwise generate its
 * own secret in its data dir: a learner's cookie would then be valid on one instance only. So there the
 * secret must come from the environment, shared by every instance.
 */
export function missingSharedSecret(env: Record<string, string | undefined> = process.env): string | null {
  if (databaseProvider(env.DATABASE_URL) !== "postgresql" || env.SESSION_SECRET) return null;
  return "With DATABASE_URL=postgresql://… set SESSION_SECRET (32+ characters), the same for every app instance, so a learner's cookie is valid on all of them.";
}

/** SESSION_SECRET if set (≥32 chars), else a random secret generated once and kept in the data dir. */
export function sessionSecret(): Buffer {
  if (cachedSecret) return cachedSecret;
  const missing = missingSharedSecret();
  if (missing) throw new Error(missing);
  const fromEnv = process.env.SESSION_SECRET;
  if (fromEnv) {
    if (fromEnv.length < 32) throw new Error("SESSION_SECRET must be at least 32 characters long.");
    return (cachedSecret = Buffer.from(fromEnv));
  }
  const file = path.join(dataDir(), "session-secret");
  try {
    cachedSecret = Buffer.from(fs.readFileSync(file, "utf8").trim(), "base64url");
  } catch {
    fs.mkdirSync(dataDir(), { recursive: true });
    const fresh = crypto.randomBytes(32).toString("base64url");
    try {
      // `wx` fails if another process won the race; then read theirs so both sign with the same key.
      fs.writeFileSync(file, fresh, { flag: "wx", mode: 0o600 });
    } catch {}
    cachedSecret = Buffer.from(fs.readFileSync(file, "utf8").trim(), "base64url");
  }
  return cachedSecret;
}

/** 144 random bits, URL-safe. */
export function newLearnerId(): string {
  return crypto.randomBytes(18).toString("base64url");
}

function mac(id: string, secret: Buffer): string {
  return crypto.createHmac("sha256", secret).update(id).digest("base64url");
}

export function signLearnerId(id: string, secret = sessionSecret()): string {
  return `${id}.${mac(id, secret)}`;
}

/** The learner id if the cookie value is intact, else null (missing, malformed or tampered). */
export function verifyLearnerCookie(value: string | undefined | null, secret = sessionSecret()): string | null {
  if (!value) return null;
  const dot = value.lastIndexOf(".");
  if (dot <= 0) return null;
  const id = value.slice(0, dot);
  if (!/^[A-Za-z0-9_-]{22,64}$/.test(id)) return null;
  const given = Buffer.from(value.slice(dot + 1));
  const expected = Buffer.from(mac(id, secret));
  return given.length === expected.length && crypto.timingSafeEqual(given, expected) ? id : null;
}

export function cookieOptions() {
  return {
    httpOnly: true,
    sameSite: "lax" as const,
    path: "/",
    maxAge: COOKIE_MAX_AGE_SECONDS,
    // Plain http on localhost is the default install; set COOKIE_SECURE=1 behind https.
    secure: process.env.COOKIE_SECURE === "1",
  };
}
