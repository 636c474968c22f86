// Caps a request body before anything parses it: a declared length over the cap is refused at once,
// and a body without one is read only up to the cap. The handler then gets the same request back.
import { jsonError } from "./http";

type Handler = (req: Request) => Promise<Response>;

export function withBodyLimit(maxBytes: number, handler: Handler): Handler {
  const tooLarge = () => jsonError(413, `The request body is larger than ${Math.round(maxBytes / 1024 / 1024)} MiB, so nothing was read.`);
  return async (req) => {
    const declared = Number(req.headers.get("content-length") ?? NaN);
    if (declared > maxBytes) return tooLarge();
    if (!req.body) return handler(req);
    const parts: Uint8Array[] = [];
    let size = 0;
    const reader = req.body.getReader();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      size += value.byteLength;
      if (size > maxBytes) {
        await reader.cancel();
        return tooLarge();
      }
      parts.push(value);
    }
    return handler(new Request(req.url, { method: req.method, headers: req.headers, body: Buffer.concat(parts) }));
  };
}
