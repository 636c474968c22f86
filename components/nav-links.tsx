"use client";
import Link from "next/link";
import { usePathname } from "next/navigation";

const LINKS = [
  ["/chapters", "Chapters"],
  ["/case-studies", "Case studies"],
  ["/blueprint", "Blueprint"],
  ["/questions", "Questions"],
  ["/quiz", "Quiz"],
  ["/practice", "Practice"],
  ["/mock", "Mock"],
  ["/progress", "Progress"],
  ["/stats", "Stats"],
  ["/glossary", "Glossary"],
] as const;

export function NavLinks() {
  const path = usePathname();
  return (
    <nav className="main-nav" aria-label="Main">
      {LINKS.map(([href, label]) => (
        <Link key={href} href={href} aria-current={path === href || path.startsWith(`${href}/`) ? "page" : undefined}>
          {label}
        </Link>
      ))}
    </nav>
  );
}
