import type { ParseResult } from "./sql-dialects";
import { TokenParser, parseStatements, type Delegate } from "./statement-grammar";

// Redshift's own statements, which node-sql-parser's Redshift grammar lacks and no registry parser has:
// table attributes (DISTSTYLE, DISTKEY, SORTKEY, ENCODE, BACKUP), Spectrum's CREATE EXTERNAL SCHEMA and
// data sharing (DATASHARE). A strict grammar for those forms as Redshift's SQL reference gives them; the
// column lists and queries inside them, and every other statement, go to node-sql-parser's Redshift grammar.

const EXTERNAL_SOURCES = [["DATA", "CATALOG"], ["HIVE", "METASTORE"], ["POSTGRES"], ["MYSQL"], ["KINESIS"], ["MSK"], ["REDSHIFT"]];
// CREATE EXTERNAL SCHEMA options that take one string (IAM_ROLE may also be DEFAULT).
const EXTERNAL_OPTIONS = ["DATABASE", "SCHEMA", "REGION", "URI", "IAM_ROLE", "SECRET_ARN", "CATALOG_ROLE", "CATALOG_ID"];

class RedshiftParser extends TokenParser {
  parse() {
    if (this.accept("CREATE")) {
      if (this.accept("EXTERNAL", "SCHEMA")) return this.externalSchema();
      if (this.accept("DATASHARE")) return (this.name(), this.accept("SET", "PUBLICACCESSIBLE") && (this.accept("="), this.oneOf(["TRUE", "FALSE"], "TRUE or FALSE")), this.done());
      if (!this.accept("TEMP")) this.accept("TEMPORARY");
      if (this.accept("TABLE")) return this.createTable();
    }
    if (this.accept("ALTER", "DATASHARE")) return this.alterDatashare();
    if (this.accept("DROP", "DATASHARE")) return (this.name(), this.done());
    if (this.is("GRANT") && this.toks.some((t, k) => t.up === "DATASHARE" && this.toks[k - 1]?.up === "ON")) return this.grantDatashare();
    this.delegateRange(0, this.toks.length);
  }

  private createTable() {
    this.accept("IF", "NOT", "EXISTS");
    const name = this.name();
    if (this.is("(")) {
      const open = this.i++;
      this.balanced();
      this.delegateRange(open, this.i, `CREATE TABLE ${name} `);
    }
    let style: string | null = null;
    let distkey = false;
    for (;;) {
      if (this.accept("DISTSTYLE")) style = this.oneOf(["AUTO", "EVEN", "KEY", "ALL"], "a distribution style");
      else if (this.accept("DISTKEY", "(")) (this.name(), this.expect(")"), (distkey = true));
      else if (this.accept("SORTKEY", "AUTO") || this.accept("ENCODE", "AUTO")) continue;
      else if (this.accept("SORTKEY", "(") || this.accept("COMPOUND", "SORTKEY", "(") || this.accept("INTERLEAVED", "SORTKEY", "(")) {
        do this.name(); while (this.accept(","));
        this.expect(")");
      } else if (this.accept("BACKUP")) this.oneOf(["YES", "NO"], "YES or NO");
      else break;
    }
    // Redshift rejects a DISTKEY under any style but KEY, and DISTSTYLE KEY without one.
    if (distkey && style !== null && style !== "KEY") this.fail(`DISTKEY needs DISTSTYLE KEY, not ${style}`);
    if (style === "KEY" && !distkey) this.fail("DISTSTYLE KEY needs a DISTKEY (column)");
    if (this.accept("AS")) return this.delegateRange(this.i, this.toks.length);
    this.done();
  }

  private externalSchema() {
    this.accept("IF", "NOT", "EXISTS");
    this.name();
    this.expect("FROM");
    if (!EXTERNAL_SOURCES.some((words) => this.accept(...words))) this.fail("expected an external source (DATA CATALOG, HIVE METASTORE, POSTGRES, MYSQL, KINESIS, MSK, REDSHIFT)");
    let role = false;
    while (this.peek()) {
      if (this.accept("CREATE", "EXTERNAL", "DATABASE", "IF", "NOT", "EXISTS")) continue;
      if (this.accept("PORT")) {
        if (this.peek()?.kind !== "num") this.fail("expected a port number");
        this.i++;
        continue;
      }
      const option = this.oneOf(EXTERNAL_OPTIONS, "an external schema option");
      if (option === "IAM_ROLE") role = true;
      if (option === "IAM_ROLE" && this.accept("DEFAULT")) continue;
      if (this.peek()?.kind !== "str") this.fail(`expected a quoted value for ${option}`);
      this.i++;
    }
    if (!role) this.fail("CREATE EXTERNAL SCHEMA needs IAM_ROLE");
  }

  private alterDatashare() {
    this.name();
    if (this.accept("SET")) return (this.oneOf(["PUBLICACCESSIBLE", "INCLUDENEW"], "a datashare setting"), this.accept("="), this.oneOf(["TRUE", "FALSE"], "TRUE or FALSE"), this.done());
    this.oneOf(["ADD", "REMOVE"], "ADD or REMOVE");
    if (this.accept("ALL", "TABLES", "IN", "SCHEMA") || this.accept("ALL", "FUNCTIONS", "IN", "SCHEMA")) do this.name(); while (this.accept(","));
    else {
      this.oneOf(["SCHEMA", "TABLE", "FUNCTION"], "SCHEMA, TABLE, FUNCTION or ALL TABLES IN SCHEMA");
      do this.name(); while (this.accept(","));
    }
    this.done();
  }

  private grantDatashare() {
    this.expect("GRANT");
    this.oneOf(["USAGE", "ALTER", "SHARE", "ALL"], "a datashare privilege");
    this.expect("ON", "DATASHARE");
    this.name();
    this.expect("TO");
    this.oneOf(["NAMESPACE", "ACCOUNT"], "NAMESPACE or ACCOUNT");
    if (this.peek()?.kind !== "str") this.fail("expected a quoted namespace or account id");
    this.i++;
    this.accept("VIA", "DATA", "CATALOG");
    this.done();
  }
}

export function parseRedshift(code: string, delegate: Delegate): ParseResult {
  return parseStatements(code, "Redshift", (toks) => new RedshiftParser(toks, code, delegate));
}
