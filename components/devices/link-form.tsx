"use client";
import { useState } from "react";
import { deviceApi } from "@/lib/learner/client-api";
import styles from "./devices.module.css";

/** /link: enter a code from another device (or the recovery key); on success, go to that progress. */
export function LinkForm({ initialCode, hasOwnProgress }: { initialCode: string; hasOwnProgress: boolean }) {
  const [secret, setSecret] = useState(initialCode);
  const [message, setMessage] = useState("");
  const [busy, setBusy] = useState(false);

  async function submit(e: React.FormEvent) {
    e.preventDefault();
    setBusy(true);
    setMessage("");
    try {
      const { via } = await deviceApi.link(secret);
      setMessage(via === "link-code" ? "Linked. Opening your progress…" : "Restored. Opening your progress…");
      // A full load, not a client navigation: every page must be read again with the new cookie.
      window.location.assign("/progress");
    } catch (err) {
      setMessage(err instanceof Error ? err.message : String(err));
      setBusy(false);
    }
  }

  return (
    <form className={styles.linkForm} onSubmit={submit}>
      <label>
        Link code or recovery key
        <input
          name="secret"
          value={secret}
          onChange={(e) => setSecret(e.target.value)}
          autoComplete="off"
          autoCapitalize="characters"
          spellCheck={false}
          required
          maxLength={80}
          placeholder="7K2M-Q9XD"
          aria-describedby="link-help"
        />
      </label>
      <small id="link-help" className="muted">
        A link code has 8 characters and works for 10 minutes; a recovery key has 28. Dashes and spaces do not matter.
        {hasOwnProgress ? " This browser's own progress stays with it and is replaced here by the linked one; export it first on Progress if you want to keep it." : ""}
      </small>
      <div>
        <button className="button" type="submit" disabled={busy}>
          {busy ? "Linking…" : "Link this browser"}
        </button>
      </div>
      <p role="status" className={message && !busy ? "field-error" : "muted"} data-testid="link-status">
        {message}
      </p>
    </form>
  );
}
