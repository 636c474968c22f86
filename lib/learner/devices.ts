// Devices of a learner: which browser a cookie is, linking another browser with a one-time code or the
// recovery key, and unlinking. Everything here takes the database and the clock, so tests run it on a
// temp database with a fixed time; lib/learner/current.ts binds it to the request.
import { AppError } from "../app-error";
import type { Db } from "../db/client";
import { directOf } from "../db/pg-direct";
import { Prisma } from "../generated/prisma/client";
import { codeState, groupSecret, hashLinkCode, hashRecoveryKey, linkCodeExpiry, newLinkCode, newRecoveryKey, normalizeSecret, secretKind, type RandomIndex, type SecretKind } from "./codes";
import { logDeviceEvent } from "./events";
import { newDeviceId, type LearnerCookie } from "./identity";
import { beginAttempt, DEFAULT_LIMITS, type Limits } from "./rate-limit";
import { deviceLabel } from "./user-agent";

const DAY_MS = 24 * 3600 * 1000;

export type Identity =
  /** No cookie, or a tampered one. */
  | { kind: "anonymous" }
  /**
   * The cookie's learner. `reissue` asks the caller to set the cookie again with `deviceId` (a cookie of
   * an earlier version, now given a device); only routes and actions can, pages cannot.
   */
  | { kind: "active"; learnerId: string; deviceId: string | null; reissue: boolean }
  /** The device was unlinked (revokedAt), or is a stale copy of a pre-device cookie (revokedAt null). */
  | { kind: "revoked"; revokedAt: Date | null };

export interface ResolveOptions {
  now: Date;
  userAgent?: string | null;
  /** Give a pre-device cookie its device now: only where the response can set the cookie. */
  upgradeLegacy?: boolean;
}

/**
 * Who a signed cookie is, and whether its device may still act for the learner. One query (learner with
 * that one device), and a write only the first time (the device row) and once a day (last seen).
 *
 * Device rows are created lazily: only once the learner has a row (so a passing visitor or a crawler
 * that calls the API writes nothing), and never deleted on unlink, so "no row" always means "not created
 * yet" and can be trusted as active.
 */
export async function resolveIdentity(db: Db, cookie: LearnerCookie | null, opts: ResolveOptions): Promise<Identity> {
  if (!cookie) return { kind: "anonymous" };
  const { learnerId, deviceId } = cookie;
  if (deviceId) {
    const { learner, device } = await readDevice(db, learnerId, deviceId);
    if (device?.revokedAt) return { kind: "revoked", revokedAt: device.revokedAt };
    if (learner && !device) await addDevice(db, learnerId, deviceId, opts.userAgent, opts.now);
    else if (device && opts.now.getTime() - device.lastSeenAt.getTime() >= DAY_MS) {
      await db.device.updateMany({ where: { id: deviceId, revokedAt: null }, data: { lastSeenAt: opts.now } });
    }
    return { kind: "active", learnerId, deviceId, reissue: false };
  }
  // A cookie from before devices existed. Only one browser ever held it, and that browser is given a
  // device on its first API call. So once the learner has any device, a device-less copy of the cookie
  // is a stale or stolen one, and unlinking could never reach it: refuse it.
  const learner = await db.learner.findUnique({ where: { id: learnerId }, select: { devices: { select: { id: true }, take: 1 } } });
  if (learner && learner.devices.length > 0) return { kind: "revoked", revokedAt: null };
  if (!opts.upgradeLegacy) return { kind: "active", learnerId, deviceId: null, reissue: false };
  const fresh = newDeviceId();
  if (learner) await addDevice(db, learnerId, fresh, opts.userAgent, opts.now);
  return { kind: "active", learnerId, deviceId: fresh, reissue: true };
}

/**
 * The learner row and this device of theirs, in one raw statement: every API request asks this first,
 * and the model API's relation query cost ~1.2 ms of Node CPU on SQLite and ~1.6 ms on PostgreSQL
 * against ~0.2 ms raw (its query compiler; lib/quiz/card-reads.ts says why raw). On PostgreSQL it runs
 * on the pool (lib/db/pg-direct.ts).
 */
async function readDevice(db: Db, learnerId: string, deviceId: string): Promise<{ learner: boolean; device: { revokedAt: Date | null; lastSeenAt: Date } | null }> {
  const rows = await directOf(db).$queryRaw<{ id: string; deviceId: string | null; revokedAt: Date | null; lastSeenAt: Date | null }[]>`
    SELECT l."id", d."id" AS "deviceId", d."revokedAt", d."lastSeenAt" FROM "Learner" l
      LEFT JOIN "Device" d ON d."id" = ${deviceId} AND d."learnerId" = l."id"
    WHERE l."id" = ${learnerId}`;
  const r = rows[0];
  if (!r) return { learner: false, device: null };
  return { learner: true, device: r.deviceId == null ? null : { revokedAt: r.revokedAt ?? null, lastSeenAt: r.lastSeenAt as Date } };
}

