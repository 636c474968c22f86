import type { ContentIssue } from "./issues";

// Sibling questions test the same concept. The frontmatter lists are joined into groups here (symmetric
// and transitive: A lists B and B lists C makes one group), and each group gets a concept key, its
// smallest id, which ingest stores on the Question row for the quiz to look siblings up by.

/** Largest group the content may form: the quiz buries and unburies a group in one bounded statement. */
export const MAX_SIBLING_GROUP = 8;

interface SiblingSource {
  id: string;
  siblings: string[];
}

/** Question id → concept key, for questions in a group of two or more; singletons are absent. */
export function conceptKeys(questions: SiblingSource[]): Map<string, string> {
  const ids = new Set(questions.map((q) => q.id));
  const parent = new Map<string, string>();
  const find = (x: string): string => {
    let root = x;
    while (parent.get(root) !== undefined && parent.get(root) !== root) root = parent.get(root)!;
    // Path compression keeps later finds flat.
    for (let y = x; y !== root; ) {
      const next = parent.get(y)!;
      parent.set(y, root);
      y = next;
    }
    return root;
  };
  for (const q of questions) {
    for (const s of q.siblings ?? []) {
      // Dangling ids and self-links are content errors (siblingIssues); they must not form groups.
      if (!ids.has(s) || s === q.id) continue;
      if (!parent.has(q.id)) parent.set(q.id, q.id);
      if (!parent.has(s)) parent.set(s, s);
      const a = find(q.id);
      const b = find(s);
      // The smaller id becomes the root, so the key is the group's smallest id whatever the order.
      if (a !== b) a < b ? parent.set(b, a) : parent.set(a, b);
    }
  }
  const out = new Map<string, string>();
  for (const id of parent.keys()) out.set(id, find(id));
  return out;
}

/** Dangling or self sibling ids, open questions as siblings, and groups too large to bury at once. */
export function siblingIssues(
  questions: (SiblingSource & { file: string; open: boolean })[],
  at: (file: string, field: PropertyKey[]) => number,
): ContentIssue[] {
  const issues: ContentIssue[] = [];
  const byId = new Map(questions.map((q) => [q.id, q]));
  for (const q of questions) {
    q.siblings.forEach((s, i) => {
      // The line only when there is a problem: finding it parses the file's YAML again (~20 ms per ingest).
      const push = (message: string) => issues.push({ file: q.file, line: at(q.file, ["siblings", i]), message });
      const other = byId.get(s);
      if (s === q.id) push(`\`siblings\` names this question itself (\`${s}\`). Remove it: list only other questions that test the same concept.`);
      else if (!other) push(`\`siblings\` names question \`${s}\`, which does not exist. Use the id of another question file, or remove it.`);
      else if (other.open || q.open) push(`\`siblings\` links \`${q.id}\` and \`${s}\`, but open questions are never quizzed on their own. Link the answered question (its \`sameAs\`) instead.`);
      else if (q.siblings.indexOf(s) !== i) push(`\`siblings\` lists \`${s}\` twice. Remove the repeat.`);
    });
  }
  const groups = new Map<string, string[]>();
  for (const [id, key] of conceptKeys(questions)) groups.set(key, [...(groups.get(key) ?? []), id]);
  for (const [key, members] of groups) {
    if (members.length <= MAX_SIBLING_GROUP) continue;
    const q = byId.get(key)!;
    issues.push({ file: q.file, line: at(q.file, ["siblings"]), message: `The sibling group of \`${key}\` has ${members.length} questions (${members.sort().join(", ")}); at most ${MAX_SIBLING_GROUP} may share a concept. Split it: link only questions that truly test the same idea.` });
  }
  return issues;
}
