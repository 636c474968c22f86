// The grammars that check SQL dialects other than PostgreSQL (which dialect goes to which: sql-dialects.ts).
// Apart from the rest of the content check because importing them takes ~2.5 s (dt-sql-parser's and
// websql-autocomplete's ANTLR parsers, node-sql-parser's grammars): a check whose code verdicts all come
// from its cache never loads them.
import { FlinkSQL, HiveSQL, SparkSQL, TrinoSQL } from "dt-sql-parser";
import sqlParser from "node-sql-parser";
import { parseClickHouseQueryWithoutCursor } from "websql-autocomplete";
import { parseRedshift } from "./redshift";
import { parseSnowflake } from "./snowflake";
import type { DialectSpec, ParseResult } from "./sql-dialects";

// node-sql-parser is CommonJS: its named export is only reachable through the default import under ESM.
const DialectParser = sqlParser.Parser;
let nspParser: InstanceType<typeof DialectParser> | undefined;
const dtParsers: Record<string, { validate(sql: string): { startLine: number; message: string }[] }> = {};
const dtClasses: Record<string, new () => { validate(sql: string): { startLine: number; message: string }[] }> = { spark: SparkSQL, hive: HiveSQL, flink: FlinkSQL, trino: TrinoSQL };

/** Parses `code` with the dialect's grammar; `line` is 0-based within the code. */
export function parseDialect(code: string, spec: DialectSpec): ParseResult {
  if (spec.engine === "dt-sql-parser") {
    const parser = (dtParsers[spec.grammar] ??= new dtClasses[spec.grammar]());
    const [first] = parser.validate(code);
    return first ? { ok: false, line: first.startLine - 1, message: first.message.slice(0, 300) } : { ok: true };
  }
  if (spec.engine === "websql-autocomplete") {
    const [first] = parseClickHouseQueryWithoutCursor(code).errors;
    return first ? { ok: false, line: first.startLine - 1, message: first.message.slice(0, 300) } : { ok: true };
  }
  if (spec.engine === "snowflake.ts") return parseSnowflake(code, (sql) => parseNsp(sql, "snowflake"));
  if (spec.engine === "redshift.ts") return parseRedshift(code, (sql) => parseNsp(sql, "redshift"));
  return parseNsp(code, spec.grammar);
}

function parseNsp(code: string, database: string): ParseResult {
  nspParser ??= new DialectParser();
  try {
    nspParser.astify(code, { database });
    return { ok: true };
  } catch (err) {
    const e = err as Error & { location?: { start?: { line?: number } } };
    return { ok: false, line: (e.location?.start?.line ?? 1) - 1, message: e.message.split("\n")[0].slice(0, 300) };
  }
}
