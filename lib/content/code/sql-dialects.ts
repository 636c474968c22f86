// SQL dialects other than PostgreSQL: which parser checks each (the parsers are in sql-grammars.ts,
// imported only when a block is checked anew). Each fence dialect maps to exactly one grammar, so a
// block passes only if that engine's own grammar (or the named closest one) accepts all of it:
// - dt-sql-parser: ANTLR grammars of the big-data engines (Spark, Hive, Flink, Trino), which know their
//   DDL (PARTITIONED BY, STORED AS, TBLPROPERTIES, WATERMARK FOR, FOR SYSTEM_TIME AS OF) that
//   node-sql-parser's grammars lack;
// - websql-autocomplete: an ANTLR ClickHouse grammar (ENGINE = MergeTree, materialized views TO);
// - redshift.ts: Redshift's table attributes, external schemas and datashares, likewise;
// - snowflake.ts: Snowflake's warehouse, CLONE, time-travel, clustering and policy statements, with
//   node-sql-parser's Snowflake grammar for the queries inside them and for every other statement;
// - node-sql-parser: the warehouses and OLTP engines it has grammars for.

type Engine = "pg" | "node-sql-parser" | "dt-sql-parser" | "websql-autocomplete" | "snowflake.ts" | "redshift.ts";

export interface DialectSpec {
  engine: Engine;
  /** The grammar inside the engine: node-sql-parser's database, dt-sql-parser's class, websql's dialect. */
  grammar: string;
  note?: string;
}

const nsp = (grammar: string, note?: string): DialectSpec => ({ engine: "node-sql-parser", grammar, note });
const dt = (grammar: string, note?: string): DialectSpec => ({ engine: "dt-sql-parser", grammar, note });
const pg = (note?: string): DialectSpec => ({ engine: "pg", grammar: "postgresql", note });

/** Fence dialect -> the parser that checks it. */
export const SQL_DIALECTS: Record<string, DialectSpec> = {
  postgres: pg(),
  postgresql: pg(),
  duckdb: pg("parsed with PostgreSQL's parser (DuckDB's grammar derives from it), not executed"),
  citus: pg("Citus is a PostgreSQL extension: parsed with PostgreSQL's parser, not executed (PGlite has no Citus)"),
  snowflake: { engine: "snowflake.ts", grammar: "snowflake" },
  bigquery: nsp("bigquery"),
  mysql: nsp("mysql"),
  mariadb: nsp("mariadb"),
  tsql: nsp("transactsql"),
  sqlserver: nsp("transactsql"),
  redshift: { engine: "redshift.ts", grammar: "redshift" },
  sqlite: nsp("sqlite"),
  db2: nsp("db2"),
  hive: dt("hive"),
  spark: dt("spark"),
  databricks: dt("spark", "Databricks SQL is parsed with dt-sql-parser's Spark SQL grammar"),
  flink: dt("flink"),
  trino: dt("trino"),
  athena: dt("trino", "Athena engine v3 SQL is parsed with dt-sql-parser's Trino grammar, the engine it is built on"),
  clickhouse: { engine: "websql-autocomplete", grammar: "clickhouse" },
};

export type ParseResult = { ok: true } | { ok: false; line: number; message: string };

/**
 * psycopg fills `%(name)s` placeholders in the driver; PostgreSQL sees bound values. Render them as the
 * numbered parameters ($1, $2, ...) the server would see, so PostgreSQL's parser checks the statement.
 */
export function renderPsycopg(code: string): string | null {
  // A comment that mentions a placeholder does not make a runnable block a driver template.
  if (!/%\(\w+\)s/.test(code.replace(/--[^\n]*/g, ""))) return null;
  const numbers = new Map<string, number>();
  return code.replace(/%\((\w+)\)s/g, (_, name: string) => `$${numbers.get(name) ?? numbers.set(name, numbers.size + 1).get(name)}`);
}
