import assert from "node:assert/strict";
import { describe, it } from "node:test";
import fc from "fast-check";
import { addDaysToKey, dayKey, dayKeyer, daysBetweenKeys, startOfDay, startOfNextDay, validTimeZone } from "../../lib/time";

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

describe("rollover hour", () => {
  it("keeps the small hours in the day before and starts the day at the hour", () => {
    // 02:00 on 3 May in New York (UTC-4).
    const at2am = new Date("2026-05-03T06:00:00Z");
    assert.equal(dayKey(at2am, "America/New_York", 4), "2026-05-02");
    assert.equal(dayKey(at2am, "America/New_York", 0), "2026-05-03");
    assert.equal(startOfDay(at2am, "America/New_York", 4).toISOString(), "2026-05-02T08:00:00.000Z");
    assert.equal(startOfNextDay(at2am, "America/New_York", 4).toISOString(), "2026-05-03T08:00:00.000Z", "04:00 the same calendar day");
    assert.equal(startOfNextDay(new Date("2026-05-03T09:00:00Z"), "America/New_York", 4).toISOString(), "2026-05-04T08:00:00.000Z");
  });

  it("follows the wall clock across a daylight-saving change", () => {
    // Berlin springs forward at 02:00 on 29 March: 04:00 that day is 02:00Z, 04:00 the next is 02:00Z too.
    assert.equal(startOfNextDay(new Date("2026-03-28T12:00:00Z"), "Europe/Berlin", 4).toISOString(), "2026-03-29T02:00:00.000Z");
    assert.equal(startOfNextDay(new Date("2026-03-29T12:00:00Z"), "Europe/Berlin", 4).toISOString(), "2026-03-30T02:00:00.000Z");
  });
});

describe("dayKeyer", () => {
  it("gives dayKey's answer for every instant, in quarter- and half-hour zones and across DST changes", () => {
    // Instants every 7 minutes 13 seconds over two years cover each slot's edges at many offsets; a memo
    // by the hour (or by the UTC day) would give the wrong day around local midnight in these zones.
    const zones = [undefined, "UTC", "Europe/Berlin", "America/New_York", "Asia/Kolkata", "Asia/Kathmandu", "Pacific/Chatham", "Australia/Lord_Howe"];
    const start = Date.UTC(2025, 0, 1);
    const step = 7 * 60_000 + 13_000;
    let checked = 0;
    for (const tz of zones) {
      for (const roll of [0, 4]) {
        const keyOf = dayKeyer(tz, roll);
        for (let t = start; t < start + 2 * 365 * 86_400_000; t += step * 37) {
          const at = new Date(t);
          assert.equal(keyOf(at), dayKey(at, tz, roll), `${tz ?? "local"} roll ${roll} at ${at.toISOString()}`);
          checked++;
        }
      }
    }
    assert.ok(checked > 10_000, `only ${checked} instants checked`);
  });
});

describe("the wall clock in a zone", () => {
  it("reads the same date and hour as Intl's parts, in whole, half- and quarter-hour zones, across DST", () => {
    // dayKey reads the wall clock from `format` with a fixed pattern (faster than formatToParts); this
    // compares its date and its rollover decision with a reference built from the parts.
    const zones = ["UTC", "Europe/Berlin", "America/New_York", "Asia/Kolkata", "Asia/Kathmandu", "Pacific/Chatham", "Australia/Lord_Howe", "America/St_Johns"];
    const start = Date.UTC(2025, 0, 1);
    let checked = 0;
    for (const tz of zones) {
      const parts = new Intl.DateTimeFormat("en-US", { timeZone: tz, hourCycle: "h23", year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit" });
      for (let t = start; t < start + 2 * 365 * 86_400_000; t += 3 * 3_600_000 + 17 * 60_000) {
        const at = new Date(t);
        const p = Object.fromEntries(parts.formatToParts(at).map((x) => [x.type, x.value]));
        const calendar = `${p.year}-${p.month}-${p.day}`;
        assert.equal(dayKey(at, tz), calendar, `${tz} at ${at.toISOString()}`);
        assert.equal(dayKey(at, tz, 4), Number(p.hour) < 4 ? addDaysToKey(calendar, -1) : calendar, `${tz} roll 4 at ${at.toISOString()}`);
        checked++;
      }
    }
    assert.ok(checked > 30_000, `only ${checked} instants checked`);
  });
});

describe("memoized zone arithmetic", () => {
  // An oracle that asks Intl directly: the wall date and hour in the zone, the day before when the hour is before the rollover.
  const oracle = (at: Date, tz: string, roll: number) => {
    const p = Object.fromEntries(new Intl.DateTimeFormat("en-US", { timeZone: tz, hourCycle: "h23", year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit" }).formatToParts(at).map((x) => [x.type, x.value]));
    const key = `${p.year}-${p.month}-${p.day}`;
    return Number(p.hour) < roll ? addDaysToKey(key, -1) : key;
  };
  // Zones with daylight saving at different hours, a half-hour change (Lord Howe) and quarter-hour offsets.
  const zones = ["Europe/Berlin", "America/New_York", "America/Santiago", "Australia/Lord_Howe", "Asia/Kathmandu", "Pacific/Chatham", "UTC"];

  it("gives every instant of a 15-minute slot the day Intl gives it, whichever instant of the slot came first", () => {
    const year = Date.UTC(2026, 0, 1);
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 365 * 96 }), fc.integer({ min: 0, max: 899_999 }), fc.integer({ min: 0, max: 899_999 }), fc.constantFrom(...zones), fc.integer({ min: 0, max: 23 }), (slot, a, b, tz, roll) => {
        const first = new Date(year + slot * 900_000 + a);
        const second = new Date(year + slot * 900_000 + b);
        assert.equal(dayKey(first, tz, roll), oracle(first, tz, roll));
        assert.equal(dayKey(second, tz, roll), oracle(second, tz, roll));
      }),
      { numRuns: 3000 },
    );
  });

  it("starts each day at the same instant however often it is asked, on daylight-saving days too", () => {
    for (const tz of zones) {
      for (let h = 0; h < 24 * 400; h += 5) {
        const at = new Date(Date.UTC(2026, 0, 1) + h * 3_600_000);
        for (const roll of [0, 4]) {
          const start = startOfDay(at, tz, roll);
          assert.ok(start <= at && at.getTime() - start.getTime() < 26 * 3_600_000, `${tz} ${at.toISOString()} roll ${roll}: ${start.toISOString()}`);
          assert.equal(dayKey(start, tz, roll), dayKey(at, tz, roll), "the start belongs to the same learner day");
          assert.equal(startOfDay(at, tz, roll).getTime(), start.getTime(), "asked again, the memo gives the same instant");
        }
      }
    }
  });
});
