// The browser's way to call the device-linking routes. No retries, unlike an answer's POST: a retried
// link could spend a code whose first use already succeeded, and each call is one deliberate click.
import type { LinkCodeResponse } from "./dto";

async function post<T>(url: string, body: object): Promise<T> {
  let res: Response;
  try {
    res = await fetch(url, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
  } catch (err) {
    throw new Error("Could not reach the server. Check your connection and try again.", { cause: err });
  }
  const data = (await res.json().catch((err: unknown) => ({ error: `${res.statusText || `HTTP ${res.status}`} (${String(err)})` }))) as T & { error?: string };
  if (!res.ok) throw new Error(data.error ?? (res.statusText || `HTTP ${res.status}`));
  return data;
}

export const deviceApi = {
  linkCode: () => post<LinkCodeResponse>("/api/learner/link-code", {}),
  recoveryKey: () => post<{ key: string }>("/api/learner/recovery-key", {}),
  link: (secret: string) => post<{ via: "link-code" | "recovery-key" }>("/api/learner/link", { secret }),
};
