import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import { describe, it } from "node:test";
import { loadContent } from "../../lib/content/load";
import { headingAnchors, renderMarkdown } from "../../lib/content/markdown";
import { contentId } from "../../lib/content/safe-ids";
import { copyFixtureContent, tempDir } from "../helpers";

describe("content ids cannot clobber globals or the app's own ids", () => {
  const render = (md: string) => renderMarkdown(md, 0, [headingAnchors]);

  it("prefixes a heading that would become a framework global, keeping TOC and # link in step", () => {
    const r = render("## __next_f\n\ntext\n\n## _rsc\n\n## __NEXT_DATA__ {#x}\n");
    assert.doesNotMatch(r.html, /id="__next_f"/);
    assert.match(r.html, /<h2 id="user-content-__next_f">__next_f<a href="#user-content-__next_f"/);
    assert.deepEqual(r.sections.map((s) => s.anchor), ["user-content-__next_f", "user-content-_rsc", "x"]);
  });

  it("prefixes explicit anchors that collide with the layout (#main) and leaves ordinary ones unchanged", () => {
    const r = render("## Skip {#main}\n\n## Window functions\n\n## Über\n\n## 2PC {#two-phase}\n");
    assert.deepEqual(r.sections.map((s) => s.anchor), ["user-content-main", "window-functions", "über", "two-phase"]);
    assert.doesNotMatch(r.html, /id="main"/);
  });

  it("reserves every literal id the app renders next to content", () => {
    const ids = new Set<string>();
    for (const dir of ["app", "components"]) {
      for (const f of fs.readdirSync(dir, { recursive: true }) as string[]) {
        if (!f.endsWith(".tsx")) continue;
        for (const m of fs.readFileSync(path.join(dir, f), "utf8").matchAll(/\bid="([^"]+)"|\bid=\{`([a-z-]+)\$\{/g)) ids.add(m[1] ?? m[2]);
      }
    }
    assert.ok(ids.has("main"), "the scan finds the layout's #main");
    for (const id of ids) assert.notEqual(contentId(id), id, `content could produce id="${id}", which the app renders itself`);
  });

  it("lets a question link to a prefixed section by the anchor the page shows", () => {
    const root = copyFixtureContent();
    const chapter = path.join(root, "chapters/fixture-sql.md");
    fs.appendFileSync(chapter, "\n## Main {#main}\n\nA section whose pinned anchor collides with the layout.\n");
    const q = path.join(root, "questions/sql/sql-fixture-rank.md");
    fs.writeFileSync(q, fs.readFileSync(q, "utf8").replace("chapter: fixture-sql#window-functions", "chapter: fixture-sql#user-content-main"));
    const { issues, bundle } = loadContent([root]);
    assert.deepEqual(issues, []);
    const ch = bundle.chapters.find((c) => c.id === "fixture-sql")!;
    assert.ok(ch.sections.some((s) => s.anchor === "user-content-main"));
    assert.match(ch.html, /id="user-content-main"/);
  });
});

describe("content input that must be reported, not skipped", () => {
  it("reports a symlinked content file with file:line instead of skipping it", () => {
    const root = copyFixtureContent();
    const outside = path.join(tempDir("outside"), "secret.md");
    fs.writeFileSync(outside, "---\nid: x\n---\n");
    fs.symlinkSync(outside, path.join(root, "questions/sql/sql-linked.md"));
    const { issues } = loadContent([root], { cwd: root });
    const hit = issues.find((i) => i.file === "questions/sql/sql-linked.md");
    assert.ok(hit, JSON.stringify(issues));
    assert.equal(hit.line, 1);
    assert.match(hit.message, /symbolic link.*Replace the link with the file itself\.$/);
  });

  it("reports a symlinked topics.yml", () => {
    const root = copyFixtureContent();
    const real = path.join(tempDir("topics"), "topics.yml");
    fs.renameSync(path.join(root, "topics.yml"), real);
    fs.symlinkSync(real, path.join(root, "topics.yml"));
    assert.ok(loadContent([root], { cwd: root }).issues.some((i) => i.file === "topics.yml" && /symbolic link/.test(i.message)));
  });

  it("reports every unknown field on its own line", () => {
    const root = copyFixtureContent();
    const q = path.join(root, "questions/sql/sql-fixture-rank.md");
    const lines = fs.readFileSync(q, "utf8").split("\n");
    lines.splice(4, 0, "colour: blue");
    lines.splice(6, 0, "size: 3");
    fs.writeFileSync(q, lines.join("\n"));
    const hits = loadContent([root], { cwd: root }).issues.filter((i) => i.message.startsWith("Unknown field"));
    assert.deepEqual(hits.map((h) => [h.line, h.message.match(/`(\w+)`/)![1]]), [[5, "colour"], [7, "size"]]);
  });
});
