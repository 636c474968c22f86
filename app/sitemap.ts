import type { MetadataRoute } from "next";
import { siteSitemap } from "@/lib/sitemap";

export default function sitemap(): MetadataRoute.Sitemap {
  return siteSitemap();
}
