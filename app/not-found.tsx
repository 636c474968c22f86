import Link from "next/link";
import type { Metadata } from "next";

export const metadata: Metadata = { title: "Page not found", robots: { index: false } };

export default function NotFound() {
  return (
    <div className="narrow" style={{ margin: "0 auto" }}>
      <h1>Page not found</h1>
      <p>
        That page does not exist (a question or chapter may have been renamed). Try <Link href="/search">search</Link> or the{" "}
        <Link href="/chapters">chapters</Link>.
      </p>
    </div>
  );
}
