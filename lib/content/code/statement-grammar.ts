import type { ParseResult } from "./sql-dialects";

// Shared machinery for the statement grammars of engines no registry parser knows (snowflake.ts,
// redshift.ts): a SQL tokenizer that keeps line numbers, a recursive-descent base with strict keyword
// matching, and hand-off of embedded queries and expressions to node-sql-parser with the lines mapped back.

export interface Tok { kind: "word" | "ident" | "num" | "str" | "op"; text: string; up: string; line: number; start: number; end: number }

const OPS = ["=>", "::", "->", ">=", "<=", "<>", "!=", "||"];

export function tokenize(code: string): Tok[] {
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

export class SyntaxErr extends Error {
  constructor(readonly line: number, message: string) {
    super(message);
  }
}

export type Delegate = (sql: string) => ParseResult;

export abstract class TokenParser {
  protected i = 0;
  constructor(protected readonly toks: Tok[], protected readonly code: string, protected readonly delegate: Delegate) {}

  abstract parse(): void;

  protected peek(offset = 0): Tok | undefined {
    return this.toks[this.i + offset];
  }
  protected is2(op: string): boolean {
    return this.peek(1)?.text === op;
  }
  protected is(...words: string[]): boolean {
    return words.every((w, k) => this.peek(k)?.up === w);
  }
  protected accept(...words: string[]): boolean {
    if (!this.is(...words)) return false;
    this.i += words.length;
    return true;
  }
  protected fail(message: string): never {
    const t = this.peek() ?? this.toks[this.toks.length - 1];
    throw new SyntaxErr(t?.line ?? 0, `${message}, found ${this.peek() ? `\`${t.text}\`` : "the end of the statement"}`);
  }
  protected expect(...words: string[]) {
    if (!this.accept(...words)) this.fail(`expected ${words.join(" ")}`);
  }
  protected oneOf(words: string[], what: string): string {
    const t = this.peek();
    if (t && t.kind === "word" && words.includes(t.up)) return (this.i++, t.up);
    return this.fail(`expected ${what} (${words.join(", ")})`);
  }
  protected name(): string {
    const parts: string[] = [];
    do {
      const t = this.peek();
      if (!t || (t.kind !== "word" && t.kind !== "ident")) this.fail("expected a name");
      parts.push(t.text);
      this.i++;
    } while (this.accept("."));
    return parts.join(".");
  }
  protected done() {
    if (this.peek()) this.fail("unexpected text after the statement");
  }
  /** The tokens up to the parenthesis that closes the one just consumed; leaves the cursor after it. */
  protected balanced(): { from: number; to: number } {
    const from = this.i;
    for (let depth = 1; this.peek(); this.i++) {
      if (this.peek()!.text === "(") depth++;
      if (this.peek()!.text === ")" && --depth === 0) return { from, to: this.i++ };
    }
    return this.fail("expected )");
  }
  /** Hands SQL made of tokens [from, to) to node-sql-parser, keeping line numbers: `prefix` precedes them. */
  protected delegateRange(from: number, to: number, prefix = "", blank: [number, number][] = []) {
    if (from >= to) this.fail("expected an expression");
    const first = this.toks[from];
    let text = this.code.slice(first.start, this.toks[to - 1].end);
    for (const [s, e] of blank) text = text.slice(0, s - first.start) + text.slice(s - first.start, e - first.start).replace(/[^\n]/g, " ") + text.slice(e - first.start);
    const r = this.delegate(`${prefix}${text}`);
    if (!r.ok) throw new SyntaxErr(first.line + r.line, r.message);
  }
}

/** Splits at top-level semicolons and checks each statement; `line` of a failure is 0-based in `code`. */
export function parseStatements(code: string, dialect: string, make: (toks: Tok[]) => TokenParser): ParseResult {
  const toks = tokenize(code);
  let stmt: Tok[] = [];
  for (const t of [...toks, null]) {
    if (t && t.text !== ";") {
      stmt.push(t);
      continue;
    }
    if (stmt.length > 0) {
      try {
        make(stmt).parse();
      } catch (err) {
        if (err instanceof SyntaxErr) return { ok: false, line: err.line, message: `${dialect}: ${err.message}` };
        throw err;
      }
    }
    stmt = [];
  }
  return { ok: true };
}