async function addDevice(db: Db, learnerId: string, deviceId: string, userAgent: string | null | undefined, now: Date) {
  // Two first requests of one browser may race here; the loser's insert is a no-op.
  await db.device
    .upsert({
      where: { id: deviceId },
      create: { id: deviceId, learnerId, label: deviceLabel(userAgent), createdAt: now, lastSeenAt: now },
      update: {},
    })
    .catch(rethrowUnlessUnique);
}

const ensureLearnerRow = (db: Db, learnerId: string) => db.learner.upsert({ where: { id: learnerId }, create: { id: learnerId }, update: {} });
const isUniqueViolation = (err: unknown) => err instanceof Prisma.PrismaClientKnownRequestError && err.code === "P2002";

export interface IssuedCode {
  /** Grouped for reading: `7K2M-Q9XD`. */
  code: string;
  expiresAt: Date;
}

/**
 * A one-time link code for this learner. Only its HMAC is stored; the learner's earlier unused code is
 * dropped, so a learner has at most one live code, and the table holds at most one unused row per learner
 * plus the codes used in the last day.
 */
export async function createLinkCode(
  db: Db,
  { learnerId, deviceId, userAgent, secret, now, random }: { learnerId: string; deviceId: string | null; userAgent: string | null; secret: Buffer; now: Date; random?: RandomIndex },
): Promise<IssuedCode> {
  await ensureLearnerRow(db, learnerId);
  // The first write of a new learner: its own browser becomes its first device here.
  if (deviceId) await addDevice(db, learnerId, deviceId, userAgent, now);
  // Used codes stay a day, so entering one again says "already used" rather than "does not exist".
  await db.linkCode.deleteMany({ where: { learnerId, OR: [{ usedAt: null }, { usedAt: { lt: new Date(now.getTime() - DAY_MS) } }] } });
  for (let attempt = 0; ; attempt++) {
    const code = newLinkCode(random);
    try {
      await db.linkCode.create({ data: { hash: hashLinkCode(code, secret), learnerId, createdAt: now, expiresAt: linkCodeExpiry(now) } });
      logDeviceEvent("link-code.created", { learnerId, deviceId: deviceId ?? undefined }, now);
      return { code: groupSecret(code), expiresAt: linkCodeExpiry(now) };
    } catch (err) {
      // Another learner's live code with the same value (about 1 in 10^9 per live code): draw again.
      if (!isUniqueViolation(err) || attempt >= 3) throw err;
    }
  }
}

function rethrowUnlessUnique(err: unknown) {
  if (!isUniqueViolation(err)) throw err;
}

/** A new recovery key, shown once; it replaces the learner's previous one. Only its SHA-256 is stored. */
export async function createRecoveryKey(
  db: Db,
  { learnerId, deviceId, userAgent, now, random }: { learnerId: string; deviceId: string | null; userAgent: string | null; now: Date; random?: RandomIndex },
): Promise<{ key: string }> {
  await ensureLearnerRow(db, learnerId);
  if (deviceId) await addDevice(db, learnerId, deviceId, userAgent, now);
  const key = newRecoveryKey(random);
  const hash = hashRecoveryKey(key);
  await db.recoveryKey.upsert({ where: { learnerId }, create: { learnerId, hash, createdAt: now }, update: { hash, createdAt: now } });
  logDeviceEvent("recovery-key.created", { learnerId }, now);
  return { key: groupSecret(key) };
}

export interface RedeemInput {
  /** What the person typed: a link code or a recovery key, with or without dashes. */
  secret: string;
  /** clientKey() of the request's address, for the rate limit. */
  client: string;
  now: Date;
  userAgent: string | null;
  /** This browser's cookie as it stands (any learner), or null. */
  current: LearnerCookie | null;
  sessionSecret: Buffer;
  limits?: Limits;
}

export interface Redeemed {
  learnerId: string;
  deviceId: string;
  via: SecretKind;
}

/**
 * Makes this browser a device of the learner the code or key belongs to. A link code is consumed by a
 * conditional update (unused and unexpired), so of two browsers racing with one code exactly one wins.
 * Every check counts against the rate limit unless it succeeds.
 */
