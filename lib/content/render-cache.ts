// Rendered markdown (and validated frontmatter) kept between ingests, keyed by everything that shapes it:
// editing one file then re-renders that file alone. Rendering (remark, sanitize, shiki, glossary marking)
// is most of ingest's CPU, and its output depends only on the body, the document's id and kind, the
// glossary, and our code. Values must be plain JSON.
import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

// Ingest (HTML) and the content check (structure only) keep separate files: each run drops the entries it
// did not use, so one shared file would be emptied by the other mode on every alternation.
// Code-sample verdicts (the content check) have a file of their own for the same reason.
export const RENDER_CACHE_FILES = { html: "render-cache.json", text: "render-cache-text.json", code: "code-check-cache.json" } as const;
/** Bump when the cached shape changes. */
const FORMAT = 1;
const LIB_DIR = fileURLToPath(new URL("..", import.meta.url));

/**
 * sha256 over the pipeline's own source in lib/ and the lockfile: an edit to the renderer or an upgraded
 * package (shiki, remark) must not serve HTML the current code would not produce.
 */
export function pipelineFingerprint(cwd = process.cwd()): string {
  const hash = createHash("sha256");
  const files = (fs.readdirSync(LIB_DIR, { recursive: true, withFileTypes: true }) as fs.Dirent[])
    .filter((e) => e.isFile() && e.name.endsWith(".ts"))
    .map((e) => path.relative(LIB_DIR, path.join(e.parentPath, e.name)))
    .filter((rel) => !rel.startsWith(`generated${path.sep}`))
    .sort();
  for (const rel of files) hash.update(`${rel}\0`).update(fs.readFileSync(path.join(LIB_DIR, rel))).update("\0");
  const lock = path.join(cwd, "package-lock.json");
  if (fs.existsSync(lock)) hash.update(fs.readFileSync(lock));
  return hash.digest("hex");
}

const keyOf = (parts: (string | number | boolean)[]) => createHash("sha256").update(JSON.stringify(parts)).digest("base64url");

export class RenderCache {
  private readonly entries: Map<string, unknown>;
  private readonly used = new Map<string, unknown>();
  hits = 0;
  misses = 0;
  /** Misses by the first key part (`chapter`, `question`, `doc`…): what a run had to work out anew. */
  readonly freshByKind: Record<string, number> = {};
  /** A miss since the last save: `used` holds an entry the file does not. */
  private dirty = false;
  /** Entries the file holds. Without a miss `used` only gathers file entries, so equal counts mean equal sets. */
  private saved: number;

  private constructor(
    private readonly file: string | null,
    private readonly salt: string,
    entries: Map<string, unknown>,
  ) {
    this.entries = entries;
    this.saved = entries.size;
  }

  /** A cache backed by a file in `dir`; an unreadable or foreign file only costs a full render. */
  static open(dir: string | null, mode: keyof typeof RENDER_CACHE_FILES, salt = pipelineFingerprint()): RenderCache {
    const file = dir ? path.join(dir, RENDER_CACHE_FILES[mode]) : null;
    let entries = new Map<string, unknown>();
    if (file && fs.existsSync(file)) {
      try {
        const parsed = JSON.parse(fs.readFileSync(file, "utf8")) as { format?: number; salt?: string; entries?: Record<string, unknown> };
        if (parsed.format === FORMAT && parsed.salt === salt && parsed.entries) entries = new Map(Object.entries(parsed.entries));
      } catch (err) {
        console.warn(`render cache: ignoring ${file} (${(err as Error).message}); rendering everything`);
      }
    }
    return new RenderCache(file, salt, entries);
  }

  /** Entries read from the file: none means a first run, which will do every piece of work. */
  get stored(): number {
    return this.entries.size;
  }

  /** In memory only: for tests and one-off loads. */
  static memory(): RenderCache {
    return new RenderCache(null, "", new Map());
  }

  /**
   * The cached value for these inputs, or `compute()`'s, remembered unless `keep` says no (a file with
   * problems must be parsed again, so its issues are reported again). `parts` must name every input. The
   * value is shared with the cache, so callers treat it as read-only (the loader copies what it keeps).
   */
  get<T>(parts: (string | number | boolean)[], compute: () => T, keep: (value: T) => boolean = () => true): T {
    const key = keyOf(parts);
    const hit = this.lookup(key, parts);
    if (hit !== undefined) return hit as T;
    const value = compute();
    if (keep(value)) this.store(key, value);
    return value;
  }

  /** The cached value, or undefined (for results worked out asynchronously; `put` stores them). */
  peek<T>(parts: (string | number | boolean)[]): T | undefined {
    return this.lookup(keyOf(parts), parts) as T | undefined;
  }

  put(parts: (string | number | boolean)[], value: unknown): void {
    this.store(keyOf(parts), value);
  }

  private lookup(key: string, parts: (string | number | boolean)[]): unknown {
    const hit = this.used.get(key) ?? this.entries.get(key);
    if (hit !== undefined) {
      this.hits++;
      this.used.set(key, hit);
    } else {
      this.misses++;
      this.freshByKind[String(parts[0])] = (this.freshByKind[String(parts[0])] ?? 0) + 1;
    }
    return hit;
  }

  private store(key: string, value: unknown) {
    this.dirty = true;
    this.used.set(key, value);
  }

  /**
   * Writes the entries this run used (dropping the rest, so the file never grows past the content), under a
   * temp name and renamed into place. Skipped when nothing was rendered anew and nothing dropped. Callable
   * more than once a run (ingest saves after each step that renders).
   */
  save(): void {
    if (!this.file) return;
    if (!this.dirty && this.used.size === this.saved) return;
    this.dirty = false;
    this.saved = this.used.size;
    fs.mkdirSync(path.dirname(this.file), { recursive: true });
    const tmp = `${this.file}.${process.pid}.tmp`;
    fs.writeFileSync(tmp, JSON.stringify({ format: FORMAT, salt: this.salt, entries: Object.fromEntries(this.used) }));
    fs.renameSync(tmp, this.file);
  }
}
