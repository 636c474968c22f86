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
  if (!named) return new pg.Pool(config);
  // Generic plans: with plan_cache_mode auto, PostgreSQL 15 kept planning the queue's two statements
  // anew on every execution (pg_prepared_statements: 0 generic, 300 custom plans at scale), because
  // the generic plan's estimate for a range over an unknown date is worse than a known one's; each
  // custom plan cost 0.6-0.8 ms, as much as executing. The app's statements are bounded by one learner
  // (or one question) through an index, and at scale their generic plans are the same index scans
  // (`npm run bench:scale` prints the queue's). Turned off with the rest by PG_PREPARED_STATEMENTS=off.
  // A startup option of each connection, so it costs no statement. A DATABASE_URL with its own
  // `options` parameter replaces this one (pg gives the URL's precedence): such a URL keeps PostgreSQL's
  // own choice unless it adds `-c plan_cache_mode=force_generic_plan` itself.
  const generic = "-c plan_cache_mode=force_generic_plan";
  return new pg.Pool({ ...config, options: config.options ? `${config.options} ${generic}` : generic, Client: NamingClient });
}
