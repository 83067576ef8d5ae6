export type LocalParts = {
  year: number;
  /** 1..12 */
  month: number;
  day: number;
  /** 0..23 */
  hour: number;
  minute: number;
  second: number;
  /** 0 = Sunday … 6 = Saturday */
  weekday: number;
};

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

/** The wall-clock reading of `date` in `timeZone` (throws RangeError for an unknown zone). */
export function localParts(date: Date, timeZone: string): LocalParts {
  const parts: Record<string, number> = {};
  for (const part of formatterFor(timeZone).formatToParts(date)) {
    if (part.type !== 'literal') parts[part.type] = Number(part.value);
  }
  const year = parts.year ?? 1970;
  const month = parts.month ?? 1;
  const day = parts.day ?? 1;
  return {
    year,
    month,
    day,
    hour: (parts.hour ?? 0) % 24,
    minute: parts.minute ?? 0,
    second: parts.second ?? 0,
    weekday: new Date(Date.UTC(year, month - 1, day)).getUTCDay(),
  };
}

/** A wall-clock reading as if it were UTC, in ms: lets local times be compared and offset. */
export function wallClockMs(parts: Omit<LocalParts, 'weekday'>): number {
  return Date.UTC(parts.year, parts.month - 1, parts.day, parts.hour, parts.minute, parts.second);
}

const MINUTE_MS = 60_000;
const DAY_MS = 86_400_000;

/**
 * The instants, earliest first, at which the clock in `timeZone` reaches `wall` (a `wallClockMs`
 * value): one on a normal day, two when clocks fall back and the time happens twice, and when
 * they spring forward over it (02:30 on a DST night) the moment of the jump (03:00 new time).
 */
export function instantsAtWallClock(wall: number, timeZone: string): number[] {
  const wallAt = (instant: number) => wallClockMs(localParts(new Date(instant), timeZone));
  const offsetAt = (instant: number) => wallAt(instant) - instant;
  // The offsets in force a day before and a day after; a DST change in between is one of them.
  const candidates = [wall - offsetAt(wall - DAY_MS), wall - offsetAt(wall + DAY_MS)];
  const exact = candidates.filter((instant) => wallAt(instant) === wall);
  if (exact.length > 0) return [...new Set(exact)].sort((a, b) => a - b);
  // In a spring-forward gap: the clock reads before `wall` at the earlier candidate and after it at
  // the later one, changing once in between. Find that change, to the minute.
  let low = Math.floor(Math.min(...candidates) / MINUTE_MS);
  let high = Math.ceil(Math.max(...candidates) / MINUTE_MS);
  while (high - low > 1) {
    const middle = Math.floor((low + high) / 2);
    if (wallAt(middle * MINUTE_MS) >= wall) high = middle;
    else low = middle;
  }
  return [high * MINUTE_MS];
}
