// Syntax highlighting at ingest: the HTML carries its colours, so readers download no highlighter.
// Runs after sanitizing (its inline colour variables are our own output, not the author's).
import rehypeShikiFromHighlighter from "@shikijs/rehype/core";
import type { Element, ElementContent, Root } from "hast";
import { createHighlighterCoreSync } from "shiki/core";
import { createJavaScriptRegexEngine } from "shiki/engine/javascript";
import bash from "@shikijs/langs/bash";
import dockerfile from "@shikijs/langs/dockerfile";
import ini from "@shikijs/langs/ini";
import java from "@shikijs/langs/java";
import javascript from "@shikijs/langs/javascript";
import json from "@shikijs/langs/json";
import python from "@shikijs/langs/python";
import scala from "@shikijs/langs/scala";
import sql from "@shikijs/langs/sql";
import toml from "@shikijs/langs/toml";
import typescript from "@shikijs/langs/typescript";
import yaml from "@shikijs/langs/yaml";
import dark from "@shikijs/themes/github-dark";
import light from "@shikijs/themes/github-light";
import { visit } from "unist-util-visit";

// The synchronous JavaScript engine keeps renderMarkdown synchronous (no WASM to load).
const highlighter = createHighlighterCoreSync({
  themes: [light, dark],
  langs: [bash, dockerfile, ini, java, javascript, json, python, scala, sql, toml, typescript, yaml],
  engine: createJavaScriptRegexEngine({ forgiving: true }),
});

const LANGUAGE_NAMES: Record<string, string> = { text: "Text", sql: "SQL", python: "Python", bash: "Shell", yaml: "YAML", json: "JSON", java: "Java", scala: "Scala", javascript: "JavaScript", typescript: "TypeScript", dockerfile: "Dockerfile", toml: "TOML", ini: "INI", properties: "Properties", http: "HTTP" };

// The sync core highlighter has the same methods the plugin calls; its generic types just do not line up.
const shiki = rehypeShikiFromHighlighter(highlighter as unknown as Parameters<typeof rehypeShikiFromHighlighter>[0], {
  themes: { light: "github-light", dark: "github-dark" },
  // No default colour: globals.css picks --shiki-light or --shiki-dark with the site theme.
  defaultColor: false,
  addLanguageClass: true,
  // Unknown languages (text, flow, cypher…) stay plain.
  fallbackLanguage: undefined,
  // shiki stops tokenizing a line after 500 ms by default and emits the rest as one token; on a loaded
  // machine that made the output depend on timing. Content is ours and lines are short: no limit.
  tokenizeTimeLimit: 0,
}) as (tree: Root) => void;

/**
 * Highlights code, then makes every code block (and wide table) a focusable, labelled group (a block wider than a phone scrolls,
 * and keyboard users must be able to reach it) with a copy button that a small client script switches on.
 */
export function rehypeCode() {
  return (tree: Root) => {
    shiki(tree);
    visit(tree, "element", (node: Element) => {
      if (node.tagName === "span" && typeof node.properties?.style === "string") node.properties.style = readableColours(node.properties.style);
    });
    visit(tree, "element", (node: Element, index, parent) => {
      if (!parent || index === undefined) return;
      if (node.tagName === "table") {
        // Wide tables scroll inside their own focusable box instead of widening the page.
        parent.children[index] = { type: "element", tagName: "div", properties: { className: ["table-scroll"], tabIndex: 0, role: "group", ariaLabel: "Table" }, children: [node] };
        return "skip";
      }
      if (node.tagName !== "pre") return;
      const code = node.children.find((c): c is Element => c.type === "element" && c.tagName === "code");
      if (code?.properties?.class) {
        const cls = code.properties.class;
        code.properties.className = Array.isArray(cls) ? cls.map(String) : String(cls).split(/\s+/);
        delete code.properties.class;
      }
      const lang = languageOf(code) ?? languageOf(node);
      if (lang === "flow") return "skip";
      delete node.properties.tabindex;
      node.properties = { ...node.properties, tabIndex: 0, role: "group", ariaLabel: lang ? `${LANGUAGE_NAMES[lang] ?? lang} code` : "Code" };
      delete node.properties.style;
      const button: Element = { type: "element", tagName: "button", properties: { type: "button", className: ["copy-code"], hidden: true }, children: [{ type: "text", value: "Copy" }] };
      const wrapper: ElementContent = { type: "element", tagName: "div", properties: { className: ["code-block"] }, children: [node, button] };
      parent.children[index] = wrapper;
      return "skip";
    });
  };
}

function languageOf(node: Element | undefined): string | undefined {
  const cls = node?.properties?.className ?? node?.properties?.class;
  const list = typeof cls === "string" ? cls.split(/\s+/) : Array.isArray(cls) ? cls : [];
  const found = list.find((c) => typeof c === "string" && c.startsWith("language-"));
  return typeof found === "string" ? found.slice("language-".length) : undefined;
}

// The code backgrounds in globals.css (--code-bg). Theme colours that fall under 4.5:1 on them are darkened or
// lightened until they pass, so highlighting never costs contrast (github-light's orange is 3.6:1).
const CODE_BG = { light: "#f2f4f7", dark: "#1e2632" } as const;
const MIN_CONTRAST = 4.6;

function readableColours(style: string): string {
  return style.replace(/--shiki-(light|dark):(#[0-9a-fA-F]{6})/g, (_, mode: "light" | "dark", hex: string) => `--shiki-${mode}:${readable(hex, CODE_BG[mode], mode === "light" ? 0 : 255)}`);
}

export function readable(hex: string, bg: string, towards: number): string {
  let rgb = parseHex(hex);
  const target = parseHex(bg);
  for (let i = 0; i < 20 && contrast(rgb, target) < MIN_CONTRAST; i++) rgb = rgb.map((c) => Math.round(c + (towards - c) * 0.12));
  return `#${rgb.map((c) => c.toString(16).padStart(2, "0")).join("")}`;
}

function parseHex(hex: string): number[] {
  return [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16));
}

function luminance(rgb: number[]): number {
  const [r, g, b] = rgb.map((v) => {
    const c = v / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

export function contrast(a: number[], b: number[]): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
}
