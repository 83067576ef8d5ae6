// How condition values compare. Data arrives loosely typed (CSV imports, webhook JSON), so
// "5" equals 5, "true" equals true, and ISO dates compare as instants.

const numeric = /^\s*-?\d+(\.\d+)?\s*$/;
const isoDate = /^\d{4}-\d{2}-\d{2}([T ][\d:.]+(Z|[+-]\d{2}:?\d{2})?)?$/;
/** Below this, a number timestamp is taken as seconds (1e11 s is the year 5138; 1e11 ms is 1973). */
const SECONDS_LIMIT = 1e11;

function toNumber(value: unknown): number | undefined {
  if (typeof value === 'number') return Number.isFinite(value) ? value : undefined;
  if (typeof value === 'string' && numeric.test(value)) return Number(value);
  return undefined;
}

/** Epoch milliseconds for a Date, an ISO date text, or a unix timestamp (seconds or ms). */
export function toInstant(value: unknown): number | undefined {
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? undefined : value.getTime();
  if (typeof value === 'number' && Number.isFinite(value)) {
    return Math.abs(value) < SECONDS_LIMIT ? value * 1000 : value;
  }
  if (typeof value === 'string' && isoDate.test(value.trim())) {
    const ms = Date.parse(value.trim());
    return Number.isNaN(ms) ? undefined : ms;
  }
  return undefined;
}

export function looseEquals(actual: unknown, expected: unknown): boolean {
  if (actual === undefined || actual === null) return false;
  if (typeof expected === 'boolean' || typeof actual === 'boolean') {
    return String(actual).trim().toLowerCase() === String(expected).trim().toLowerCase();
  }
  const a = toNumber(actual);
  const b = toNumber(expected);
  if (a !== undefined && b !== undefined) return a === b;
  if (typeof actual === 'string' && typeof expected === 'string') {
    return actual.trim().toLowerCase() === expected.trim().toLowerCase();
  }
  return false;
}

/** Numbers (or numeric text) compare as numbers, otherwise dates as instants; else false. */
export function compareOrdered(
  actual: unknown,
  expected: unknown,
  holds: (difference: number) => boolean,
): boolean {
  const a = toNumber(actual);
  const b = toNumber(expected);
  if (a !== undefined && b !== undefined) return holds(a - b);
  if (typeof expected !== 'string') return false;
  const at = toInstant(actual);
  const bt = toInstant(expected);
  if (at !== undefined && bt !== undefined) return holds(at - bt);
  return false;
}
