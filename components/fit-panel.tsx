"use client";
import { useEffect, useState } from "react";

interface Report {
  status: "running" | "done" | "failed";
  reviews: number;
  logLossBefore?: number;
  logLossAfter?: number;
  fittedAt?: string;
  error?: string;
}

export function FitPanel({ reviews, report: initial }: { reviews: number; report: Report | null }) {
  const [report, setReport] = useState<Report | null>(initial);
  const [message, setMessage] = useState("");
  useEffect(() => {
    if (report?.status !== "running") return;
    const t = setInterval(async () => {
      const res = await fetch("/api/fsrs/fit", { cache: "no-store" });
      if (res.ok) setReport(((await res.json()) as { report: Report | null }).report);
    }, 1500);
    return () => clearInterval(t);
  }, [report?.status]);
  return (
    <div className="card" style={{ marginTop: "1rem" }}>
      <h3>Personal FSRS parameters</h3>
      <p className="muted">
        FSRS can fit its 21 parameters to your own review history (from 200 reviews; you have {reviews}). The fit runs in the background; if it does not
        predict your history better than the defaults, the defaults stay.
      </p>
      {report?.status === "done" && (
        <p data-testid="fit-report">
          Fitted {report.fittedAt?.slice(0, 10)} on {report.reviews} reviews: log loss {report.logLossBefore?.toFixed(4)} → {report.logLossAfter?.toFixed(4)}.
        </p>
      )}
      {report?.status === "failed" && <p className="field-error">The last fit failed: {report.error}</p>}
      <button
        type="button"
        className="button secondary"
        disabled={report?.status === "running"}
        onClick={async () => {
          setMessage("");
          const res = await fetch("/api/fsrs/fit", { method: "POST" });
          const data = await res.json();
          if (!res.ok) setMessage(data.error);
          else setReport(data.report);
        }}
      >
        {report?.status === "running" ? "Fitting…" : "Fit my parameters"}
      </button>{" "}
      <span role="status" className="muted">
        {message}
      </span>
    </div>
  );
}
