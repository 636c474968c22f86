"use client";
import { useEffect, useState } from "react";
import { fitApi, type FitReportDto as Report } from "@/lib/quiz/client-api";

const text = (err: unknown) => (err instanceof Error ? err.message : String(err));

export function FitPanel({ reviews, report: initial }: { reviews: number; report: Report | null }) {
  const [report, setReport] = useState<Report | null>(initial);
  const [message, setMessage] = useState("");
  useEffect(() => {
    if (report?.status !== "running") return;
    const t = setInterval(() => {
      fitApi.status().then(
        (data) => setReport(data.report),
        (err: unknown) => setMessage(`Could not check the fit: ${text(err)}`),
      );
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
          try {
            setReport((await fitApi.start()).report);
          } catch (err) {
            setMessage(text(err));
          }
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
