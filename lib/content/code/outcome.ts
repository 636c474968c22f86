/** The result of checking one code block. `line` is a file line; `fix` is the sentence telling the author what to do. */
export type BlockOutcome =
  | { status: "executed"; note?: string }
  | { status: "parsed"; note?: string }
  | { status: "norun"; reason: string }
  | { status: "other" }
  | { status: "failed"; line: number; message: string; fix: string };
