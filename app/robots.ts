import type { MetadataRoute } from "next";
import { siteUrl } from "@/lib/site";

export default function robots(): MetadataRoute.Robots {
  return {
    // Learner pages and the API hold nothing a search engine should list.
    rules: { userAgent: "*", allow: "/", disallow: ["/api/", "/search", "/progress", "/stats"] },
    sitemap: `${siteUrl()}/sitemap.xml`,
  };
}
