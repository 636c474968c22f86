import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";

/**
 * The content files' bytes and sha256 digests, each read and hashed once per ingest. The input
 * fingerprint hashes every file anyway; the loaders then take the bytes from here instead of reading
 * the disk again, and key their cache entries on the digest instead of hashing the whole text a second
 * (and third) time. A file not read up front (a loader outside ingest) is read and hashed on first use.
 */
export class ContentFiles {
  private readonly files = new Map<string, { bytes: Buffer; digest: string }>();

  /** Every file under the roots, read now; `fingerprint` then covers them all. */
  static read(roots: string[]): ContentFiles {
    const files = new ContentFiles();
    roots.forEach((root, i) => {
      if (!fs.existsSync(root)) return;
      const rels = (fs.readdirSync(root, { recursive: true, withFileTypes: true }) as fs.Dirent[])
        .filter((e) => e.isFile() || e.isSymbolicLink())
        .map((e) => path.relative(root, path.join(e.parentPath, e.name)))
        .sort();
      for (const rel of rels) files.listed.push([`content${i}/${rel}`, path.join(root, rel)]);
    });
    for (const [, abs] of files.listed) files.entry(abs);
    return files;
  }

  /** Files are read on first use. */
  static lazy(): ContentFiles {
    return new ContentFiles();
  }

  /** Root-relative names and absolute paths of the files `read` found, in a stable order. */
  private readonly listed: [string, string][] = [];

  bytes(file: string): Buffer {
    return this.entry(file).bytes;
  }

  /** sha256 of the file's bytes (base64url). */
  digest(file: string): string {
    return this.entry(file).digest;
  }

  /** sha256 over every listed file's name and digest, and `salt` (the pipeline's own fingerprint). */
  fingerprint(salt: string): string {
    const hash = createHash("sha256").update(salt);
    for (const [name, abs] of this.listed) hash.update(`${name}\0${this.digest(abs)}\0`);
    return hash.digest("hex");
  }

  private entry(file: string) {
    const abs = path.resolve(file);
    let e = this.files.get(abs);
    if (!e) {
      const bytes = fs.readFileSync(abs);
      e = { bytes, digest: createHash("sha256").update(bytes).digest("base64url") };
      this.files.set(abs, e);
    }
    return e;
  }
}
