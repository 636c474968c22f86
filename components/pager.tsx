import Link from "next/link";

interface Target {
  href: string;
  /** Plain text, or trusted HTML rendered at ingest (question titles may hold inline code). */
  title: string;
  html?: boolean;
}

/** Previous/next links at the end of a page. */
export function Pager({ label, prev, next }: { label: string; prev?: Target; next?: Target }) {
  if (!prev && !next) return null;
  return (
    <nav className="pager" aria-label={label}>
      {prev ? (
        <Link href={prev.href} rel="prev">
          <small>Previous</small>
          {prev.html ? <span dangerouslySetInnerHTML={{ __html: prev.title }} /> : prev.title}
        </Link>
      ) : (
        <span />
      )}
      {next ? (
        <Link href={next.href} rel="next" className="next">
          <small>Next</small>
          {next.html ? <span dangerouslySetInnerHTML={{ __html: next.title }} /> : next.title}
        </Link>
      ) : (
        <span />
      )}
    </nav>
  );
}
