"use client";
import { useState } from "react";

export function ImportProgress() {
  const [message, setMessage] = useState("");
  const [busy, setBusy] = useState(false);
  return (
    <div>
      <label className="button secondary" style={{ display: "inline-block" }}>
        Import a progress file…
        <input
          type="file"
          accept="application/json,.json"
          className="visually-hidden"
          disabled={busy}
          onChange={async (e) => {
            const file = e.target.files?.[0];
            if (!file) return;
            setBusy(true);
            setMessage("Importing…");
            try {
              let body: unknown;
              try {
                body = JSON.parse(await file.text());
              } catch {
                throw new Error("That file is not JSON, so nothing was imported.");
              }
              // No retries here: postJson's retry is for answers; an import is one deliberate action.
              let res: Response;
              try {
                res = await fetch("/api/progress/import", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
              } catch (err) {
                throw new Error("Could not reach the server, so nothing was imported. Check your connection and try again.", { cause: err });
              }
              const data = await res.json().catch((err: unknown) => ({ error: `${res.statusText} (${String(err)})` }));
              if (!res.ok) throw new Error(data.error ?? res.statusText);
              setMessage(
                `Imported: ${data.reviewsAdded} new reviews (${data.reviewsAlreadyPresent} already here), ${data.cardsWritten} cards written` +
                  `${data.cardsKeptNewer ? `, ${data.cardsKeptNewer} kept because yours were newer` : ""}` +
                  `${data.skippedUnknownQuestions.length ? `, ${data.skippedUnknownQuestions.length} questions no longer exist and were skipped` : ""}.`,
              );
            } catch (err) {
              setMessage(err instanceof Error ? err.message : String(err));
            } finally {
              setBusy(false);
              e.target.value = "";
            }
          }}
        />
      </label>
      <p role="status" className="muted">
        {message}
      </p>
    </div>
  );
}
