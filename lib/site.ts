// Where the site lives and where its source is: canonical URLs, sitemap, OpenGraph and "Edit this page" links.
import type { Metadata } from "next";

export const SITE_NAME = "DE Interview Prep";
export const SITE_DESCRIPTION =
  "Data-engineering interview preparation: chapters, company case studies and answered interview questions, drilled with FSRS spaced repetition.";

/** The public origin, without a trailing slash (SITE_URL; read at build time for static pages). */
export function siteUrl(): string {
  return (process.env.SITE_URL ?? "http://localhost:3000").replace(/\/+$/, "");
}

/** The repository that holds `content/` (REPO_URL), for links to a page's source file. */
export function repoUrl(): string {
  return (process.env.REPO_URL ?? "https://github.com/your-org/de-interview-prep").replace(/\/+$/, "");
}

export function editUrl(file: string): string {
  return `${repoUrl()}/blob/${process.env.REPO_BRANCH ?? "main"}/${file.split("\\").join("/")}`;
}

/** Title, description, canonical URL and OpenGraph card for one page. */
export function pageMeta(path: string, title: string, description?: string, extra: Metadata = {}): Metadata {
  return {
    title,
    ...(description ? { description } : {}),
    alternates: { canonical: path },
    openGraph: { type: "website", siteName: SITE_NAME, title, url: path, ...(description ? { description } : {}) },
    ...extra,
  };
}
