import { ICEBERG, MONITOR, OBJECTS, STORAGE, TIME_TRAVEL, TIMESTAMPS, WAREHOUSE, type Values } from "./snowflake-properties";
import type { ParseResult } from "./sql-dialects";
import { TokenParser, parseStatements, type Delegate } from "./statement-grammar";

// Snowflake's account and storage statements (warehouses, resource monitors, CLONE, UNDROP, time travel,
// clustering keys, masking policies, Iceberg tables), which node-sql-parser's Snowflake grammar lacks and
// no parser in the registry has. A strict grammar for exactly those statement forms, with the documented
// property names and enumerated values, so a misspelt keyword or property fails; every query, expression
// and column list inside them, and every other statement, still goes to node-sql-parser's Snowflake grammar.

class SnowflakeParser extends TokenParser {
  private props(allowed: Record<string, Values> | "any", what: string) {
    let count = 0;
    while (this.peek()?.kind === "word" && this.peek(1)?.text === "=") {
      const key = this.peek()!.up;
      const values = allowed === "any" ? "any" : allowed[key];
      if (!values) this.fail(`expected a ${what} property (${Object.keys(allowed as object).join(", ")})`);
      this.i += 2;
      const v = this.peek();
      if (!v || !["word", "ident", "str", "num"].includes(v.kind)) this.fail(`expected a value for ${key}`);
      const plain = v.kind === "str" ? v.up.slice(1, -1) : v.up;
      if (values !== "any" && !values.includes(plain)) this.fail(`expected ${key} to be one of ${values.join(", ")}`);
      this.i++;
      if (v.kind === "word" || v.kind === "ident") while (this.accept(".")) this.name();
      this.accept(",");
      count++;
    }
    return count;
  }
  private timeTravel(): [number, number] | null {
    if (!(this.is("AT", "(") || this.is("BEFORE", "("))) return null;
    const start = this.peek()!.start;
    this.i += 2;
    this.oneOf(TIME_TRAVEL, "a time-travel point");
    this.expect("=>");
    // '...'::TIMESTAMP_LTZ is the usual point; node-sql-parser does not know Snowflake's timestamp types.
    if (this.peek()?.kind === "str" && this.is2("::") && TIMESTAMPS.includes(this.peek(2)?.up ?? "") && this.peek(3)?.text === ")") this.i += 4;
    else {
      const { from, to } = this.balanced();
      this.delegateRange(from, to, "SELECT ");
    }
    return [start, this.toks[this.i - 1].end];
  }

  /** A statement outside the forms below: node-sql-parser checks it once its time-travel clauses are checked and blanked. */
  private generic() {
    const blank: [number, number][] = [];
    for (this.i = 0; this.i < this.toks.length; ) {
      const prev = this.toks[this.i - 1];
      const clause = prev && (prev.kind === "word" || prev.kind === "ident") ? this.timeTravel() : null;
      if (clause) blank.push(clause);
      else this.i++;
    }
    this.delegateRange(0, this.toks.length, "", blank);
  }

  parse() {
    if (this.accept("USE")) {
      if (this.accept("SECONDARY")) return (this.expect("ROLES"), this.name(), this.done());
      if (["ROLE", "WAREHOUSE", "DATABASE", "SCHEMA"].includes(this.peek()?.up ?? "")) this.i++;
      return (this.name(), this.done());
    }
    if (this.accept("UNDROP")) return (this.oneOf(["TABLE", "SCHEMA", "DATABASE"], "an object type"), this.name(), this.done());
    if (this.accept("GRANT")) return this.grant();
    if (this.accept("DROP") && !this.is("TABLE") && !this.is("VIEW")) return this.drop();
    if (this.accept("ALTER")) {
      if (this.accept("WAREHOUSE")) return this.alterWarehouse();
      if (this.accept("SESSION")) return this.accept("UNSET") ? (this.name(), this.done()) : (this.expect("SET"), this.props("any", "session") || this.fail("expected a parameter"), this.done());
      if (this.accept("TABLE") && this.alterTable()) return;
    }
    if (this.accept("CREATE")) {
      this.accept("OR", "REPLACE");
      const transient = this.accept("TRANSIENT");
      if (!transient && this.accept("WAREHOUSE")) return (this.accept("IF", "NOT", "EXISTS"), this.name(), this.accept("WITH"), this.props(WAREHOUSE, "warehouse"), this.done());
      if (!transient && this.accept("RESOURCE", "MONITOR")) return this.resourceMonitor();
      if (!transient && this.accept("MASKING", "POLICY")) return this.maskingPolicy();
      if (!transient && this.accept("ICEBERG", "TABLE")) return (this.accept("IF", "NOT", "EXISTS"), this.name(), this.props(ICEBERG, "Iceberg table") || this.fail("expected an Iceberg table property"), this.done());
      if (this.accept("DATABASE") || this.accept("SCHEMA")) return this.createStorage(false);
      if (this.accept("TABLE")) return this.createStorage(true);
    }
    this.generic();
  }

