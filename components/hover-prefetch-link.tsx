"use client";
import Link from "next/link";
import { useState } from "react";

/**
 * A link in a long list: prefetching every visible entry downloads dozens of pages nobody opens, so the
 * target is prefetched only once the pointer or focus shows intent.
 */
export function HoverPrefetchLink({ href, html, className }: { href: string; html: string; className?: string }) {
  const [intent, setIntent] = useState(false);
  return (
    <Link
      href={href}
      className={className}
      prefetch={intent ? null : false}
      onMouseEnter={() => setIntent(true)}
      onFocus={() => setIntent(true)}
      onTouchStart={() => setIntent(true)}
      dangerouslySetInnerHTML={{ __html: html }}
    />
  );
}
