import type { Element, ElementContent, Root as HastRoot } from "hast";
import { toString } from "hast-util-to-string";
import { visit } from "unist-util-visit";
import type { HastTransform } from "./markdown";

// ```flow blocks become inline SVG at ingest: each line is a chain of boxes, `A -> B -> C`.
// Drawn on the server from plain text, so nothing is fetched or scripted in the browser.

const BOX_H = 40;
const GAP = 40;
const ROW_GAP = 28;
const CHAR_W = 7.9;
const PAD = 22;

export function parseFlow(text: string): string[][] {
  return text
    .split("\n")
    .map((l) => l.trim())
    .filter((l) => l && !l.startsWith("#"))
    .map((l) => l.split(/\s*->\s*/).map((s) => s.trim()).filter(Boolean));
}

type Attrs = Record<string, string | number | string[]>;

// SVG attributes as strings: some hast typings pin x/y/rx to string.
function el(tagName: string, attrs: Attrs, children: ElementContent[] = []): Element {
  const properties = Object.fromEntries(Object.entries(attrs).map(([k, v]) => [k, typeof v === "number" ? String(Math.round(v * 10) / 10) : v]));
  return { type: "element", tagName, properties, children };
}

export function flowSvg(rows: string[][]): Element {
  const widths = rows.map((r) => r.map((label) => Math.max(64, Math.round(label.length * CHAR_W + PAD))));
  const rowWidth = widths.map((ws) => ws.reduce((a, b) => a + b, 0) + GAP * Math.max(0, ws.length - 1));
  const W = Math.max(...rowWidth, 100) + 4;
  const H = rows.length * BOX_H + (rows.length - 1) * ROW_GAP + 4;
  const children: ElementContent[] = [];
  rows.forEach((row, r) => {
    let x = 2 + (W - 4 - rowWidth[r]) / 2;
    const y = 2 + r * (BOX_H + ROW_GAP);
    row.forEach((label, i) => {
      const w = widths[r][i];
      children.push(el("rect", { x, y, width: w, height: BOX_H, rx: 8, className: ["flow-box"] }));
      children.push(el("text", { x: x + w / 2, y: y + BOX_H / 2 + 5, textAnchor: "middle", className: ["flow-label"] }, [{ type: "text", value: label }]));
      if (i < row.length - 1) {
        const x1 = x + w + 3;
        const x2 = x + w + GAP - 5;
        const my = y + BOX_H / 2;
        children.push(el("line", { x1, y1: my, x2, y2: my, className: ["flow-arrow"] }));
        children.push(el("path", { d: `M${x2 - 7},${my - 5} L${x2},${my} L${x2 - 7},${my + 5}`, className: ["flow-arrow"] }));
      }
      x += w + GAP;
    });
  });
  const label = rows.map((r) => r.join(" to ")).join("; ");
  return el("figure", { className: ["flow"] }, [
    el("svg", { viewBox: `0 0 ${W} ${H}`, role: "img", ariaLabel: `Diagram: ${label}`, width: W, height: H }, children),
  ]);
}

/** Replaces `pre > code.language-flow` with its diagram. */
export const flowDiagrams: HastTransform = (tree: HastRoot) => {
  visit(tree, "element", (node: Element, index, parent) => {
    if (node.tagName !== "pre" || !parent || index === undefined) return;
    const code = node.children[0];
    if (code?.type !== "element" || code.tagName !== "code") return;
    const cls = code.properties?.className;
    if (!Array.isArray(cls) || !cls.includes("language-flow")) return;
    const rows = parseFlow(toString(code));
    if (rows.length) parent.children[index] = flowSvg(rows);
  });
};
