// One shape for a query result on both sides: ingest stores the expected result in it and the browser
// turns the learner's result into it, so the two are compared value by value with the same rules.

export type Cell = string | number | boolean | null;
export interface ResultTable {
  columns: string[];
  rows: Cell[][];
}

export interface RawField {
  name: string;
  dataTypeID: number;
}

// PostgreSQL type OIDs whose values are numbers (numeric arrives as a string to keep precision).
const NUMERIC_OIDS = new Set([20, 21, 23, 26, 700, 701, 1700]);
const DATE_OID = 1082;
const TIMESTAMP_OID = 1114;
const TIMESTAMPTZ_OID = 1184;

function pad(n: number, w = 2) {
  return String(n).padStart(w, "0");
}

/** Turns one PGlite value into a JSON-safe cell; dates are printed the way psql prints them (UTC). */
export function normalizeCell(value: unknown, typeId: number): Cell {
  if (value === null || value === undefined) return null;
  if (typeof value === "bigint") return Number.isSafeInteger(Number(value)) ? Number(value) : value.toString();
  if (typeof value === "number" || typeof value === "boolean") return value;
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) return String(value);
    const d = `${value.getUTCFullYear()}-${pad(value.getUTCMonth() + 1)}-${pad(value.getUTCDate())}`;
    if (typeId === DATE_OID) return d;
    const ms = value.getUTCMilliseconds();
    const t = `${pad(value.getUTCHours())}:${pad(value.getUTCMinutes())}:${pad(value.getUTCSeconds())}${ms ? `.${pad(ms, 3)}` : ""}`;
    return typeId === TIMESTAMPTZ_OID ? `${d} ${t}+00` : `${d} ${t}`;
  }
  if (typeof value === "string") {
    if (NUMERIC_OIDS.has(typeId) && value.trim() !== "" && Number.isFinite(Number(value))) return Number(value);
    return value;
  }
  if (value instanceof Uint8Array) return `\\x${Array.from(value, (b) => b.toString(16).padStart(2, "0")).join("")}`;
  return JSON.stringify(value);
}

/** Builds a table from PGlite's fields and rows (objects keyed by column name, or arrays). */
export function toResultTable(fields: RawField[], rows: ReadonlyArray<Record<string, unknown> | unknown[]>): ResultTable {
  return {
    columns: fields.map((f) => f.name),
    rows: rows.map((row) =>
      fields.map((f, i) => normalizeCell(Array.isArray(row) ? row[i] : (row as Record<string, unknown>)[f.name], f.dataTypeID)),
    ),
  };
}

export { TIMESTAMP_OID };
