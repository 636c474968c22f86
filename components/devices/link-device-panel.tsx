"use client";
import { useEffect, useState } from "react";
import { deviceApi } from "@/lib/learner/client-api";
import type { LinkCodeResponse } from "@/lib/learner/dto";
import styles from "./devices.module.css";

/** Runs one request at a time and keeps its failure as a message the panel shows. */
function useBusyAction() {
  const [message, setMessage] = useState("");
  const [busy, setBusy] = useState(false);
  async function run(action: () => Promise<void>) {
    setBusy(true);
    setMessage("");
    try {
      await action();
    } catch (err) {
      setMessage(err instanceof Error ? err.message : String(err));
    } finally {
      setBusy(false);
    }
  }
  return { message, busy, run };
}

function minutesLeft(expiresAt: string, now: number): number {
  return Math.max(0, Math.ceil((Date.parse(expiresAt) - now) / 60_000));
}

/** "Link another device": a one-time code and its QR code, with the minutes it has left. */
export function LinkDevicePanel() {
  const [link, setLink] = useState<LinkCodeResponse | null>(null);
  const { message, busy, run } = useBusyAction();
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (!link) return;
    const t = setInterval(() => setNow(Date.now()), 15_000);
    return () => clearInterval(t);
  }, [link]);
  const left = link ? minutesLeft(link.expiresAt, now) : 0;

  const create = () =>
    run(async () => {
      setLink(await deviceApi.linkCode());
      setNow(Date.now());
    });

  return (
    <div>
      <div className={styles.actions}>
        <button className="button" type="button" onClick={create} disabled={busy}>
          {link ? "New code" : "Link another device"}
        </button>
        <span role="status">{message}</span>
      </div>
      {link && (
        <div className={styles.linkBox} data-testid="link-code-box">
          {/* A data URI drawn on the server: an <img> never runs anything inside an SVG. */}
          <img className={styles.qr} src={link.qr} alt={`QR code for ${link.url}`} width={164} height={164} />
          <div className={styles.linkText}>
            <div className="muted">On the other device, open <strong>/link</strong> and enter</div>
            <div className={styles.code} data-testid="link-code">
              {link.code}
            </div>
            <div className="muted">
              {left > 0 ? `Works once, for ${left} more minute${left === 1 ? "" : "s"}. Or scan the QR code.` : "This code has expired. Create a new one."}
            </div>
          </div>
        </div>
      )}
    </div>
  );
}

/** The recovery key: shown once, right after it is created; creating another replaces it. */
export function RecoveryKeyPanel({ exists, createdOn }: { exists: boolean; createdOn: string | null }) {
  const [key, setKey] = useState<string | null>(null);
  const { message, busy, run } = useBusyAction();

  async function create() {
    if (exists && !window.confirm("Create a new recovery key? The old one stops working.")) return;
    await run(async () => setKey((await deviceApi.recoveryKey()).key));
  }

  return (
    <div>
      <p className="muted">
        A recovery key brings your progress back on a new browser when no linked device is at hand. It is shown once: write it down or keep it in a password manager.
        {exists && createdOn && !key ? ` You created one on ${createdOn}.` : ""}
      </p>
      {key && (
        <p>
          <span className={styles.key} data-testid="recovery-key">
            {key}
          </span>
          <br />
          <span className="muted">Enter it at /link on the new browser. It will not be shown again.</span>
        </p>
      )}
      <div className={styles.actions}>
        <button className="button secondary" type="button" onClick={create} disabled={busy}>
          {exists || key ? "Replace the recovery key" : "Create a recovery key"}
        </button>
        <span role="status">{message}</span>
      </div>
    </div>
  );
}
