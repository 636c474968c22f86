import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { databaseProvider } from "../db/provider";
import { dataDir } from "../paths";

// Anonymous learners: a random id in a cookie, signed with HMAC so nobody can pick someone else's id.

export const LEARNER_COOKIE = "learner";
/**
 * Over https the cookie is `__Host-learner`: browsers accept that name only with Secure, Path=/ and no
 * Domain, so a page on a sibling subdomain cannot plant (fixate) a learner id for this host. A page on
 * another port of the same host still can (cookies ignore ports); see README "Security".
 */
export function learnerCookieName(): string {
  return process.env.COOKIE_SECURE === "1" ? `__Host-${LEARNER_COOKIE}` : LEARNER_COOKIE;
}
/** A base64url secret shorter than this many bytes is refused (HMAC-SHA256 wants a 256-bit key). */
const MIN_SECRET_BYTES = 32;
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
    if (fromEnv.trim().length < 32) throw new Error("SESSION_SECRET must be at least 32 characters long.");
    return (cachedSecret = Buffer.from(fromEnv));
  }
  const file = path.join(dataDir(), "session-secret");
  if (!fs.existsSync(file)) {
    fs.mkdirSync(dataDir(), { recursive: true });
    // Written whole to a temp file, then linked into place: link fails if another process won the race
    // (then both use theirs), and nobody can ever read a half-written, empty key.
    const tmp = `${file}.${process.pid}.${crypto.randomUUID()}.tmp`;
    fs.writeFileSync(tmp, crypto.randomBytes(MIN_SECRET_BYTES).toString("base64url"), { mode: 0o600 });
    try {
      fs.linkSync(tmp, file);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== "EEXIST") throw err;
    } finally {
      fs.rmSync(tmp, { force: true });
    }
  }
  cachedSecret = parseSecretFile(file, fs.readFileSync(file, "utf8"));
  return cachedSecret;
}

/** The key in a session-secret file, or an error that says how to fix the file: never an empty or short key. */
export function parseSecretFile(file: string, text: string): Buffer {
  const trimmed = text.trim();
  const key = /^[A-Za-z0-9_-]+$/.test(trimmed) ? Buffer.from(trimmed, "base64url") : Buffer.alloc(0);
  if (key.length < MIN_SECRET_BYTES || key.every((b) => b === 0)) {
    throw new Error(
      `${file} does not hold a usable session secret (it needs at least ${MIN_SECRET_BYTES} random bytes as base64url). ` +
        "Delete the file to have a new one generated (every learner cookie will be replaced), or set SESSION_SECRET.",
    );
  }
  return key;
}

/** 144 random bits, URL-safe. */
export function newLearnerId(): string {
  return crypto.randomBytes(18).toString("base64url");
}

/** 128 random bits, URL-safe: one per browser (the device row's id, carried in the cookie). */
export function newDeviceId(): string {
  return crypto.randomBytes(16).toString("base64url");
}

function mac(id: string, secret: Buffer): string {
  return crypto.createHmac("sha256", secret).update(id).digest("base64url");
}

const ID = /^[A-Za-z0-9_-]{22,64}$/;

/**
 * `learnerId.deviceId.mac`. The device id is signed together with the learner id, so a cookie cannot be
 * moved to another learner, and revoking the device (lib/learner/devices.ts) makes exactly this cookie stop working.
 */
export function signLearnerCookie(learnerId: string, deviceId: string, secret = sessionSecret()): string {
  const payload = `${learnerId}.${deviceId}`;
  return `${payload}.${mac(payload, secret)}`;
}

/** The cookie of an earlier version, `learnerId.mac`, with no device: still read (see devices.ts for how it is upgraded). */
export function signLearnerId(id: string, secret = sessionSecret()): string {
  return `${id}.${mac(id, secret)}`;
}

export interface LearnerCookie {
  learnerId: string;
  /** null for a cookie issued before devices existed. */
  deviceId: string | null;
}

/** The learner and device if the cookie value is intact, else null (missing, malformed or tampered). */
export function parseLearnerCookie(value: string | undefined | null, secret = sessionSecret()): LearnerCookie | null {
  if (!value) return null;
  const dot = value.lastIndexOf(".");
  if (dot <= 0) return null;
  const payload = value.slice(0, dot);
  const parts = payload.split(".");
  if (parts.length > 2 || !parts.every((p) => ID.test(p))) return null;
  const given = Buffer.from(value.slice(dot + 1));
  const expected = Buffer.from(mac(payload, secret));
  if (given.length !== expected.length || !crypto.timingSafeEqual(given, expected)) return null;
  return { learnerId: parts[0], deviceId: parts[1] ?? null };
}

/** The learner id if the cookie value is intact, else null. Says nothing about revocation: that needs the database. */
export function verifyLearnerCookie(value: string | undefined | null, secret = sessionSecret()): string | null {
  return parseLearnerCookie(value, secret)?.learnerId ?? null;
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
