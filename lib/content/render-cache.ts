// Rendered markdown (and validated frontmatter) kept between ingests, keyed by everything that shapes it:
// editing one file then re-renders that file alone. Rendering (remark, sanitize, shiki, glossary marking)
// is most of ingest's CPU, and its output depends only on the body, the document's id and kind, the
// glossary, and our code. Values must be plain data (what v8.serialize copies: objects, arrays, strings).
import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import v8 from "node:v8";
import { fileURLToPath } from "node:url";

// Ingest (HTML) and the content check (structure only) keep separate files: each run drops the entries it
// did not use, so one shared file would be emptied by the other mode on every alternation.
// Code-sample verdicts (the content check) have a file of their own for the same reason.
export const RENDER_CACHE_FILES = { html: "render-cache", text: "render-cache-text", code: "code-check-cache" } as const;
/** Bump when the cached shape changes. */
const FORMAT = 4;
/** Shards are v8-serialized: reading them took ~100 ms per ingest as JSON (UTF-8 decoding and JSON.parse of ~11 MB) against ~30 ms. */
const SHARD_EXT = ".v8";
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

// Short parts are the key themselves (documents are named by their digest); only a long key (an exercise
// prompt, a dataset description) is hashed. A sha256 per lookup cost ~13 ms of a one-file ingest's ~5,000.
function keyOf(parts: (string | number | boolean)[]): string {
  const json = JSON.stringify(parts);
  return json.length <= 256 ? json : `#${createHash("sha256").update(json).digest("base64url")}`;
}

/**
 * The cache is stored as SHARDS files by a hash of the key (FNV-1a): an edit then rewrites the one or two
 * shards holding its old and new entries (~200 kB each) instead of all ~13 MB, which cost 200+ ms per save.
 */
const SHARDS = 64;
function shardOf(key: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) h = Math.imul(h ^ key.charCodeAt(i), 0x01000193);
  return (h >>> 0) % SHARDS;
}

const WIDE = /[^\x00-\xff]/;

/**
 * The value with every string that fits in Latin-1 held one byte per character. V8 keeps a string two
 * bytes per character whenever it was built from a two-byte piece (one em dash anywhere in the source
 * file makes every slice and join of it two-byte), and v8.serialize writes it that way: the rendered
 * answers, 5.5 M characters, took 10.3 MB of the 16.1 MB bundle, and ~5.0 MB once copied to one-byte
 * strings. Cached values travel to the cache file, the bundle and the server's heap, so compacting them
 * once, when they are computed, shrinks all three. Strings with wider characters stay as they are.
 * Values are the plain data the cache holds (objects, arrays, Maps, strings, numbers), compacted in place.
 */
export function compactStrings<T>(value: T): T {
  if (typeof value === "string") return (WIDE.test(value) ? value : Buffer.from(value, "latin1").toString("latin1")) as T;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) value[i] = compactStrings(value[i]);
  } else if (value instanceof Map) {
    for (const [k, v] of value) value.set(k, compactStrings(v));
  } else if (value && typeof value === "object" && Object.getPrototypeOf(value) === Object.prototype) {
    const o = value as Record<string, unknown>;
    for (const k of Object.keys(o)) o[k] = compactStrings(o[k]);
  }
  return value;
}

export class RenderCache {
  private readonly entries: Map<string, unknown>;
  private readonly used = new Map<string, unknown>();
  hits = 0;
  misses = 0;
  /** Misses by the first key part (`chapter`, `question`, `doc`…): what a run had to work out anew. */
  readonly freshByKind: Record<string, number> = {};
  /** Shards with an entry stored since the last save. */
  private readonly dirty = new Set<number>();
  /** Per shard, the keys its file holds now. */
  private readonly onDisk: Set<string>[];

  private constructor(
    private readonly dir: string | null,
    private readonly salt: string,
    entries: Map<string, unknown>,
  ) {
    this.entries = entries;
    this.onDisk = Array.from({ length: SHARDS }, () => new Set<string>());
    for (const key of entries.keys()) this.onDisk[shardOf(key)].add(key);
  }

  /** A cache backed by a folder in `dir`; an unreadable or foreign shard only costs rendering its files again. */
  static open(dir: string | null, mode: keyof typeof RENDER_CACHE_FILES, salt = pipelineFingerprint()): RenderCache {
    const folder = dir ? path.join(dir, RENDER_CACHE_FILES[mode]) : null;
    const entries = new Map<string, unknown>();
    if (folder && fs.existsSync(folder) && fs.statSync(folder).isDirectory()) {
      for (const name of fs.readdirSync(folder).filter((f) => f.endsWith(SHARD_EXT))) {
        const file = path.join(folder, name);
        try {
          const parsed = v8.deserialize(fs.readFileSync(file)) as { format?: number; salt?: string; entries?: unknown } | null;
          if (parsed?.format !== FORMAT || parsed.salt !== salt || !(parsed.entries instanceof Map)) continue;
          for (const [k, v] of parsed.entries as Map<string, unknown>) entries.set(k, v);
        } catch (err) {
          console.warn(`render cache: ignoring ${file} (${(err as Error).message}); its files are rendered again`);
        }
      }
    }
    return new RenderCache(folder, salt, entries);
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
    if (!keep(value)) return value;
    const compact = compactStrings(value);
    this.store(key, compact);
    return compact;
  }

  /** The cached value, or undefined (for results worked out asynchronously; `put` stores them). */
  peek<T>(parts: (string | number | boolean)[]): T | undefined {
    return this.lookup(keyOf(parts), parts) as T | undefined;
  }

  put(parts: (string | number | boolean)[], value: unknown): void {
    this.store(keyOf(parts), compactStrings(value));
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
    this.dirty.add(shardOf(key));
    this.used.set(key, value);
  }

  /**
   * Writes the entries this run used (dropping the rest, so the cache never grows past the content): each
   * shard that gained or lost an entry, under a temp name and renamed into place. `prune: false` keeps the
   * unused entries too: a run that stopped early (content errors) has not looked at every file.
   */
  save({ prune = true }: { prune?: boolean } = {}): void {
    if (!this.dir) return;
    const byShard = Array.from({ length: SHARDS }, () => new Map<string, unknown>());
    if (!prune) for (const [k, v] of this.entries) byShard[shardOf(k)].set(k, v);
    for (const [k, v] of this.used) byShard[shardOf(k)].set(k, v);
    // Shards of the JSON format (FORMAT 2) are never read again: remove them rather than leave ~11 MB behind.
    if (fs.existsSync(this.dir)) for (const f of fs.readdirSync(this.dir).filter((n) => n.endsWith(".json"))) fs.rmSync(path.join(this.dir, f), { force: true });
    byShard.forEach((keep, i) => {
      const disk = this.onDisk[i];
      const same = !this.dirty.has(i) && keep.size === disk.size && [...keep.keys()].every((k) => disk.has(k));
      if (same) return;
      fs.mkdirSync(this.dir!, { recursive: true });
      const file = path.join(this.dir!, `${String(i).padStart(2, "0")}${SHARD_EXT}`);
      const tmp = `${file}.${process.pid}.tmp`;
      fs.writeFileSync(tmp, v8.serialize({ format: FORMAT, salt: this.salt, entries: keep }));
      fs.renameSync(tmp, file);
      this.onDisk[i] = new Set(keep.keys());
    });
    this.dirty.clear();
  }
}
