import crypto from "node:crypto";

// Secrets a person reads off one screen and types into another: link codes and recovery keys.
// Crockford's base32 alphabet drops I, L, O and U, so nothing on screen can be misread as another
// character, and typing I/L for 1 or O for 0 still works (normalizeSecret folds them).

export const ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
export const BITS_PER_CHAR = Math.log2(ALPHABET.length); // 5

/** 8 characters = 40 bits: with 10-minute expiry, single use and the rate limits in rate-limit.ts, enough. */
export const LINK_CODE_LENGTH = 8;
/** 28 characters = 140 bits: no expiry and no rate limit can be relied on for a key that lives for years. */
export const RECOVERY_KEY_LENGTH = 28;
export const LINK_CODE_TTL_MS = 10 * 60 * 1000;

export type RandomIndex = (n: number) => number;
const secureIndex: RandomIndex = (n) => crypto.randomInt(n);

/** `length` characters of the alphabet, each uniform (crypto.randomInt has no modulo bias). */
export function randomSecret(length: number, random: RandomIndex = secureIndex): string {
  let out = "";
  for (let i = 0; i < length; i++) out += ALPHABET[random(ALPHABET.length)];
  return out;
}

export const newLinkCode = (random?: RandomIndex) => randomSecret(LINK_CODE_LENGTH, random);
export const newRecoveryKey = (random?: RandomIndex) => randomSecret(RECOVERY_KEY_LENGTH, random);

/** Upper case, separators and spaces dropped, I/L read as 1 and O as 0; null if anything else is left. */
export function normalizeSecret(input: string): string | null {
  const s = input
    .toUpperCase()
    .replace(/[\s\-_.]/g, "")
    .replace(/[IL]/g, "1")
    .replace(/O/g, "0");
  return /^[0-9A-HJKMNP-TV-Z]+$/.test(s) ? s : null;
}

/** Groups of four for reading aloud and typing: `7K2M-Q9XD`. */
export function groupSecret(secret: string): string {
  return secret.match(/.{1,4}/g)?.join("-") ?? "";
}

export type SecretKind = "link-code" | "recovery-key";

export function secretKind(normalized: string): SecretKind | null {
  if (normalized.length === LINK_CODE_LENGTH) return "link-code";
  if (normalized.length === RECOVERY_KEY_LENGTH) return "recovery-key";
  return null;
}

/**
 * A link code's stored form: HMAC with the session secret, so a copy of the database alone cannot be
 * searched for a live code (2^40 SHA-256 guesses would take a GPU minutes, well inside the 10 minutes).
 */
export function hashLinkCode(code: string, secret: Buffer): string {
  return crypto.createHmac("sha256", secret).update(`link-code:${code}`).digest("base64url");
}

/**
 * A recovery key's stored form: plain SHA-256, because 140 bits cannot be searched anyway and a key
 * must keep working after the session secret is replaced (that is when it is needed most).
 */
export function hashRecoveryKey(key: string): string {
  return crypto.createHash("sha256").update(`recovery-key:${key}`).digest("base64url");
}

export function linkCodeExpiry(now: Date): Date {
  return new Date(now.getTime() + LINK_CODE_TTL_MS);
}

export type CodeState = "valid" | "used" | "expired";

/** A code is usable until (not at) its expiry instant, and only once. */
export function codeState(row: { expiresAt: Date; usedAt: Date | null }, now: Date): CodeState {
  if (row.usedAt) return "used";
  return now.getTime() < row.expiresAt.getTime() ? "valid" : "expired";
}
