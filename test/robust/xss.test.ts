// An XSS corpus through the real content pipeline (loadContent: frontmatter, remark, sanitize, glossary
// and heading passes), rendered in Chromium: no payload runs, and nothing that could run is left in the DOM.
import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import { after, before, describe, it } from "node:test";
import { chromium, type Browser } from "@playwright/test";
import { loadContent } from "../../lib/content/load";
import { copyFixtureContent } from "../helpers";
import { XSS_PAYLOADS } from "./xss-payloads";

const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const skip = !fs.existsSync(CHROMIUM) && !process.env.CI ? `no Chromium at ${CHROMIUM}` : false;
const FILLER =
  "This filler sentence makes the answer long enough for the content check, which wants a direct answer, the reason it holds, a concrete example and a common pitfall, so the payload above is rendered like any real answer would be.";

let browser: Browser;
let fragments: { where: string; html: string }[] = [];

before(async () => {
  if (skip) return;
  const root = copyFixtureContent();
  const template = fs.readFileSync(path.join(root, "questions/sql/sql-fixture-rank.md"), "utf8");
  const sections = XSS_PAYLOADS.map((p, i) => `## Payload ${i}\n\n${p}\n`).join("\n");
  fs.writeFileSync(
    path.join(root, "chapters/xss-corpus.md"),
    `---\nid: xss-corpus\ntitle: XSS corpus\npart: basic-skills\norder: 9\nsummary: Every payload of the corpus in one chapter body.\ntags: [sql]\nstages: [store]\n---\nIntro.\n\n${sections}`,
  );
  XSS_PAYLOADS.forEach((p, i) => {
    const id = `sql-xss-${i}`;
    const title = p.replace(/\n/g, " ");
    const doc = template
      .replace("id: sql-fixture-rank", `id: ${id}`)
      .replace(/^question: .*$/m, `question: ${JSON.stringify(`Payload ${i}: ${title}`)}`)
      .replace(/^---\n([\s\S]*?)\n---\n[\s\S]*$/, (_m, fm: string) => `---\n${fm}\n---\n${p}\n\n${FILLER}\n`);
    fs.writeFileSync(path.join(root, `questions/sql/${id}.md`), doc);
  });
  fs.writeFileSync(
    path.join(root, "glossary/xss-term.md"),
    `---\nid: xss-term\nterm: Xss term\n---\nA definition with ${XSS_PAYLOADS.slice(0, 10).map((p) => p.replace(/\n/g, " ")).join(" and ")}.\n`,
  );
  const { bundle } = loadContent([root]);
  const rendered = bundle.questions.filter((q) => q.id.startsWith("sql-xss-"));
  assert.equal(rendered.length, XSS_PAYLOADS.length, "every payload question made it through the pipeline");
  assert.ok(bundle.chapters.some((c) => c.id === "xss-corpus"), "the corpus chapter was rendered");
  fragments = [
    ...bundle.chapters.map((c) => ({ where: `chapter ${c.id}`, html: c.html })),
    ...rendered.flatMap((q) => [
      { where: `${q.id} question`, html: q.questionHtml },
      { where: `${q.id} answer`, html: q.answerHtml },
    ]),
    ...bundle.glossary.map((g) => ({ where: `glossary ${g.id}`, html: g.html })),
  ];
  browser = await chromium.launch({ executablePath: CHROMIUM, args: ["--no-sandbox", "--disable-gpu"] });
});
after(async () => {
  await browser?.close();
});

describe("XSS corpus through the content pipeline, in Chromium", { skip }, () => {
  it(`has at least 50 payloads (${XSS_PAYLOADS.length})`, () => {
    assert.ok(XSS_PAYLOADS.length >= 50);
  });

  it("runs none of them, on load or on interaction", async () => {
    const page = await browser.newPage();
    const dialogs: string[] = [];
    page.on("dialog", async (d) => {
      dialogs.push(d.message());
      await d.dismiss();
    });
    const body = fragments.map((f) => `<section data-where="${f.where}">${f.html}</section>`).join("\n");
    // No CSP on this page on purpose: the sanitizer alone must stop every payload.
    await page.setContent(`<!doctype html><html><head><script>window.__hits=[];window.__xss=(n)=>window.__hits.push(n);</script></head><body>${body}</body></html>`);
    await page.evaluate(async () => {
      for (const el of Array.from(document.querySelectorAll("body *"))) {
        for (const type of ["mouseover", "mouseenter", "focus", "toggle", "animationstart", "pointerdown"]) el.dispatchEvent(new Event(type, { bubbles: true }));
        if (el instanceof HTMLElement) el.focus();
        if (el instanceof HTMLDetailsElement) el.open = !el.open;
      }
      await new Promise((r) => setTimeout(r, 300));
    });
    const hits = await page.evaluate(() => (window as unknown as { __hits: number[] }).__hits);
    assert.deepEqual(hits, [], "payloads that ran");
    assert.deepEqual(dialogs, []);
    await page.close();
  });

  it("leaves no script-capable markup, and no id that clobbers Next or the layout", async () => {
    const page = await browser.newPage();
    await page.setContent(`<!doctype html><html><body>${fragments.map((f) => f.html).join("\n")}</body></html>`, { waitUntil: "domcontentloaded" });
    const found = await page.evaluate(() => {
      const bad: string[] = [];
      // GFM task lists render as disabled checkboxes; any other input is a payload.
      for (const el of Array.from(document.querySelectorAll("script, iframe, object, embed, style, base, meta, link, form, input:not([type=checkbox][disabled]), textarea, template, portal, svg, math"))) bad.push(`<${el.tagName.toLowerCase()}>`);
      for (const el of Array.from(document.querySelectorAll("*"))) {
        for (const attr of Array.from(el.attributes)) {
          const v = attr.value.replace(/[\u0000-\u0020]/g, "").toLowerCase();
          if (attr.name.startsWith("on") || attr.name === "style" || attr.name === "srcdoc") bad.push(`${el.tagName}[${attr.name}]`);
          if (["href", "src", "action", "formaction", "xlink:href", "data", "poster"].includes(attr.name) && /^(javascript|vbscript|data):/.test(v)) bad.push(`${el.tagName}[${attr.name}=${attr.value}]`);
        }
      }
      for (const id of ["__next_f", "__NEXT_DATA__", "main", "next"]) if (document.getElementById(id)) bad.push(`#${id}`);
      if ("__next_f" in window) bad.push("window.__next_f");
      return bad;
    });
    assert.deepEqual(found, []);
    await page.close();
  });
});
