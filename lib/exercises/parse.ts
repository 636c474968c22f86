import type { ContentIssue } from "../content/issues";
import type { ExerciseKind } from "./schema";

// Splits an exercise body into the prompt and its role blocks. A role block is a fenced block whose
// info string is `<lang> <role>`, e.g. ```sql solution. The prompt is everything before the first role
// block; after it only role blocks may follow, so nothing a learner should see hides among solutions.

export type BlockRole = "solution" | "tests" | "probe" | "check";
export interface RoleBlock {
  lang: string;
  role: BlockRole;
  code: string;
  /** 1-based file line of the opening fence. */
  line: number;
}
export interface Probe {
  requirement: string;
  expectError: boolean;
  sql: string;
  line: number;
}

const ROLES: Record<ExerciseKind, Partial<Record<BlockRole, string>>> = {
  sql: { solution: "sql", check: "sql" },
  python: { solution: "python", tests: "python" },
  modeling: { solution: "sql", probe: "sql" },
};

export function splitExerciseBody(file: string, body: string, bodyLine: number, kind: ExerciseKind) {
  const issues: ContentIssue[] = [];
  const lines = body.split("\n");
  const blocks: RoleBlock[] = [];
  let promptEnd = lines.length;
  let i = 0;
  while (i < lines.length) {
    const open = /^(`{3,}|~{3,})\s*([A-Za-z0-9_+-]*)\s*(.*)$/.exec(lines[i]);
    if (!open) {
      if (blocks.length && lines[i].trim() !== "") {
        issues.push({ file, line: bodyLine + i, message: "Only fenced ```sql solution / ```python tests / ```sql probe blocks may follow the first solution block. Move this text above the solutions, into the prompt." });
      }
      i++;
      continue;
    }
    const fence = open[1];
    const start = i;
    let end = i + 1;
    while (end < lines.length && !(lines[end].startsWith(fence[0].repeat(fence.length)) && lines[end].trim() === fence[0].repeat(lines[end].trim().length))) end++;
    if (end >= lines.length) {
      issues.push({ file, line: bodyLine + start, message: "This code block is never closed. Add a closing ``` line." });
      break;
    }
    const lang = open[2].toLowerCase();
    const role = open[3].trim().split(/\s+/)[0] as BlockRole | "";
    if (role === "solution" || role === "tests" || role === "probe" || role === "check") {
      const want = ROLES[kind][role];
      if (!want) {
        issues.push({ file, line: bodyLine + start, message: `A ${kind} exercise has no \`${role}\` blocks. Allowed: ${Object.keys(ROLES[kind]).map((r) => `\`${ROLES[kind][r as BlockRole]} ${r}\``).join(", ")}.` });
      } else if (lang !== want) {
        issues.push({ file, line: bodyLine + start, message: `A \`${role}\` block of a ${kind} exercise is written in ${want}. Start it with \`\`\`${want} ${role}.` });
      }
      if (!blocks.length) promptEnd = start;
      blocks.push({ lang, role, code: lines.slice(start + 1, end).join("\n"), line: bodyLine + start });
    } else if (blocks.length) {
      issues.push({ file, line: bodyLine + start, message: `A code block after the solutions needs a role: \`\`\`${lang || "sql"} solution, tests, probe or check. Move an example block into the prompt, above the solutions.` });
    }
    i = end + 1;
  }
  const prompt = lines.slice(0, promptEnd).join("\n").trim();
  return { prompt, blocks, issues };
}

/** Reads the `-- requirement:` and `-- expect: error` lines at the top of a probe. */
export function parseProbe(file: string, block: RoleBlock): { probe?: Probe; issue?: ContentIssue } {
  const req = /^\s*--\s*requirement:\s*(.+)$/m.exec(block.code);
  if (!req) {
    return { issue: { file, line: block.line, message: "A probe must say what it checks: start it with a line `-- requirement: <the requirement, in words a learner understands>`." } };
  }
  const expectError = /^\s*--\s*expect:\s*error\s*$/m.test(block.code);
  return { probe: { requirement: req[1].trim(), expectError, sql: block.code, line: block.line } };
}