export async function redeemSecret(db: Db, input: RedeemInput): Promise<Redeemed> {
  const normalized = normalizeSecret(input.secret);
  if (!normalized) throw new AppError(400, "Codes and keys use letters and digits only (there is no U). Check what you typed.");
  const kind = secretKind(normalized);
  if (!kind) {
    throw new AppError(400, `A link code has 8 characters and a recovery key 28; this has ${normalized.length}. Check what you typed.`);
  }
  const { now } = input;
  let attempt;
  try {
    attempt = await beginAttempt(db, input.client, now, input.limits ?? DEFAULT_LIMITS);
  } catch (err) {
    if (err instanceof AppError) logDeviceEvent("link.rate-limited", { client: input.client, reason: kind }, now);
    throw err;
  }
  const fail = (status: number, reason: string, message: string) => {
    logDeviceEvent("link.failed", { client: input.client, reason }, now);
    return new AppError(status, message);
  };

  let learnerId: string;
  if (kind === "link-code") {
    const hash = hashLinkCode(normalized, input.sessionSecret);
    const taken = await db.linkCode.updateMany({ where: { hash, usedAt: null, expiresAt: { gt: now } }, data: { usedAt: now } });
    const row = await db.linkCode.findUnique({ where: { hash }, select: { learnerId: true, expiresAt: true, usedAt: true } });
    if (!row) throw fail(404, "unknown-code", "That code does not exist. Check it for typos, or create a new one on your other device.");
    if (taken.count !== 1) {
      const state = codeState(row, now);
      throw state === "expired"
        ? fail(410, "expired-code", "That code has expired (codes last 10 minutes). Create a new one on your other device.")
        : fail(410, "used-code", "That code has already been used. Each code links one browser; create a new one on your other device.");
    }
    learnerId = row.learnerId;
  } else {
    const row = await db.recoveryKey.findUnique({ where: { hash: hashRecoveryKey(normalized) }, select: { learnerId: true } });
    if (!row) throw fail(404, "unknown-key", "That recovery key does not match any progress here. Check it for typos; a newer key replaces older ones.");
    learnerId = row.learnerId;
  }
  await attempt.succeeded();

  const current = input.current;
  if (current?.learnerId === learnerId && current.deviceId) {
    // Already this learner's browser: nothing to change (the code is spent all the same).
    return { learnerId, deviceId: current.deviceId, via: kind };
  }
  // This browser leaves its previous learner: mark that device unlinked there, so the old learner's
  // device list does not keep a browser that no longer holds its cookie.
  if (current?.deviceId) {
    await db.device.updateMany({ where: { id: current.deviceId, learnerId: current.learnerId, revokedAt: null }, data: { revokedAt: now } });
  }
  const deviceId = newDeviceId();
  await addDevice(db, learnerId, deviceId, input.userAgent, now);
  logDeviceEvent(kind === "link-code" ? "device.linked" : "device.recovered", { learnerId, deviceId, client: input.client }, now);
  return { learnerId, deviceId, via: kind };
}

export interface DeviceDto {
  id: string;
  label: string;
  createdAt: string;
  lastSeenAt: string;
  current: boolean;
}

export interface DeviceOverview {
  devices: DeviceDto[];
  hasRecoveryKey: boolean;
  recoveryKeyCreatedAt: string | null;
}

/** The learner's linked (not unlinked) devices, most recently seen first, and whether a recovery key exists. */
export async function deviceOverview(db: Db, learnerId: string, currentDeviceId: string | null): Promise<DeviceOverview> {
  const [devices, key] = await Promise.all([
    db.device.findMany({ where: { learnerId, revokedAt: null }, orderBy: [{ lastSeenAt: "desc" }, { createdAt: "desc" }], take: 100 }),
    db.recoveryKey.findUnique({ where: { learnerId }, select: { createdAt: true } }),
  ]);
  return {
    devices: devices.map((d) => ({
      id: d.id,
      label: d.label,
      createdAt: d.createdAt.toISOString(),
      lastSeenAt: d.lastSeenAt.toISOString(),
      current: d.id === currentDeviceId,
    })),
    hasRecoveryKey: key !== null,
    recoveryKeyCreatedAt: key?.createdAt.toISOString() ?? null,
  };
}

/** Unlinks another device of the same learner: its cookie stops working on its next request. */
export async function revokeDevice(db: Db, learnerId: string, currentDeviceId: string | null, targetId: string, now: Date): Promise<void> {
  if (targetId === currentDeviceId) {
    throw new AppError(400, "That is the browser you are using. Unlink it from another device, or clear this browser's cookies.");
  }
  const done = await db.device.updateMany({ where: { id: targetId, learnerId, revokedAt: null }, data: { revokedAt: now } });
  if (done.count !== 1) throw new AppError(404, "No such device among yours (it may already be unlinked).");
  logDeviceEvent("device.revoked", { learnerId, deviceId: targetId }, now);
}
