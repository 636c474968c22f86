import { z } from "zod";

// Request bodies of the device-linking routes and actions, shared by server and browser.

/** A link code or a recovery key as typed: the facade normalizes it and says what is wrong with it. */
export const linkBody = z.object({ secret: z.string().trim().min(1, "Enter a code or a recovery key.").max(80, "That is longer than any code or key.") }).strict();

/** A device id from the cookie format (base64url, 128 bits). */
export const revokeInput = z.object({ deviceId: z.string().regex(/^[A-Za-z0-9_-]{22,64}$/, "Not a device id.") });

export interface LinkCodeResponse {
  /** Grouped for reading, `7K2M-Q9XD`. */
  code: string;
  expiresAt: string;
  url: string;
  /** The QR code of `url` as an SVG data URI, drawn on the server; shown with <img>, so nothing in it can run. */
  qr: string;
}
