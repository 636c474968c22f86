import type { z } from "zod";
import type { sourceSchema } from "@/lib/content/schema";

/** Attribution for imported text: where it came from, at which line, under which license. */
export function SourceNote({ source }: { source?: z.infer<typeof sourceSchema> }) {
  if (!source) return null;
  return (
    <p className="hit-meta source-note">
      Imported from{" "}
      <a href={source.url} rel="noopener noreferrer">
        {source.name}
        {source.path ? `, ${source.path}${source.line ? `:${source.line}` : ""}` : ""}
      </a>
      , licensed {source.license}.
    </p>
  );
}
