import type { Condition } from '../model/index';
import { compareOrdered, looseEquals, toInstant } from './compare-values';

/** What conditions are evaluated against. `contact` and `event` are shaped like the template context. */
export type ConditionContext = {
  /** Contact fields in snake_case plus attributes (`buildTemplateContext(...).contact`). */
  contact: Record<string, unknown>;
  /** The trigger event's properties plus `name`; absent for non-event triggers. */
  event?: Record<string, unknown> | null;
  /** This run so far: replied/opened/clicked/read/delivered booleans, last_reply_intent. */
  engagement?: Record<string, unknown> | null;
  now: Date;
};

const DAY_MS = 86_400_000;

/** All conditions hold (an empty list holds). */
export function evaluateConditions(
  conditions: readonly Condition[],
  ctx: ConditionContext,
): boolean {
  return conditions.every((condition) => evaluateCondition(condition, ctx));
}

/**
 * One condition. A missing field only satisfies `not_exists` and `neq`; values that cannot be
 * compared (a word against `gt 5`, a non-date against `older_than_days`) make the condition false.
 * Text compares without regard to case or surrounding spaces ("VIP" eq "vip").
 */
export function evaluateCondition(condition: Condition, ctx: ConditionContext): boolean {
  const actual = readField(sourceOf(condition.source, ctx), condition.field);
  const { value } = condition;
  switch (condition.op) {
    case 'exists':
      return isPresent(actual);
    case 'not_exists':
      return !isPresent(actual);
    case 'eq':
      return looseEquals(actual, value);
    case 'neq':
      return !looseEquals(actual, value);
    case 'gt':
      return compareOrdered(actual, value, (d) => d > 0);
    case 'gte':
      return compareOrdered(actual, value, (d) => d >= 0);
    case 'lt':
      return compareOrdered(actual, value, (d) => d < 0);
    case 'lte':
      return compareOrdered(actual, value, (d) => d <= 0);
    case 'contains':
      return contains(actual, value);
    case 'in': {
      const options = Array.isArray(value) ? value : [value];
      const actuals = Array.isArray(actual) ? actual : [actual];
      return actuals.some((a) => options.some((option) => looseEquals(a, option)));
    }
    case 'older_than_days':
    case 'newer_than_days': {
      const at = toInstant(actual);
      if (at === undefined || typeof value !== 'number') return false;
      const age = ctx.now.getTime() - at;
      return condition.op === 'older_than_days' ? age >= value * DAY_MS : age < value * DAY_MS;
    }
  }
}

function sourceOf(source: Condition['source'], ctx: ConditionContext): unknown {
  if (source === 'contact') return ctx.contact;
  if (source === 'event') return ctx.event ?? undefined;
  return ctx.engagement ?? undefined;
}

/** `field` is a key, or a dotted path into nested objects ('address.city'); a literal key wins. */
export function readField(record: unknown, field: string): unknown {
  if (!isRecord(record)) return undefined;
  if (Object.hasOwn(record, field)) return record[field];
  let current: unknown = record;
  for (const key of field.split('.')) {
    if (!isRecord(current) || !Object.hasOwn(current, key)) return undefined;
    current = current[key];
  }
  return current;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

/** Present means a value someone filled in: not undefined, null, blank text or an empty list. */
function isPresent(value: unknown): boolean {
  if (value === undefined || value === null) return false;
  if (typeof value === 'string') return value.trim() !== '';
  if (Array.isArray(value)) return value.length > 0;
  return true;
}

function contains(actual: unknown, value: unknown): boolean {
  if (Array.isArray(actual)) return actual.some((item) => looseEquals(item, value));
  if (typeof actual === 'string' && (typeof value === 'string' || typeof value === 'number')) {
    return actual.toLowerCase().includes(String(value).toLowerCase());
  }
  return false;
}
