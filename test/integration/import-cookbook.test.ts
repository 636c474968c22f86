import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import { describe, it } from "node:test";
import { loadContent } from "../../lib/content/load";
import { importCookbook } from "../../lib/importer/cookbook";
import { FIXTURE_CONTENT, tempDir } from "../helpers";

const FROM = path.resolve("test/fixtures/cookbook");
const UPSTREAM = path.resolve("test/fixtures/cookbook-upstream");

function run(match?: { id: string; text: string }[]) {
  const to = path.join(tempDir("import"), "out");
  return { to, summary: importCookbook({ from: FROM, to, match }) };
}

describe("cookbook import (fixtures in the upstream shapes)", () => {
  const { to, summary } = run();
  const { bundle, issues } = loadContent([to]);

  it("prints the expected counts", () => {
    assert.deepEqual(
      { chapters: summary.chapters, caseStudies: summary.caseStudies, questions: summary.questions, answered: summary.answeredQuestions, errors: summary.errors },
      { chapters: 4, caseStudies: 4, questions: 9, answered: 2, errors: [] },
    );
  });

  it("writes a directory that passes the content check on its own", () => {
    assert.deepEqual(issues, []);
    assert.equal(bundle.questions.length, 9);
  });

  it("reports what it could not read as warnings with file:line", () => {
    const w = (file: string, line: number, text: string) =>
      assert.ok(
        summary.warnings.some((x) => x.file === file && x.line === line && x.message.includes(text)),
        `no warning ${file}:${line} ~ ${text}\n${summary.warnings.map((x) => `${x.file}:${x.line} ${x.message}`).join("\n")}`,
      );
    w("sections/01-Introduction.md", 13, "heading that does not exist");
    w("sections/01-Introduction.md", 15, "Raw HTML");
    w("sections/01-Introduction.md", 33, 'The section "Buffer" is empty');
    w("sections/05-CaseStudies.md", 43, '"Delta" has no links');
    w("sections/08-InterviewQuestions.md", 27, "empty **Answer**");
    w("sections/08-InterviewQuestions.md", 39, "no **Answer** item");
    w("sections/08-InterviewQuestions.md", 29, 'The section "SQL" is empty');
    w("sections/09-Broken.md", 1, 'unsupported scheme "javascript:"');
    w("sections/09-Broken.md", 1, "no target");
  });

  it("turns setext and ATX headings into pinned anchors and resolves links and images", () => {
    const intro = bundle.chapters.find((c) => c.id === "cookbook-introduction")!;
    assert.equal(intro.title, "Introduction");
    assert.deepEqual(intro.sections.map((s) => s.anchor), ["why-this-exists", "the-stages", "connect", "buffer", "an-empty-section", "closing-words"]);
    assert.match(intro.html, /href="\/chapters\/cookbook-basic-skills#git"/);
    assert.match(intro.html, /href="https:\/\/github.com\/andkret\/Cookbook\/raw\/master\/images\/stages.png">Image: Stage diagram/);
    assert.doesNotMatch(intro.html, /<img|<div/);
    assert.match(intro.html, /Podcast #12: Fixture Episode About Pipelines/);
    assert.equal(intro.source?.license, "Apache-2.0");
    assert.equal(intro.source?.path, "sections/01-Introduction.md");
  });

  it("reads case studies in both heading styles with podcasts, slides and links", () => {
    const ids = bundle.caseStudies.map((c) => c.id).sort();
    assert.deepEqual(ids, ["cookbook-alpha", "cookbook-beta", "cookbook-delta", "cookbook-gamma"]);
    const alpha = bundle.caseStudies.find((c) => c.id === "cookbook-alpha")!;
    assert.deepEqual(alpha.podcasts, [
      { number: 101, title: "Data Engineering At Alpha Case Study", description: "How Alpha moves its events around.", video: "https://youtu.be/alpha101", audio: "https://anchor.fm/fixture/101-alpha" },
    ]);
    assert.deepEqual(alpha.slides.map((s) => s.url), ["https://www.slideshare.net/alpha/streaming-at-alpha", "https://example.com/alpha/slides.pdf"]);
    assert.ok(alpha.sources.some((s) => s.title === "Alpha Engineering Blog" && s.url === "https://example.com/alpha/blog"));
    const beta = bundle.caseStudies.find((c) => c.id === "cookbook-beta")!;
    assert.match(beta.summary, /sensor readings/);
    assert.ok(beta.sources.some((s) => s.title === "Druid Analytics"));
    assert.equal(bundle.caseStudies.find((c) => c.id === "cookbook-gamma")!.source?.line, 37);
  });

  it("keeps answered questions with nested lists and code, and bare bullets as open questions", () => {
    const dedupe = bundle.questions.find((q) => q.id === "cookbook-how-do-you-remove-duplicate-rows-in-pandas")!;
    assert.equal(dedupe.open, false);
    assert.equal(dedupe.topic, "cookbook-python");
    assert.match(dedupe.answerHtml, /<li><code>subset<\/code>/);
    // Highlighted at ingest: the language survives as a class and the code text is intact under the colour spans.
    assert.match(dedupe.answerHtml, /<code class="language-python">/);
    assert.match(dedupe.answerHtml.replace(/<[^>]+>/g, ""), /df = df.drop_duplicates/);
    assert.ok(dedupe.keyPoints.length >= 1);
    const topic = bundle.questions.find((q) => q.id === "cookbook-what-is-a-topic")!;
    assert.equal(topic.open, true);
    assert.equal(topic.topic, "cookbook-kafka");
    assert.equal(topic.chapter, "cookbook-interview-questions#kafka");
    assert.ok(!bundle.questions.some((q) => q.questionText.startsWith("A link")), "a bare link is not a question");
    assert.deepEqual(bundle.topics.map((t) => t.id).sort(), ["cookbook-airflow", "cookbook-development-agile", "cookbook-kafka", "cookbook-python"]);
  });

  it("makes strict kebab-case ids from headings and questions with slashes and dashes, and merges repeated headings", () => {
    const scrum = bundle.questions.find((q) => q.topic === "cookbook-development-agile")!;
    assert.equal(scrum.id, "cookbook-what-is-the-difference-between-scrum-and-kanban-with-examples");
    assert.equal(scrum.chapter, "cookbook-interview-questions#development--agile", "the section anchor keeps GitHub's slug");
    const partition = bundle.questions.find((q) => q.id === "cookbook-what-is-a-partition")!;
    assert.equal(partition.topic, "cookbook-kafka", "a second ### Kafka joins the first topic");
    assert.equal(partition.chapter, "cookbook-interview-questions#kafka-1");
  });

  it("matches open questions to our answered ones so they can be quizzed through ours", () => {
    const { to: merged } = run([{ id: "kafka-fixture-consumer-groups", text: "How do consumer groups work in Kafka?" }]);
    const loaded = loadContent([FIXTURE_CONTENT, merged]);
    assert.deepEqual(loaded.issues, []);
    assert.equal(loaded.bundle.questions.find((q) => q.id === "cookbook-how-do-consumer-groups-work")!.sameAs, "kafka-fixture-consumer-groups");
  });

  it("refuses a folder that is not a Cookbook clone", () => {
    const s = importCookbook({ from: tempDir("empty"), to: path.join(tempDir("x"), "out") });
    assert.equal(s.errors.length, 1);
    assert.match(s.errors[0].message, /No sections\/ folder/);
  });
});

describe("cookbook import of real upstream excerpts (test/fixtures/cookbook-upstream)", () => {
  const to = path.join(tempDir("import"), "out");
  const summary = importCookbook({ from: UPSTREAM, to });
  const { bundle, issues } = loadContent([to]);

  it("imports the introduction with the expected structure", () => {
    assert.deepEqual(issues, []);
    assert.deepEqual(summary.errors, []);
    const ch = bundle.chapters.find((c) => c.id === "cookbook-introduction")!;
    assert.equal(ch.title, "Introduction");
    for (const anchor of ["what-is-this-cookbook", "my-data-science-platform-blueprint", "connect", "buffer", "processing-framework", "store", "visualize", "who-companies-need"]) {
      assert.ok(ch.sections.some((s) => s.anchor === anchor), `section #${anchor}`);
    }
    assert.match(ch.html, /modular big data platform/);
    assert.doesNotMatch(ch.html, /<img/);
  });

  it("recovers a numbered question glued to the paragraph above it, and says so with file:line", () => {
    const texts = bundle.questions.map((q) => q.question);
    assert.equal(summary.answeredQuestions, 4, texts.join(" | "));
    const q = bundle.questions.find((x) => x.question === "What is the difference between synchronous and asynchronous API calls?");
    assert.ok(q, `the glued question is imported: ${texts.join(" | ")}`);
    assert.equal(q.open, false, "with its answer");
    assert.match(q.source!.url ?? JSON.stringify(q.source), /08-InterviewQuestions\.md#L17/);
    const chapter = bundle.chapters.find((c) => c.id === "cookbook-interview-questions")!;
    assert.doesNotMatch(chapter.html, /including security, design principles, best practices, and tooling\.\s*11\./, "the paragraph no longer swallows it");
    const warning = summary.warnings.find((w) => /directly follows a paragraph line/.test(w.message));
    assert.deepEqual(warning && [warning.file, warning.line], ["sections/08-InterviewQuestions.md", 17]);
  });
});
