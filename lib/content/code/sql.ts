import { parse as pgParse } from "libpg-query";
import { SqlEngine, SqlEngineError } from "../../engine/pglite-node";
import type { CodeBlock } from "./blocks";
import type { BlockOutcome } from "./outcome";
import { SQL_DIALECTS, renderPsycopg } from "./sql-dialects";

// SQL samples: PostgreSQL (the default) is parsed by PostgreSQL's own parser and, when the block is
// self-contained or names a setup, executed on PGlite in a fresh schema. Other dialects are parsed by
// the grammar sql-dialects.ts maps them to; a dialect parsed with a neighbour's grammar says so in a note.

export { SQL_DIALECTS };

const TIMEOUT_MS = 3000;
// Statements that need a server, a file system or other roles: PGlite cannot run them meaningfully.
const ENVIRONMENT_STMTS = new Set([
  "CreatedbStmt", "DropdbStmt", "AlterSystemStmt", "CreateRoleStmt", "AlterRoleStmt", "DropRoleStmt", "GrantRoleStmt",
  "GrantStmt", "CopyStmt", "CreateExtensionStmt", "CreatePublicationStmt", "CreateSubscriptionStmt", "AlterPublicationStmt",
  "CreateTableSpaceStmt", "LoadStmt", "CreateForeignServerStmt", "CreateFdwStmt", "CreateUserMappingStmt", "ImportForeignSchemaStmt",
  "CheckPointStmt", "AlterDatabaseStmt", "AlterDatabaseSetStmt", "ReindexStmt", "CreateForeignTableStmt",
]);

type PgTree = { stmts: { stmt: Record<string, unknown>; stmt_location?: number }[] };

const lineAt = (code: string, offset: number) => code.slice(0, Math.max(0, offset)).split("\n").length - 1;

