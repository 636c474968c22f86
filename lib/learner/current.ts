// Device linking for the learner of the current request: what routes, actions and pages call (one
// call each). The logic is in devices.ts; this binds it to the cookie, the headers and the clock.
import { headers } from "next/headers";
import { renderSVG } from "uqr";
import { db } from "../db/client";
import { deviceOverview, createLinkCode, createRecoveryKey, redeemSecret, revokeDevice, type DeviceDto, type DeviceOverview } from "./devices";
import type { LinkCodeResponse } from "./dto";
import { sessionSecret } from "./identity";
import { clientKey } from "./rate-limit";
import { currentCookie, currentIdentity, currentTimeZone, ensureLearner, setLearnerCookie } from "./session";

/**
 * The client's address for the rate limit: the first X-Forwarded-For entry (set by the reverse proxy in
 * front of the app), else X-Real-IP. Without a proxy neither is trustworthy, which is why
 * rate-limit.ts also has a global ceiling.
 */
function clientAddress(h: Headers): string {
  return h.get("x-forwarded-for")?.split(",")[0].trim() || h.get("x-real-ip")?.trim() || "direct";
}

/** This site's origin as the browser sees it, so a phone scanning the QR code lands on the same host. */
function requestOrigin(h: Headers): string {
  const host = h.get("x-forwarded-host")?.split(",")[0].trim() || h.get("host") || "localhost:3000";
  const proto = h.get("x-forwarded-proto")?.split(",")[0].trim() || (process.env.COOKIE_SECURE === "1" ? "https" : "http");
  return `${proto === "https" ? "https" : "http"}://${host}`;
}

export async function newLinkCode(): Promise<LinkCodeResponse> {
  const [{ learnerId, deviceId }, h] = await Promise.all([ensureLearner(), headers()]);
  const { code, expiresAt } = await createLinkCode(db(), { learnerId, deviceId, userAgent: h.get("user-agent"), secret: sessionSecret(), now: new Date() });
  const url = `${requestOrigin(h)}/link?code=${encodeURIComponent(code)}`;
  const svg = renderSVG(url, { ecc: "M", pixelSize: 4 });
  return { code, expiresAt: expiresAt.toISOString(), url, qr: `data:image/svg+xml;base64,${Buffer.from(svg).toString("base64")}` };
}

export async function newRecoveryKey(): Promise<{ key: string }> {
  const [{ learnerId, deviceId }, h] = await Promise.all([ensureLearner(), headers()]);
  return createRecoveryKey(db(), { learnerId, deviceId, userAgent: h.get("user-agent"), now: new Date() });
}

/** Redeems a link code or recovery key and, on success, switches this browser's cookie to that learner. */
export async function linkThisBrowser(secret: string): Promise<{ via: "link-code" | "recovery-key" }> {
  const [current, h] = await Promise.all([currentCookie(), headers()]);
  const done = await redeemSecret(db(), {
    secret,
    client: clientKey(clientAddress(h), sessionSecret()),
    now: new Date(),
    userAgent: h.get("user-agent"),
    current,
    sessionSecret: sessionSecret(),
  });
  await setLearnerCookie(done.learnerId, done.deviceId);
  return { via: done.via };
}

export async function unlinkDevice(deviceId: string): Promise<void> {
  const me = await ensureLearner();
  await revokeDevice(db(), me.learnerId, me.deviceId, deviceId, new Date());
}

/** A device with its dates already written out, on the server, in the learner's time zone (no hydration mismatch). */
export type DeviceRow = DeviceDto & { added: string; lastSeen: string };

export type DevicesView =
  | { status: "anonymous" }
  | { status: "revoked"; revokedAt: string | null }
  | ({ status: "active"; rows: DeviceRow[]; recoveryKeyDate: string | null } & DeviceOverview);

/** For the Progress and Link pages: this browser's standing and the learner's devices. */
export async function devicesView(): Promise<DevicesView> {
  const [identity, tz] = await Promise.all([currentIdentity(), currentTimeZone()]);
  if (identity.kind === "anonymous") return { status: "anonymous" };
  if (identity.kind === "revoked") return { status: "revoked", revokedAt: identity.revokedAt?.toISOString() ?? null };
  const overview = await deviceOverview(db(), identity.learnerId, identity.deviceId);
  const date = new Intl.DateTimeFormat("en", { day: "numeric", month: "short", year: "numeric", timeZone: tz ?? "UTC" });
  const day = (iso: string) => date.format(new Date(iso));
  return {
    status: "active",
    ...overview,
    rows: overview.devices.map((d) => ({ ...d, added: day(d.createdAt), lastSeen: day(d.lastSeenAt) })),
    recoveryKeyDate: overview.recoveryKeyCreatedAt ? day(overview.recoveryKeyCreatedAt) : null,
  };
}

/** For /link: the code from the QR code's URL (only if it looks like one), and this browser's standing. */
export async function linkPageView(params: Record<string, string | string[] | undefined>): Promise<{ code: string; status: DevicesView["status"]; hasOwnProgress: boolean }> {
  const raw = typeof params.code === "string" ? params.code : "";
  const code = /^[A-Za-z0-9-]{1,40}$/.test(raw) ? raw.toUpperCase() : "";
  const identity = await currentIdentity();
  const hasOwnProgress = identity.kind === "active" && (await db().card.count({ where: { learnerId: identity.learnerId }, take: 1 })) > 0;
  return { code, status: identity.kind === "active" ? "active" : identity.kind, hasOwnProgress };
}
