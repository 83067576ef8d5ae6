import {
  type Condition,
  type ConditionOp,
  type ConditionSource,
  ENGAGEMENT_FIELDS,
} from '@ruta/shared';

export const OPS: readonly ConditionOp[] = [
  'eq',
  'neq',
  'contains',
  'in',
  'gt',
  'gte',
  'lt',
  'lte',
  'exists',
  'not_exists',
  'older_than_days',
  'newer_than_days',
];

/** What the value box looks like for an operator. */
export type ValueKind = 'none' | 'number' | 'days' | 'list' | 'scalar';

export function valueKind(op: ConditionOp): ValueKind {
  switch (op) {
    case 'exists':
    case 'not_exists':
      return 'none';
    case 'gt':
    case 'gte':
    case 'lt':
    case 'lte':
      return 'number';
    case 'older_than_days':
    case 'newer_than_days':
      return 'days';
    case 'in':
      return 'list';
    default:
      return 'scalar';
  }
}

function toNumber(value: Condition['value']): number | undefined {
  const first = Array.isArray(value) ? value[0] : value;
  if (typeof first === 'number') return first;
  if (typeof first === 'string' && first.trim() !== '' && Number.isFinite(Number(first))) {
    return Number(first);
  }
  return undefined;
}

/** The condition with another operator, its value carried over where it still makes sense. */
export function withOp(condition: Condition, op: ConditionOp): Condition {
  const { value: _old, ...rest } = condition;
  const { value } = condition;
  switch (valueKind(op)) {
    case 'none':
      return { ...rest, op };
    case 'number':
    case 'days': {
      const number = toNumber(value);
      return number === undefined ? { ...rest, op } : { ...rest, op, value: number };
    }
    case 'list': {
      if (Array.isArray(value)) return { ...rest, op, value };
      return value === undefined || typeof value === 'boolean' || value === ''
        ? { ...rest, op }
        : { ...rest, op, value: [value] };
    }
    case 'scalar': {
      const scalar = Array.isArray(value) ? value[0] : value;
      return scalar === undefined ? { ...rest, op, value: '' } : { ...rest, op, value: scalar };
    }
  }
}

/** A fresh condition on `source`: engagement starts as "replied = yes". */
export function withSource(condition: Condition, source: ConditionSource): Condition {
  if (source === 'engagement') return { source, field: 'replied', op: 'eq', value: true };
  if (condition.source === 'engagement') return { source, field: '', op: 'eq', value: '' };
  return { ...condition, source };
}

export function engagementValues(field: string): 'boolean' | 'intent' | undefined {
  if (field === 'last_reply_intent') return 'intent';
  return (ENGAGEMENT_FIELDS as readonly string[]).includes(field) ? 'boolean' : undefined;
}

export function newCondition(source: ConditionSource): Condition {
  return source === 'engagement'
    ? { source, field: 'replied', op: 'eq', value: true }
    : { source, field: '', op: 'eq', value: '' };
}
