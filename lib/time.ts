// Calendar days in the learner's time zone. A learner's "today" (new-card allowance, burying, the
// heatmap, streaks) starts at their rollover hour (as Anki's "next day starts at", 0 = midnight) in their
// zone, not at the server's midnight. Without a zone: the server's. Before the rollover hour an instant
// belongs to the previous day, so a session at 1 a.m. still counts toward the evening before.

const formatters = new Map<string, Intl.DateTimeFormat>();
function formatter(tz: string): Intl.DateTimeFormat {
  let f = formatters.get(tz);
  if (!f) {
    f = new Intl.DateTimeFormat("en-US", { timeZone: tz, hourCycle: "h23", year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit", second: "2-digit" });
    formatters.set(tz, f);
  }
  return f;
}

export function validTimeZone(tz: unknown): tz is string {
  if (typeof tz !== "string" || tz.length > 64 || !/^[A-Za-z0-9_+\-/]+$/.test(tz)) return false;
  try {
    formatter(tz);
    return true;
  } catch {
    return false;
  }
}

// "MM/DD/YYYY, HH:MM:SS", as en-US formats with the options above.
const WALL = /^(\d{2})\/(\d{2})\/(\d{4}),? (\d{2}):(\d{2}):(\d{2})$/;

/**
 * The wall clock in `tz` at `at`. `format` and a fixed pattern cost ~1.9 µs here against ~5.6 µs for
 * `formatToParts` (measured on this machine), and the statistics page asks this ~900 times to find
 * the starts of six months of learner days. Any other shape (another ICU's punctuation) takes the parts.
 */
function wall(at: Date, tz: string) {
  const f = formatter(tz);
  const m = WALL.exec(f.format(at));
  if (m) return { y: +m[3], m: +m[1], d: +m[2], h: +m[4], min: +m[5], s: +m[6] };
  const p = Object.fromEntries(f.formatToParts(at).map((x) => [x.type, x.value]));
  return { y: +p.year, m: +p.month, d: +p.day, h: +p.hour, min: +p.minute, s: +p.second };
}

/** Milliseconds to add to UTC to get the wall-clock time in `tz` at `at`. */
function offsetMs(at: Date, tz: string): number {
  const w = wall(at, tz);
  return Date.UTC(w.y, w.m - 1, w.d, w.h, w.min, w.s) - Math.floor(at.getTime() / 1000) * 1000;
}

// Process-wide memos of the zone arithmetic below, for the quiz's per-request calls: the queue and the
// review write work out the learner day of each candidate due date (lib/quiz/load-balance.ts), each a few
// Intl calls of ~2 µs, ~200 of them per request. Every zone's offset changes on a quarter hour (see
// dayKeyer), so a day key is the same for all instants of a 15-minute slot. Bounded: cleared when full.
const MEMO_MAX = 20_000;
const SLOT_MS = 15 * 60_000;
const dayKeys = new Map<string, string>();
const instants = new Map<string, number>();
function remember<V>(memo: Map<string, V>, key: string, value: V): V {
  if (memo.size >= MEMO_MAX) memo.clear();
  memo.set(key, value);
  return value;
}

/** YYYY-MM-DD of the learner's day holding `at` in `tz`: the calendar date, or the one before it before `rolloverHour`. */
export function dayKey(at: Date, tz?: string, rolloverHour = 0): string {
  // Without a zone the server's applies, which tests change while running: not memoized.
  if (!tz) return computeDayKey(at, tz, rolloverHour);
  const memoKey = `${tz}|${rolloverHour}|${Math.floor(at.getTime() / SLOT_MS)}`;
  return dayKeys.get(memoKey) ?? remember(dayKeys, memoKey, computeDayKey(at, tz, rolloverHour));
}

function computeDayKey(at: Date, tz: string | undefined, rolloverHour: number): string {
  let key: string;
  let hour: number;
  if (!tz) {
    const local = new Date(at.getTime() - at.getTimezoneOffset() * 60_000);
    key = local.toISOString().slice(0, 10);
    hour = at.getHours();
  } else {
    const w = wall(at, tz);
    key = `${w.y}-${String(w.m).padStart(2, "0")}-${String(w.d).padStart(2, "0")}`;
    hour = w.h;
  }
  return hour < rolloverHour ? addDaysToKey(key, -1) : key;
}

/**
 * `dayKey` for many instants (the statistics page's forecast over every card's due date), memoized per
 * 15-minute UTC slot: every zone's offset and every daylight-saving change since the 1970s falls on a
 * quarter hour, and the rollover is a whole hour, so all instants of one slot share their day. It keeps
 * its own memo beside dayKey's: keyed by the slot number, it builds no string key per instant (the
 * forecast asks once per card), and it covers the server's zone, which dayKey does not memoize.
 */
export function dayKeyer(tz?: string, rolloverHour = 0): (at: Date) => string {
  const memo = new Map<number, string>();
  return (at) => {
    const slot = Math.floor(at.getTime() / SLOT_MS);
    let key = memo.get(slot);
    if (key === undefined) {
      key = dayKey(new Date(slot * SLOT_MS), tz, rolloverHour);
      memo.set(slot, key);
    }
    return key;
  };
}
/** The instant the learner's day containing `now` began in `tz` (its rollover hour). */
export function startOfDay(now: Date, tz?: string, rolloverHour = 0): Date {
  // Wall-clock hour arithmetic, so a daylight-saving change between midnight and the rollover is honoured.
  if (rolloverHour > 0) return instantOnDay(dayKey(now, tz, rolloverHour), rolloverHour, tz);
  if (!tz) {
    const d = new Date(now);
    d.setHours(0, 0, 0, 0);
    return d;
  }
  const key = dayKey(now, tz);
  const memoKey = `${tz}|midnight|${key}`;
  const known = instants.get(memoKey);
  if (known !== undefined) return new Date(known);
  const [y, m, d] = key.split("-").map(Number);
  const midnightAsUtc = Date.UTC(y, m - 1, d);
  // The offset at midnight can differ from now's on a daylight-saving day; ask again at the guess.
  const guess = midnightAsUtc - offsetMs(now, tz);
  return new Date(remember(instants, memoKey, midnightAsUtc - offsetMs(new Date(guess), tz)));
}

export function startOfNextDay(now: Date, tz?: string, rolloverHour = 0): Date {
  // 36 hours past the day's start is always inside the next day, whatever the clocks did.
  return startOfDay(new Date(startOfDay(now, tz, rolloverHour).getTime() + 36 * 3_600_000), tz, rolloverHour);
}

/** Weekday of a YYYY-MM-DD key, Monday 0 … Sunday 6 (the order of the Easy Days setting). */
export function weekdayOfKey(key: string): number {
  const [y, m, d] = key.split("-").map(Number);
  return (new Date(Date.UTC(y, m - 1, d)).getUTCDay() + 6) % 7;
}

/** Calendar arithmetic on YYYY-MM-DD keys (no time zone involved once the key is known). */
export function addDaysToKey(key: string, n: number): string {
  const [y, m, d] = key.split("-").map(Number);
  return new Date(Date.UTC(y, m - 1, d + n)).toISOString().slice(0, 10);
}

export function daysBetweenKeys(from: string, to: string): number {
  const ms = (k: string) => {
    const [y, m, d] = k.split("-").map(Number);
    return Date.UTC(y, m - 1, d);
  };
  return Math.round((ms(to) - ms(from)) / 86_400_000);
}

/** The instant it is `hour`:00 on calendar day `key` in `tz` (the server's zone without one). */
export function instantOnDay(key: string, hour: number, tz?: string): Date {
  const [y, m, d] = key.split("-").map(Number);
  if (!tz) return new Date(y, m - 1, d, hour);
  const memoKey = `${tz}|${hour}|${key}`;
  const known = instants.get(memoKey);
  if (known !== undefined) return new Date(known);
  const asUtc = Date.UTC(y, m - 1, d, hour);
  const guess = asUtc - offsetMs(new Date(asUtc), tz);
  return new Date(remember(instants, memoKey, asUtc - offsetMs(new Date(guess), tz)));
}
