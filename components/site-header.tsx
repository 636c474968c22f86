import Link from "next/link";
import { SearchBox } from "./search-box";
import { ThemeToggle } from "./theme-toggle";
import { NavLinks } from "./nav-links";

export function SiteHeader() {
  return (
    <header className="site-header">
      <div className="bar">
        <Link href="/" className="brand">
          DE <span>Interview Prep</span>
        </Link>
        <NavLinks />
        <div className="header-tools">
          <SearchBox />
          <ThemeToggle />
        </div>
      </div>
    </header>
  );
}
