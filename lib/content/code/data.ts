import { parse as parseToml } from "smol-toml";
import { LineCounter, parseAllDocuments } from "yaml";
import type { CodeBlock } from "./blocks";
import type { BlockOutcome } from "./outcome";

// Data samples must parse: YAML (multi-document allowed), JSON, TOML, Java-style .properties and INI.

const fail = (b: CodeBlock, line: number, message: string, fix: string): BlockOutcome => ({ status: "failed", line: b.codeLine + line, message, fix });

export function checkData(b: CodeBlock): BlockOutcome {
  switch (b.lang) {
    case "yaml":
    case "yml": {
      const lc = new LineCounter();
      for (const doc of parseAllDocuments(b.code, { lineCounter: lc, prettyErrors: false })) {
        const e = doc.errors[0];
        if (e) return fail(b, lc.linePos(e.pos[0]).line - 1, `YAML: ${e.message.split("\n")[0]}`, "Fix the indentation or quoting; write an elided part as a comment (# ...).");
      }
      return { status: "parsed" };
    }
    case "json": {
      try {
        JSON.parse(b.code);
        return { status: "parsed" };
      } catch (err) {
        const msg = (err as Error).message;
        const pos = Number(msg.match(/position (\d+)/)?.[1] ?? 0);
        return fail(b, b.code.slice(0, pos).split("\n").length - 1, `JSON: ${msg}`, "Make it strict JSON (no comments, trailing commas or `...`), or use ```jsonc / ```text for an excerpt.");
      }
    }
    case "toml": {
      try {
        parseToml(b.code);
        return { status: "parsed" };
      } catch (err) {
        const e = err as Error & { line?: number };
        return fail(b, (e.line ?? 1) - 1, `TOML: ${e.message.split("\n")[0]}`, "Fix the TOML syntax.");
      }
    }
    case "properties":
      return lineFormat(b, /^\s*[^\s=:#!][^=:]*?\s*([=:]|\s)\s*.*$/, /^\s*([#!].*)?$/, "key=value");
    case "ini":
      return lineFormat(b, /^\s*(\[[^\]]+\]|[^\s=:;#][^=:]*?\s*[=:]\s*.*)$/, /^\s*([#;].*)?$/, "[section] or key=value");
    default:
      return { status: "other" };
  }
}

function lineFormat(b: CodeBlock, entry: RegExp, blank: RegExp, shape: string): BlockOutcome {
  const lines = b.code.split("\n");
  let continued = false;
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i];
    if (continued) {
      continued = /\\$/.test(l);
      continue;
    }
    if (blank.test(l)) continue;
    if (!entry.test(l)) return fail(b, i, `${b.lang}: line is not ${shape}: \`${l.trim().slice(0, 80)}\``, `Write each line as ${shape} or a comment.`);
    continued = /\\$/.test(l);
  }
  return { status: "parsed" };
}