  private grant() {
    do this.name(); while (this.accept(","));
    this.expect("ON");
    this.accept("FUTURE");
    this.oneOf(OBJECTS, "an object type");
    this.name();
    this.expect("TO");
    this.accept("ROLE");
    this.name();
    this.accept("WITH", "GRANT", "OPTION");
    this.done();
  }
  private drop() {
    if (!this.accept("RESOURCE", "MONITOR") && !this.accept("MASKING", "POLICY")) this.oneOf(["DATABASE", "SCHEMA", "WAREHOUSE"], "an object type");
    this.accept("IF", "EXISTS");
    this.name();
    if (!this.accept("CASCADE")) this.accept("RESTRICT");
    this.done();
  }
  private alterWarehouse() {
    this.accept("IF", "EXISTS");
    this.name();
    if (this.accept("SET")) (this.props(WAREHOUSE, "warehouse") || this.fail("expected a warehouse property"));
    else if (this.accept("UNSET")) do this.oneOf(Object.keys(WAREHOUSE), "a warehouse property"); while (this.accept(","));
    else if (this.accept("RESUME")) this.accept("IF", "SUSPENDED");
    else if (!this.accept("SUSPEND") && !this.accept("ABORT", "ALL", "QUERIES")) (this.expect("RENAME", "TO"), this.name());
    this.done();
  }
  /** ALTER TABLE forms Snowflake adds; false hands the statement to node-sql-parser. */
  private alterTable(): boolean {
    this.accept("IF", "EXISTS");
    this.name();
    if (this.accept("CLUSTER", "BY", "(")) {
      const { from, to } = this.balanced();
      this.delegateRange(from, to, "SELECT ");
    } else if (this.accept("DROP", "CLUSTERING", "KEY") || this.accept("SUSPEND", "RECLUSTER") || this.accept("RESUME", "RECLUSTER")) {
      // nothing follows these
    } else if (this.accept("MODIFY") || this.accept("ALTER")) {
      this.accept("COLUMN");
      this.name();
      if (this.accept("SET", "MASKING", "POLICY")) (this.name(), this.accept("FORCE"));
      else this.expect("UNSET", "MASKING", "POLICY");
    } else if (this.is("SET") && this.peek(1)?.up !== "TBLPROPERTIES") {
      this.i++;
      this.props(STORAGE, "table") || this.fail("expected a table property");
    } else return false;
    this.done();
    return true;
  }
  private resourceMonitor() {
    this.name();
    this.accept("WITH");
    this.props(MONITOR, "resource monitor");
    if (this.accept("TRIGGERS")) {
      do {
        this.expect("ON");
        if (this.peek()?.kind !== "num") this.fail("expected a percentage");
        this.i++;
        this.expect("PERCENT");
        this.expect("DO");
        this.oneOf(["SUSPEND", "SUSPEND_IMMEDIATE", "NOTIFY"], "a trigger action");
      } while (this.is("ON"));
    }
    this.done();
  }
  private maskingPolicy() {
    this.accept("IF", "NOT", "EXISTS");
    this.name();
    this.expect("AS", "(");
    do (this.name(), this.name()); while (this.accept(","));
    this.expect(")");
    this.expect("RETURNS");
    this.name();
    this.expect("->");
    this.delegateRange(this.i, this.toks.length, "SELECT ");
  }
  /** CREATE [TRANSIENT] DATABASE | SCHEMA | TABLE: CLONE with time travel, or (for tables) columns / CTAS with CLUSTER BY. */
  private createStorage(table: boolean) {
    this.accept("IF", "NOT", "EXISTS");
    const name = this.name();
    if (this.accept("CLONE")) {
      this.name();
      this.timeTravel();
    } else if (table && this.is("(")) {
      const open = this.i++;
      this.balanced();
      this.delegateRange(open, this.i, `CREATE TABLE ${name} `);
    }
    if (table && this.accept("CLUSTER", "BY", "(")) {
      const { from, to } = this.balanced();
      this.delegateRange(from, to, "SELECT ");
    }
    this.props(STORAGE, table ? "table" : "database");
    if (table && this.accept("AS")) return this.delegateRange(this.i, this.toks.length);
    this.done();
  }
}


export function parseSnowflake(code: string, delegate: Delegate): ParseResult {
  return parseStatements(code, "Snowflake", (toks) => new SnowflakeParser(toks, code, delegate));
}
