// Named (prepared) statements for @prisma/adapter-pg 6.19. The adapter sends every query unnamed, so
// PostgreSQL parses and plans each one anew; at scale the queue's two statements spent about as long
// in the planner (~1.1 ms each) as executing (~1 ms each, EXPLAIN ANALYZE in `npm run bench:scale`).
// A named statement is parsed once per connection; after five executions PostgreSQL may keep a generic
// plan for it, when that plan's estimated cost is no worse than the custom plans' (plan_cache_mode
// auto). The adapter runs every query through its pool's client class, transactions included, so a
// client class that names statements by a hash of their text is the whole change. Later Prisma
// releases add the same hook to the adapter (prisma/orm#29395, `statementNameGenerator`).
import { createHash } from "node:crypto";
import pg from "pg";

/**
 * Statements kept prepared per connection. The app has a few dozen distinct statement texts; some
 * grow with their input (an IN list, a day count), so the set is capped: past the cap a connection
 * runs new texts unnamed, as before, and never holds more than this many in the server's memory.
 */
export const MAX_PREPARED_PER_CONNECTION = 200;

// Text -> name, shared by all connections (a name is a function of the text alone).
const names = new Map<string, string>();
const MAX_NAMES = 2_000;

function nameOf(text: string): string {
  let name = names.get(text);
  if (!name) {
    name = `p${createHash("sha256").update(text).digest("base64url").slice(0, 22)}`;
    if (names.size < MAX_NAMES) names.set(text, name);
  }
  return name;
}

type QueryConfig = { text: string; name?: string; values?: unknown[] } & Record<string, unknown>;

const isConfig = (c: unknown): c is QueryConfig =>
  typeof c === "object" && c !== null && typeof (c as QueryConfig).text === "string" && !("submit" in c) && (c as QueryConfig).name === undefined;

/** pg's Client, naming each query by its text until MAX_PREPARED_PER_CONNECTION names are in use on it. */
export class NamingClient extends pg.Client {
  private readonly prepared = new Set<string>();

  // pg's overloads differ by argument shape; this passes every call through, naming only plain configs.
  override query(...args: unknown[]): never {
    const [config] = args;
    if (isConfig(config)) {
      const name = nameOf(config.text);
      if (this.prepared.has(name) || this.prepared.size < MAX_PREPARED_PER_CONNECTION) {
        this.prepared.add(name);
        args[0] = { ...config, name };
      }
    }
    return (super.query as (...a: unknown[]) => never)(...args);
  }
}

/** The pool the PostgreSQL adapter runs on: pg's, with NamingClient unless PG_PREPARED_STATEMENTS=off. */
export function statementPool(config: pg.PoolConfig): pg.Pool {
  // Behind a pooler in transaction mode that does not track prepared statements (PgBouncer before
  // 1.21, or without max_prepared_statements) a statement does not outlive its transaction: such a
  // setup turns naming off. A rollback does not drop one: prepared statements are not transactional.
  const named = process.env.PG_PREPARED_STATEMENTS !== "off";
  return new pg.Pool(named ? { ...config, Client: NamingClient } : config);
}
