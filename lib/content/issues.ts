/** A problem in a content file, reported as `file:line: message` where the message says how to fix it. */
export interface ContentIssue {
  file: string;
  line: number;
  message: string;
}

export function formatIssue(issue: ContentIssue): string {
  return `${issue.file}:${issue.line}: ${issue.message}`;
}

export class ContentError extends Error {
  constructor(readonly issues: ContentIssue[]) {
    super(`${issues.length} content problem(s):\n${issues.map(formatIssue).join("\n")}`);
  }
}
