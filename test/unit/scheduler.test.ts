import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { formatInterval, newCard, preview, retrievability, review } from "../../lib/quiz/scheduler";

const t0 = new Date("2026-03-01T09:00:00Z");
const settings = { desiredRetention: 0.9 };
const minutes = (a: Date, b: Date) => (b.getTime() - a.getTime()) / 60000;

describe("scheduler wrapper", () => {
  it("orders the four previews of a new card Again < Hard < Good < Easy", () => {
    const p = preview(newCard(t0), t0, settings);
    assert.ok(p[1] < p[2] && p[2] < p[3] && p[3] < p[4], JSON.stringify(p));
    assert.equal(minutes(t0, p[1]), 1, "Again repeats the first learning step");
  });

  it("is pure: the same card, grade and time give the same result", () => {
    const a = review(newCard(t0), 3, t0, settings);
    const b = review(newCard(t0), 3, t0, settings);
    assert.deepEqual(a, b);
  });

  it("graduates a card to review after Good on the learning steps", () => {
    let card = newCard(t0);
    let now = t0;
    for (let i = 0; i < 3 && card.state !== 2; i++) {
      card = review(card, 3, now, settings).card;
      now = card.due;
    }
    assert.equal(card.state, 2);
    assert.ok(card.scheduledDays >= 1);
  });

  it("counts a lapse and relearns when a review card is graded Again", () => {
    let card = review(newCard(t0), 4, t0, settings).card; // Easy graduates at once
    assert.equal(card.state, 2);
    const { card: after, log } = review(card, 1, card.due, settings);
    assert.equal(after.state, 3);
    assert.equal(after.lapses, 1);
    assert.equal(log.state, 2, "the log records the state before the grade");
    assert.equal(log.rating, 1);
  });

  it("asks for shorter intervals when desired retention is higher", () => {
    const card = review(newCard(t0), 4, t0, settings).card;
    const relaxed = preview(card, card.due, { desiredRetention: 0.8 })[3];
    const strict = preview(card, card.due, { desiredRetention: 0.97 })[3];
    assert.ok(strict < relaxed);
  });

  it("lowers retrievability as time passes", () => {
    const card = review(newCard(t0), 4, t0, settings).card;
    const soon = retrievability(card, new Date(t0.getTime() + 86400000), settings);
    const later = retrievability(card, new Date(t0.getTime() + 30 * 86400000), settings);
    assert.ok(soon > later && later > 0 && soon <= 1);
    assert.equal(retrievability(newCard(t0), t0, settings), 0);
  });

  it("formats intervals for buttons", () => {
    assert.equal(formatInterval(60_000), "1m");
    assert.equal(formatInterval(10 * 60_000), "10m");
    assert.equal(formatInterval(3 * 3600_000), "3h");
    assert.equal(formatInterval(4 * 86400_000), "4d");
    assert.equal(formatInterval(75 * 86400_000), "2.5mo");
    assert.equal(formatInterval(800 * 86400_000), "2.2y");
  });
});

import { proposeGrade } from "../../lib/quiz/rubric";
import { parseSteps } from "../../lib/quiz/scheduler";

describe("rubric grading", () => {
  it("proposes Good for every key point, Hard for at least half, Again below half, never Easy", () => {
    assert.equal(proposeGrade(4, 4), 3);
    assert.equal(proposeGrade(3, 4), 2);
    assert.equal(proposeGrade(2, 4), 2);
    assert.equal(proposeGrade(1, 4), 1, "a lapse is Again, not Hard");
    assert.equal(proposeGrade(0, 3), 1);
    assert.equal(proposeGrade(0, 0), null);
  });

  it("parses learning steps", () => {
    assert.deepEqual(parseSteps("1m 10m"), ["1m", "10m"]);
    assert.deepEqual(parseSteps(" 1h, 1d "), ["1h", "1d"]);
    assert.deepEqual(parseSteps(""), []);
    assert.equal(parseSteps("10 minutes"), null);
  });
});
