import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { isLeechLapse, leechUpdate } from "../../lib/quiz/leech";
import { easyDayWeight, pickDay } from "../../lib/quiz/load-balance";
import { balanceFigures } from "../../scripts/bench-balance";

const day = (days: number, count: number, weight = 1) => ({ days, count, weight });

describe("load balancing: picking a day", () => {
  it("takes the day with the fewest cards", () => {
    assert.equal(pickDay([day(8, 5), day(9, 2), day(10, 7)], 10), 9);
  });

  it("breaks ties toward the computed interval, then the shorter one", () => {
    assert.equal(pickDay([day(8, 3), day(9, 3), day(10, 3), day(11, 3)], 10), 10);
    assert.equal(pickDay([day(9, 3), day(11, 3)], 10), 9);
  });

  it("divides load by the Easy Days weight and skips none-days while another day is open", () => {
    // Reduced: 2 cards weigh like 4, so the normal day with 3 wins.
    assert.equal(pickDay([day(9, 2, 0.5), day(10, 3, 1)], 9), 10);
    // None: never picked while another day is open, however empty it is.
    assert.equal(pickDay([day(9, 0, 0), day(10, 50, 1)], 9), 10);
    // All none: plain counts decide.
    assert.equal(pickDay([day(9, 4, 0), day(10, 1, 0)], 9), 10);
  });

  it("maps weekdays Monday first", () => {
    // 2026-05-04 is a Monday, 2026-05-10 a Sunday.
    assert.equal(easyDayWeight("rnnnnnx", "2026-05-04"), 0.5);
    assert.equal(easyDayWeight("rnnnnnx", "2026-05-05"), 1);
    assert.equal(easyDayWeight("rnnnnnx", "2026-05-10"), 0);
  });

  it("flattens a synthetic forecast more than random fuzz does", () => {
    const f = balanceFigures();
    console.log(`max/mean per day: ${f.before.toFixed(2)} before, ${f.fuzzed.toFixed(2)} random fuzz, ${f.balanced.toFixed(2)} balanced`);
    assert.ok(f.balanced < f.fuzzed && f.fuzzed < f.before, JSON.stringify(f));
  });
});

describe("leeches", () => {
  it("triggers at the threshold, not before, then every half threshold", () => {
    assert.deepEqual([6, 7, 8, 9, 10, 11, 12].map((n) => isLeechLapse(n, 8)), [false, false, true, false, false, false, true]);
    assert.equal(isLeechLapse(1, 1), true);
    assert.equal(isLeechLapse(2, 1), true);
  });

  it("suspends in suspend mode, only marks in tag mode, and only on a grade that added a lapse", () => {
    assert.deepEqual(leechUpdate(7, 8, { leechThreshold: 8, leechAction: "suspend" }), { leech: true, suspended: true });
    assert.deepEqual(leechUpdate(7, 8, { leechThreshold: 8, leechAction: "tag" }), { leech: true });
    assert.deepEqual(leechUpdate(6, 7, { leechThreshold: 8, leechAction: "suspend" }), {});
    // A Good on a card that already has 8 lapses is not a new lapse: an unsuspended leech stays in play.
    assert.deepEqual(leechUpdate(8, 8, { leechThreshold: 8, leechAction: "suspend" }), {});
  });
});

describe("settings form", () => {
  it("reads the scheduling fields from form strings, with the limits from rules.ts", async () => {
    const { settingsInput } = await import("../../lib/quiz/settings");
    const form = { desiredRetention: "0.9", newPerDay: "20", learningSteps: "1m 10m", relearningSteps: "10m", maximumIntervalDays: "36500", reviewOrder: "due", dailyGoal: "0" };
    const ok = settingsInput.parse({ ...form, rolloverHour: "4", leechThreshold: "8", leechAction: "tag", loadBalance: "off", easyDays: ["n", "n", "n", "n", "n", "r", "x"] });
    assert.deepEqual([ok.rolloverHour, ok.leechThreshold, ok.leechAction, ok.loadBalance, ok.easyDays], [4, 8, "tag", false, "nnnnnrx"]);
    const bad = settingsInput.safeParse({ ...form, rolloverHour: "24", leechThreshold: "0", leechAction: "delete", loadBalance: "on", easyDays: ["n", "q"] });
    assert.equal(bad.success, false);
    assert.deepEqual([...new Set(bad.error!.issues.map((i) => i.path[0]))].sort(), ["easyDays", "leechAction", "leechThreshold", "rolloverHour"]);
  });
});
