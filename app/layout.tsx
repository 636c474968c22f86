import type { Metadata, Viewport } from "next";
import type { ReactNode } from "react";
import { SiteHeader } from "@/components/site-header";
import { TimeZoneCookie } from "@/components/time-zone-cookie";
import { CodeCopy } from "@/components/code-copy";
import { ServiceWorker } from "@/components/service-worker";
import { SITE_DESCRIPTION, SITE_NAME, siteUrl } from "@/lib/site";
import "./globals.css";

export const metadata: Metadata = {
  metadataBase: new URL(siteUrl()),
  title: { default: SITE_NAME, template: `%s · ${SITE_NAME}` },
  description: SITE_DESCRIPTION,
  openGraph: { type: "website", siteName: SITE_NAME, title: SITE_NAME, description: SITE_DESCRIPTION, images: [{ url: "/icon-512.png", width: 512, height: 512, alt: "" }] },
  twitter: { card: "summary" },
};

export const viewport: Viewport = {
  themeColor: [
    { media: "(prefers-color-scheme: light)", color: "#ffffff" },
    { media: "(prefers-color-scheme: dark)", color: "#0f141b" },
  ],
};

// Applies a saved theme before first paint so a dark-mode reader never sees a white flash.
const themeScript = `try{var t=localStorage.getItem("theme");if(t==="dark"||t==="light")document.documentElement.dataset.theme=t}catch(e){}`;

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en" suppressHydrationWarning>
      <head>
        <script dangerouslySetInnerHTML={{ __html: themeScript }} />
      </head>
      <body>
        <a className="skip-link" href="#main">
          Skip to content
        </a>
        <TimeZoneCookie />
        <CodeCopy />
        <ServiceWorker />
        <SiteHeader />
        <main id="main">{children}</main>
        <footer className="site-footer">
          <div>
            Open source. Content is written by contributors and follows the topics of the Data Engineering Cookbook by Andreas Kretz.{" "}
            Spaced repetition by FSRS.
          </div>
        </footer>
      </body>
    </html>
  );
}
