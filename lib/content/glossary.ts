import type { Element, ElementContent, Root as HastRoot, Text } from "hast";
import type { HastTransform } from "./markdown";

export interface TermDef {
  id: string;
  term: string;
  aliases: string[];
  definition: string;
}

const SKIP = new Set(["a", "code", "pre", "h1", "h2", "h3", "h4", "h5", "h6", "kbd", "script", "style"]);

/**
 * Marks the first mention of each glossary term in one document with a link to its entry and a
 * definition that shows on hover and on keyboard focus (pure CSS, so no client-side scanning).
 */
export function glossaryMarker(terms: TermDef[]): (docId: string) => HastTransform {
  const byName = new Map<string, TermDef>();
  for (const t of terms) for (const name of [t.term, ...t.aliases]) byName.set(name.toLowerCase(), t);
  const names = [...byName.keys()].sort((a, b) => b.length - a.length).map((n) => n.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"));
  if (names.length === 0) return () => () => {};
  const pattern = new RegExp(`(?<![\\p{L}\\p{N}_-])(${names.join("|")})(?![\\p{L}\\p{N}_-])`, "giu");

  return (docId) => (tree: HastRoot) => {
    const used = new Set<string>();
    let n = 0;
    const walk = (parent: HastRoot | Element) => {
      for (let i = 0; i < parent.children.length; i++) {
        const child = parent.children[i];
        if (child.type === "element") {
          if (!SKIP.has(child.tagName)) walk(child);
          continue;
        }
        if (child.type !== "text") continue;
        const parts = mark((child as Text).value);
        if (parts) {
          parent.children.splice(i, 1, ...(parts as typeof parent.children));
          i += parts.length - 1;
        }
      }
    };
    const mark = (value: string): ElementContent[] | null => {
      pattern.lastIndex = 0;
      const out: ElementContent[] = [];
      let last = 0;
      for (let m = pattern.exec(value); m; m = pattern.exec(value)) {
        const def = byName.get(m[1].toLowerCase())!;
        if (used.has(def.id) || def.id === docId) continue;
        used.add(def.id);
        const tipId = `term-${docId}-${++n}`;
        if (m.index > last) out.push({ type: "text", value: value.slice(last, m.index) });
        out.push({
          type: "element",
          tagName: "a",
          properties: { href: `/glossary#${def.id}`, className: ["term"], ariaDescribedBy: [tipId] },
          children: [
            { type: "text", value: m[1] },
            { type: "element", tagName: "span", properties: { id: tipId, role: "tooltip", className: ["term-tip"] }, children: [{ type: "text", value: `${def.term}: ${def.definition}` }] },
          ],
        });
        last = m.index + m[1].length;
      }
      if (out.length === 0) return null;
      if (last < value.length) out.push({ type: "text", value: value.slice(last) });
      return out;
    };
    walk(tree);
  };
}
