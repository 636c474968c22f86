import { ICEBERG, MONITOR, OBJECTS, STORAGE, TIME_TRAVEL, TIMESTAMPS, WAREHOUSE, type Values } from "./snowflake-properties";
import type { ParseResult } from "./sql-dialects";

// Snowflake's account and storage statements (warehouses, resource monitors, CLONE, UNDROP, time travel,
// clustering keys, masking policies, Iceberg tables), which node-sql-parser's Snowflake grammar lacks and
// no parser in the registry has. A strict grammar for exactly those statement forms, with the documented
// property names and enumerated values, so a misspelt keyword or property fails; every query, expression
// and column list inside them, and every other statement, still goes to node-sql-parser's Snowflake grammar.

interface Tok { kind: "word" | "ident" | "num" | "str" | "op"; text: string; up: string; line: number; start: number; end: number }

const OPS = ["=>", "::", "->", ">=", "<=", "<>", "!=", "||"];

function tokenize(code: string): Tok[] {
  const toks: Tok[] = [];
  let line = 0;
  const re = /(\s+)|(--[^\n]*|\/\*[\s\S]*?\*\/)|([A-Za-z_][\w$]*)|("(?:[^"]|"")*")|('(?:[^'\\]|''|\\.)*')|(\d+(?:\.\d+)?)|([\s\S])/y;
  for (let m: RegExpExecArray | null; (m = re.exec(code)); ) {
    const [text, space, comment, word, ident, str, num] = m;
    const start = m.index;
    if (!space && !comment) {
      const two = code.slice(start, start + 2);
      const op = OPS.includes(two) ? two : text;
      if (op.length === 2) re.lastIndex = start + 2;
      const kind = word ? "word" : ident ? "ident" : str ? "str" : num ? "num" : "op";
      const t = kind === "op" ? op : text;
      toks.push({ kind, text: t, up: t.toUpperCase(), line, start, end: start + t.length });
    }
    line += (code.slice(start, re.lastIndex).match(/\n/g) ?? []).length;
  }
  return toks;
}

class SyntaxErr extends Error {
  constructor(readonly line: number, message: string) {
    super(message);
  }
}

type Delegate = (sql: string) => ParseResult;

class StatementParser {
  private i = 0;
  constructor(private readonly toks: Tok[], private readonly code: string, private readonly delegate: Delegate) {}

  private peek(offset = 0): Tok | undefined {
    return this.toks[this.i + offset];
  }
  private is2(op: string): boolean {
    return this.peek(1)?.text === op;
  }
  private is(...words: string[]): boolean {
    return words.every((w, k) => this.peek(k)?.up === w);
  }
  private accept(...words: string[]): boolean {
    if (!this.is(...words)) return false;
    this.i += words.length;
    return true;
  }
  private fail(message: string): never {
    const t = this.peek() ?? this.toks[this.toks.length - 1];
    throw new SyntaxErr(t?.line ?? 0, `${message}, found ${this.peek() ? `\`${t.text}\`` : "the end of the statement"}`);
  }
  private expect(...words: string[]) {
    if (!this.accept(...words)) this.fail(`expected ${words.join(" ")}`);
  }
  private oneOf(words: string[], what: string): string {
    const t = this.peek();
    if (t && t.kind === "word" && words.includes(t.up)) return (this.i++, t.up);
    return this.fail(`expected ${what} (${words.join(", ")})`);
  }
  private name(): string {
    const parts: string[] = [];
    do {
      const t = this.peek();
      if (!t || (t.kind !== "word" && t.kind !== "ident")) this.fail("expected a name");
      parts.push(t.text);
      this.i++;
    } while (this.accept("."));
    return parts.join(".");
  }
  private done() {
    if (this.peek()) this.fail("unexpected text after the statement");
  }
  /** The tokens up to the parenthesis that closes the one just consumed; leaves the cursor after it. */
  private balanced(): { from: number; to: number } {
    const from = this.i;
    for (let depth = 1; this.peek(); this.i++) {
      if (this.peek()!.text === "(") depth++;
      if (this.peek()!.text === ")" && --depth === 0) return { from, to: this.i++ };
    }
    return this.fail("expected )");
  }
  /** Hands SQL made of tokens [from, to) to node-sql-parser, keeping line numbers: `prefix` precedes them. */
  private delegateRange(from: number, to: number, prefix = "", blank: [number, number][] = []) {
    if (from >= to) this.fail("expected an expression");
    const first = this.toks[from];
    let text = this.code.slice(first.start, this.toks[to - 1].end);
    for (const [s, e] of blank) text = text.slice(0, s - first.start) + text.slice(s - first.start, e - first.start).replace(/[^\n]/g, " ") + text.slice(e - first.start);
    const r = this.delegate(`${prefix}${text}`);
    if (!r.ok) throw new SyntaxErr(first.line + r.line, r.message);
  }
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

/** Splits at top-level semicolons and checks each statement; `line` of a failure is 0-based in `code`. */
export function parseSnowflake(code: string, delegate: Delegate): ParseResult {
  const toks = tokenize(code);
  let stmt: Tok[] = [];
  for (const t of [...toks, null]) {
    if (t && t.text !== ";") {
      stmt.push(t);
      continue;
    }
    if (stmt.length > 0) {
      try {
        new StatementParser(stmt, code, delegate).parse();
      } catch (err) {
        if (err instanceof SyntaxErr) return { ok: false, line: err.line, message: `Snowflake: ${err.message}` };
        throw err;
      }
    }
    stmt = [];
  }
  return { ok: true };
}
