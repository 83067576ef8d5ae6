import type { QuietHours } from '../model/index';
import { instantsAtWallClock, type LocalParts, localParts, wallClockMs } from './local-time';

const parseTime = (time: string): { hour: number; minute: number } => {
  const match = /^(\d{1,2}):(\d{2})$/.exec(time);
  const hour = Number(match?.[1]);
  const minute = Number(match?.[2]);
  if (!match || hour > 23 || minute > 59) throw new RangeError(`Invalid time of day "${time}"`);
  return { hour, minute };
};

/**
 * The next moment, at or after `now`, when the clock in `timeZone` shows `time` ('HH:MM'), on one
 * of `weekdays` (0 = Sunday; omitted or empty: any day). On a DST night that skips the time it
 * is the moment the clock jumps past it; on one that repeats it, the next of the two.
 */
export function nextTimeOfDay(
  now: Date,
  timeZone: string,
  time: string,
  weekdays?: readonly number[],
): Date {
  const { hour, minute } = parseTime(time);
  const today = localParts(now, timeZone);
  // Eight days always reach an allowed weekday, even when today's time has already passed.
  for (let offset = 0; offset <= 7; offset++) {
    const date = new Date(Date.UTC(today.year, today.month - 1, today.day + offset));
    if (weekdays && weekdays.length > 0 && !weekdays.includes(date.getUTCDay())) continue;
    const wall = wallClockMs({
      year: date.getUTCFullYear(),
      month: date.getUTCMonth() + 1,
      day: date.getUTCDate(),
      hour,
      minute,
      second: 0,
    });
    const instant = instantsAtWallClock(wall, timeZone).find((at) => at >= now.getTime());
    if (instant !== undefined) return new Date(instant);
  }
  throw new RangeError(`No allowed weekday in [${weekdays?.join(', ')}]`);
}

/**
 * When quiet hours are on in the contact's zone, the instant they end (sending may resume);
 * `null` when sending is allowed now. Windows may wrap midnight ('21:00'–'08:00'); `start` is
 * inside the window and `end` is not. A window whose start equals its end is empty.
 */
export function quietHoursEnd(now: Date, timeZone: string, quietHours: QuietHours): Date | null {
  const start = parseTime(quietHours.start);
  const end = parseTime(quietHours.end);
  const startMinute = start.hour * 60 + start.minute;
  const endMinute = end.hour * 60 + end.minute;
  const local: LocalParts = localParts(now, timeZone);
  const minute = local.hour * 60 + local.minute;
  const quiet =
    startMinute < endMinute
      ? minute >= startMinute && minute < endMinute
      : startMinute > endMinute && (minute >= startMinute || minute < endMinute);
  return quiet ? nextTimeOfDay(now, timeZone, quietHours.end) : null;
}
