import crypto from "node:crypto";

// Link, unlink and recover events, one JSON line each on stdout, for the operator's log pipeline. No
// table: nothing in the app reads them back, and a self-hosted instance already keeps its stdout.
// Learner ids are shortened to a hash: enough to follow one learner's events, useless as an identity.

export type DeviceEvent =
  | "link-code.created"
  | "recovery-key.created"
  | "device.linked"
  | "device.recovered"
  | "device.revoked"
  | "link.failed"
  | "link.rate-limited";

export interface DeviceEventFields {
  learnerId?: string;
  deviceId?: string;
  client?: string;
  reason?: string;
}

type Sink = (line: string) => void;
let sink: Sink = (line) => console.info(line);

/** Tests capture events here; returns the previous sink. */
export function setDeviceEventSink(next: Sink): Sink {
  const prev = sink;
  sink = next;
  return prev;
}

const short = (id: string) => crypto.createHash("sha256").update(id).digest("base64url").slice(0, 12);

export function logDeviceEvent(event: DeviceEvent, fields: DeviceEventFields, now: Date = new Date()): void {
  sink(
    JSON.stringify({
      at: now.toISOString(),
      event,
      ...(fields.learnerId ? { learner: short(fields.learnerId) } : {}),
      ...(fields.deviceId ? { device: short(fields.deviceId) } : {}),
      ...(fields.client ? { client: fields.client } : {}),
      ...(fields.reason ? { reason: fields.reason } : {}),
    }),
  );
}