/** Relations a parse tree reads or writes, minus those it creates, CTE names and catalogs. */
export function externalRelations(tree: PgTree, code = ""): { external: Set<string>; createdSchemas: string[]; envStmt?: string } {
  const referenced = new Set<string>();
  const created = new Set<string>();
  const ctes = new Set<string>();
  const createdSchemas: string[] = [];
  let envStmt: string | undefined;
  const name = (rv: { relname?: string; schemaname?: string }) => (rv.schemaname ? `${rv.schemaname}.${rv.relname}` : String(rv.relname)).toLowerCase();
  const walk = (node: unknown, parentKey: string, owner: string) => {
    if (Array.isArray(node)) return node.forEach((n) => walk(n, parentKey, owner));
    if (!node || typeof node !== "object") return;
    const obj = node as Record<string, unknown>;
    if (typeof obj.relname === "string") {
      const n = name(obj as { relname: string; schemaname?: string });
      const creates =
        (owner === "CreateStmt" && parentKey === "relation") ||
        (owner === "IntoClause" && parentKey === "rel") ||
        (owner === "ViewStmt" && parentKey === "view") ||
        (owner === "CreateSeqStmt" && parentKey === "sequence");
      (creates ? created : referenced).add(n);
    }
    if (typeof obj.ctename === "string") ctes.add(obj.ctename.toLowerCase());
    for (const [key, value] of Object.entries(obj)) {
      // Node wrappers are single-key objects named after the node type (`{ "SelectStmt": {...} }`).
      const isType = /^[A-Z]/.test(key);
      if (isType && ENVIRONMENT_STMTS.has(key)) envStmt ??= key;
      if (key === "CreateSchemaStmt") createdSchemas.push(String((value as { schemaname?: string }).schemaname ?? ""));
      walk(value, isType ? "" : key, isType ? key : owner);
    }
  };
  // Created objects may be used by later statements only; reading a table created later is still "external",
  // but samples are short, so set semantics are close enough.
  walk(tree.stmts, "", "");
  // Function and DO bodies are strings to the parser; a regex over their text finds the tables they touch.
  for (const { stmt, stmt_location = 0, stmt_len } of tree.stmts as { stmt: Record<string, unknown>; stmt_location?: number; stmt_len?: number }[]) {
    if (!("CreateFunctionStmt" in stmt) && !("DoStmt" in stmt)) continue;
    const text = code.slice(stmt_location, stmt_len ? stmt_location + stmt_len : undefined);
    const body = text.slice(text.search(/\$\w*\$|'/));
    for (const m of body.matchAll(/\b(?:from|join|into|update|table)\s+([a-z_][\w.]*)/gi)) {
      if (!/^(select|only|lateral|set|unnest)$/i.test(m[1])) referenced.add(m[1].toLowerCase());
    }
  }
  const external = new Set<string>();
  for (const r of referenced) {
    const bare = r.includes(".") ? r.split(".").pop()! : r;
    const schema = r.includes(".") ? r.split(".")[0] : "";
    if (created.has(r) || ctes.has(r) || (schema === "" && created.has(bare))) continue;
    if (created.has(bare) && createdSchemas.includes(schema)) continue;
    if (schema === "pg_catalog" || schema === "information_schema" || bare.startsWith("pg_")) continue;
    external.add(r);
  }
  return { external, createdSchemas: createdSchemas.filter(Boolean), envStmt };
}

async function pgParseBlock(code: string): Promise<{ ok: true; tree: PgTree } | { ok: false; line: number; message: string }> {
  try {
    return { ok: true, tree: (await pgParse(code)) as PgTree };
  } catch (err) {
    const e = err as Error & { sqlDetails?: { cursorPosition?: number } };
    return { ok: false, line: lineAt(code, e.sqlDetails?.cursorPosition ?? 0), message: e.message };
  }
}

/**
 * dbt and Airflow SQL is a Jinja template. Render it with stand-ins so PostgreSQL's parser can check the SQL
 * around the tags: ref('x') -> x, source('s','t') -> s.t, config() -> nothing, control tags -> nothing,
 * a macro definition -> SELECT <body>, any other expression -> the identifier jinja_expr.
 */
export function renderJinja(code: string): string {
  return code
    .replace(/\{%-?\s*macro\b[^%]*-?%\}([\s\S]*?)\{%-?\s*endmacro\s*-?%\}/g, (_, body: string) => `SELECT ${body.trim()};`)
    .replace(/\{\{-?\s*config\([\s\S]*?\)\s*-?\}\}/g, "")
    .replace(/\{\{-?\s*ref\(\s*['"]([\w.]+)['"]\s*\)\s*-?\}\}/g, "$1")
    .replace(/\{\{-?\s*source\(\s*['"](\w+)['"]\s*,\s*['"](\w+)['"]\s*\)\s*-?\}\}/g, "$1.$2")
    .replace(/\{\{-?\s*this\s*-?\}\}/g, "this_model")
    .replace(/\{%[\s\S]*?%\}/g, "")
    .replace(/\{#[\s\S]*?#\}/g, "")
    .replace(/\{\{[\s\S]*?\}\}/g, "jinja_expr");
}

// Imported on the first block that needs one: a check with every verdict cached never pays for them.
let grammars: Promise<typeof import("./sql-grammars")> | undefined;

export class SqlChecker {
  private engine: SqlEngine | null = null;
  private schemaSeq = 0;

  /** Starts PGlite now (initdb takes seconds) so it boots while the caller does other work. */
  warmUp() {
    this.engine ??= new SqlEngine(TIMEOUT_MS);
    this.engine.start().catch((err: unknown) => console.error(`PGlite did not start: ${String(err)}`));
  }

  async close() {
    await this.engine?.close();
  }

  /** Checks one sql block; `named` resolves `setup=` to earlier blocks of the same file. */
  async check(block: CodeBlock, named: Map<string, CodeBlock>): Promise<BlockOutcome> {
    const dialect = typeof block.meta.dialect === "string" ? block.meta.dialect.toLowerCase() : "postgres";
    const spec = SQL_DIALECTS[dialect];
    if (!spec) {
      return { status: "failed", line: block.line, message: `unknown SQL dialect \`${dialect}\``, fix: `Use one of ${Object.keys(SQL_DIALECTS).join(", ")}, or norun="why".` };
    }
    if (spec.engine !== "pg") {
      if (block.meta.setup) return { status: "failed", line: block.line, message: "`setup=` only works for PostgreSQL blocks", fix: "Remove setup= or drop the dialect." };
      const { parseDialect } = await (grammars ??= import("./sql-grammars"));
      const r = parseDialect(block.code, spec);
      if (!r.ok) return { status: "failed", line: block.codeLine + r.line, message: `${dialect} parser (${spec.engine} ${spec.grammar}): ${r.message}`, fix: `Fix the statement, or if ${spec.engine} lacks this ${dialect} syntax, mark the fence norun="${spec.engine} cannot parse <feature>".` };
      return { status: "parsed", note: spec.note };
    }
    const templated = /\{\{|\{%/.test(block.code);
    const bound = templated ? null : renderPsycopg(block.code);
    const parsed = await pgParseBlock(templated ? renderJinja(block.code) : bound ?? block.code);
    if (!parsed.ok) {
      return { status: "failed", line: block.codeLine + parsed.line, message: `PostgreSQL parser: ${parsed.message}`, fix: "Fix the SQL; if it is another engine's dialect, declare it in the fence (```sql dialect=snowflake), or mark a fragment norun=\"reason\"." };
    }
    if (spec.note) return { status: "parsed", note: spec.note };
    if (templated) return { status: "parsed", note: "Jinja (dbt/Airflow) rendered with stand-ins, then parsed" };
    if (bound !== null) return { status: "parsed", note: "psycopg %(name)s placeholders parsed as $n parameters; their values come from the driver" };

    const setups: CodeBlock[] = [];
    const seen = new Set<string>();
    for (let s = block.meta.setup; typeof s === "string"; ) {
      if (seen.has(s)) return { status: "failed", line: block.line, message: `setup chain loops at \`${s}\``, fix: "Break the loop of setup= references." };
      seen.add(s);
      const dep = named.get(s);
      if (!dep) return { status: "failed", line: block.line, message: `setup=${s} names no earlier block`, fix: `Add \`name=${s}\` to an earlier sql block in this file, or fix the name.` };
      setups.unshift(dep);
      s = dep.meta.setup;
    }
    const info = externalRelations(parsed.tree, block.code);
    if (info.envStmt) return { status: "parsed", note: `${info.envStmt} needs a real server; parsed only` };
    if (setups.length === 0 && info.external.size > 0) {
      return { status: "parsed", note: `reads ${[...info.external].slice(0, 3).join(", ")} (no setup=)` };
    }
    return this.execute(block, setups, info.createdSchemas);
  }

  private async execute(block: CodeBlock, setups: CodeBlock[], createdSchemas: string[]): Promise<BlockOutcome> {
    this.engine ??= new SqlEngine(TIMEOUT_MS);
    const schema = `cc_${++this.schemaSeq}`;
    const engine = this.engine;
    const extraSchemas = new Set(createdSchemas);
    for (const s of setups) {
      const tree = await pgParseBlock(s.code);
      if (tree.ok) externalRelations(tree.tree).createdSchemas.forEach((n) => extraSchemas.add(n));
    }
    try {
      await engine.exec(`CREATE SCHEMA ${schema}; SET search_path TO ${schema}, public;`);
      for (const s of setups) {
        try {
          await engine.exec(s.code);
        } catch (err) {
          return { status: "failed", line: s.line, message: `setup block \`${String(s.meta.name)}\` failed on PGlite: ${(err as Error).message}`, fix: "Fix the setup block first." };
        }
      }
      const expected = typeof block.meta["expect-error"] === "string" ? block.meta["expect-error"] : null;
      try {
        await engine.exec(block.code);
      } catch (err) {
        const e = err as SqlEngineError;
        if (expected && e.kind === "sql" && e.message.toLowerCase().includes(expected.toLowerCase())) return { status: "executed", note: `failed as expected: ${e.message}` };
        const pos = e.position ? Number(e.position) - 1 : NaN;
        const line = Number.isFinite(pos) ? block.codeLine + lineAt(block.code, pos) : block.line;
        const fix =
          e.kind === "timeout"
            ? "Make the sample finish quickly (bound the recursion / data), or mark it norun=\"reason\"."
            : "Fix the SQL so it runs on PostgreSQL, add the tables it needs in a setup block (```sql name=x, then setup=x), or declare its dialect.";
        return { status: "failed", line, message: `PGlite: ${e.message}`, fix };
      }
      if (expected) return { status: "failed", line: block.line, message: `expected an error containing "${expected}", but the block ran without one`, fix: "Fix the sample so it demonstrates the error, or remove expect-error." };
      return { status: "executed" };
    } finally {
      // A failed statement can leave a transaction open; end it, then remove everything the block made.
      const cleanup = [`ROLLBACK`, `SET search_path TO public`, `DROP SCHEMA IF EXISTS ${schema} CASCADE`, ...[...extraSchemas].map((n) => `DROP SCHEMA IF EXISTS "${n}" CASCADE`)];
      for (const stmt of cleanup) {
        try {
          await this.engine?.exec(stmt);
        } catch (err) {
          // Cleanup failing (e.g. after a timeout replaced the engine) only matters if the next block trips on it.
          void err;
        }
      }
    }
  }
}
