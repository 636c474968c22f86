// Every public content page, with the git date where ingest found one.
import type { MetadataRoute } from "next";
import { getCaseStudies, getChapters, getContent } from "./content/index";
import { siteUrl } from "./site";

export function siteSitemap(): MetadataRoute.Sitemap {
  const base = siteUrl();
  const entry = (path: string, updated?: string) => ({ url: `${base}${path}`, ...(updated ? { lastModified: updated } : {}) });
  return [
    ...["/", "/chapters", "/case-studies", "/blueprint", "/questions", "/glossary", "/quiz", "/mock"].map((p) => entry(p)),
    ...getChapters().map((c) => entry(`/chapters/${c.id}`, c.updated)),
    ...getCaseStudies().map((c) => entry(`/case-studies/${c.id}`, c.updated)),
    ...getContent().questions.map((q) => entry(`/questions/${q.id}`)),
  ];
}
