import { databaseFile } from "../paths";

// DATABASE_URL=postgresql://… (or postgres://…) selects PostgreSQL; anything else, or nothing, is the
// embedded SQLite file. One function decides, so the app, the migrate script, prisma.config.ts and the
// tests can never disagree about which database they are talking to.

export type Provider = "sqlite" | "postgresql";

export function isPostgresUrl(url: string | undefined): boolean {
  return !!url && /^postgres(ql)?:\/\//i.test(url);
}

export function databaseProvider(url = process.env.DATABASE_URL): Provider {
  return isPostgresUrl(url) ? "postgresql" : "sqlite";
}

/** The SQLite file: a `file:` DATABASE_URL if given, else `app.db` in the data dir. */
export function sqliteFile(url = process.env.DATABASE_URL): string {
  return url?.startsWith("file:") ? url.slice("file:".length) : databaseFile();
}

/** Where each provider's schema and migrations live (the PostgreSQL ones are derived; see scripts/db-schema.ts). */
export const PRISMA_PATHS = {
  sqlite: { schema: "prisma/schema.prisma", migrations: "prisma/migrations" },
  postgresql: { schema: "prisma/postgresql/schema.prisma", migrations: "prisma/postgresql/migrations" },
} as const satisfies Record<Provider, { schema: string; migrations: string }>;

/** The URL with the password masked, for log lines. */
export function describeDatabase(url = process.env.DATABASE_URL): string {
  if (!url || !isPostgresUrl(url)) return `SQLite ${sqliteFile(url)}`;
  try {
    const u = new URL(url);
    if (u.password) u.password = "***";
    return `PostgreSQL ${u.toString()}`;
  } catch {
    return "PostgreSQL (unparseable DATABASE_URL)";
  }
}
