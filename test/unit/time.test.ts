import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { addDaysToKey, dayKey, daysBetweenKeys, startOfDay, startOfNextDay, validTimeZone } from "../../lib/time";

describe("learner days", () => {
  it("starts the day at the learner's midnight", () => {
    const now = new Date("2026-03-10T03:30:00Z"); // 22:30 on the 9th in New York (UTC-4 after DST)
    assert.equal(dayKey(now, "America/New_York"), "2026-03-09");
    assert.equal(startOfDay(now, "America/New_York").toISOString(), "2026-03-09T04:00:00.000Z");
    assert.equal(dayKey(now, "Asia/Tokyo"), "2026-03-10");
    assert.equal(startOfDay(now, "Asia/Tokyo").toISOString(), "2026-03-09T15:00:00.000Z");
  });

  it("handles days that are 23 or 25 hours long", () => {
    // Europe/Berlin springs forward on 2026-03-29 and falls back on 2026-10-25.
    assert.equal(startOfDay(new Date("2026-03-29T20:00:00Z"), "Europe/Berlin").toISOString(), "2026-03-28T23:00:00.000Z");
    assert.equal(startOfNextDay(new Date("2026-03-29T12:00:00Z"), "Europe/Berlin").toISOString(), "2026-03-29T22:00:00.000Z");
    assert.equal(startOfNextDay(new Date("2026-10-25T12:00:00Z"), "Europe/Berlin").toISOString(), "2026-10-25T23:00:00.000Z");
  });

  it("does calendar arithmetic on keys and rejects unknown zones", () => {
    assert.equal(addDaysToKey("2026-02-27", 2), "2026-03-01");
    assert.equal(daysBetweenKeys("2025-12-30", "2026-01-02"), 3);
    assert.equal(validTimeZone("Europe/Berlin"), true);
    assert.equal(validTimeZone("Mars/Olympus"), false);
    assert.equal(validTimeZone("x'; drop"), false);
  });
});
