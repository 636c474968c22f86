import path from "node:path";

// One place decides where runtime state lives, so tests can point everything at a temp dir.
export function dataDir(): string {
  return path.resolve(/*turbopackIgnore: true*/ process.env.DATA_DIR ?? ".data");
}

export function databaseFile(): string {
  return path.join(dataDir(), "app.db");
}

export function generatedDir(): string {
  return path.resolve(/*turbopackIgnore: true*/ process.env.GENERATED_DIR ?? "generated");
}

export function contentDirs(): string[] {
  const raw = process.env.CONTENT_DIR ?? "content";
  return raw.split(path.delimiter).filter(Boolean).map((d) => path.resolve(/*turbopackIgnore: true*/ d));
}
