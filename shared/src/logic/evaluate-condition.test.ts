import { describe, expect, test } from 'vitest';
import type { Condition } from '../model/index';
import { type ConditionContext, evaluateCondition, evaluateConditions } from './evaluate-condition';

const now = new Date('2025-06-10T12:00:00Z');
const ctx: ConditionContext = {
  contact: {
    id: 'c_1',
    first_name: 'Lucía',
    plan: 'VIP',
    city: ' Guadalajara ',
    orders: 3,
    lifetime_value: '1250.50',
    accepts_marketing: true,
    tags: ['cliente', 'mayoreo'],
    last_order_at: '2025-03-01T10:00:00Z', // 101 days before `now`
    signed_up_at: 1748000000, // unix seconds, 2025-05-23
    address: { state: 'Jalisco' },
    'loyalty.tier': 'oro',
    nickname: '',
  },
  event: { name: 'cart_abandoned', cart_total: 899, currency: 'MXN', items: ['sku_1', 'sku_2'] },
  engagement: { replied: true, opened: false, last_reply_intent: 'yes' },
  now,
};

const c = (
  source: Condition['source'],
  field: string,
  op: Condition['op'],
  value?: Condition['value'],
): Condition => (value === undefined ? { source, field, op } : { source, field, op, value });

describe('evaluateCondition', () => {
  test.each<[string, Condition, boolean]>([
    ['eq ignores case', c('contact', 'plan', 'eq', 'vip'), true],
    ['eq ignores surrounding spaces', c('contact', 'city', 'eq', 'guadalajara'), true],
    ['eq keeps accents significant', c('contact', 'first_name', 'eq', 'Lucia'), false],
    ['eq number vs numeric text', c('contact', 'lifetime_value', 'eq', 1250.5), true],
    ['eq boolean', c('contact', 'accepts_marketing', 'eq', true), true],
    ['eq boolean vs "true" text', c('contact', 'accepts_marketing', 'eq', 'true'), true],
    ['eq on a missing field', c('contact', 'coupon', 'eq', 'X'), false],
    ['neq', c('contact', 'plan', 'neq', 'basic'), true],
    ['neq on a missing field holds', c('contact', 'coupon', 'neq', 'X'), true],
    ['gt number', c('contact', 'orders', 'gt', 2), true],
    ['gt equal is false', c('contact', 'orders', 'gt', 3), false],
    ['gte equal', c('contact', 'orders', 'gte', 3), true],
    ['lt numeric text', c('contact', 'lifetime_value', 'lt', 2000), true],
    ['lte', c('event', 'cart_total', 'lte', 899), true],
    ['gt against a word is false', c('contact', 'plan', 'gt', 5), false],
    ['gt on a missing field is false', c('contact', 'coupon', 'gt', 5), false],
    ['dates compare as dates', c('contact', 'last_order_at', 'lt', '2025-04-01'), true],
    ['dates compare as dates (after)', c('contact', 'last_order_at', 'gt', '2025-04-01'), false],
    ['contains in text, any case', c('contact', 'city', 'contains', 'LAJARA'), true],
    ['contains in a list', c('contact', 'tags', 'contains', 'mayoreo'), true],
    ['contains missing from a list', c('contact', 'tags', 'contains', 'menudeo'), false],
    ['in', c('event', 'currency', 'in', ['USD', 'MXN']), true],
    ['in, not listed', c('event', 'currency', 'in', ['USD', 'BRL']), false],
    ['in with a list field: any overlap', c('contact', 'tags', 'in', ['vip', 'cliente']), true],
    ['in with numbers', c('contact', 'orders', 'in', [1, 2, 3]), true],
    ['exists', c('contact', 'plan', 'exists'), true],
    ['exists: blank text is not there', c('contact', 'nickname', 'exists'), false],
    ['not_exists', c('contact', 'coupon', 'not_exists'), true],
    ['not_exists on a present field', c('contact', 'plan', 'not_exists'), false],
    ['nested path', c('contact', 'address.state', 'eq', 'jalisco'), true],
    ['a literal dotted key wins', c('contact', 'loyalty.tier', 'eq', 'oro'), true],
    ['prototype members are not fields', c('contact', 'constructor', 'exists'), false],
    ['older_than_days (101 days ≥ 60)', c('contact', 'last_order_at', 'older_than_days', 60), true],
    [
      'older_than_days (101 days < 120)',
      c('contact', 'last_order_at', 'older_than_days', 120),
      false,
    ],
    [
      'newer_than_days with unix seconds',
      c('contact', 'signed_up_at', 'newer_than_days', 30),
      true,
    ],
    [
      'older_than_days with unix seconds',
      c('contact', 'signed_up_at', 'older_than_days', 30),
      false,
    ],
    ['older_than_days on a missing date', c('contact', 'birthday', 'older_than_days', 1), false],
    ['older_than_days on a non-date', c('contact', 'plan', 'older_than_days', 1), false],
    ['event name', c('event', 'name', 'eq', 'cart_abandoned'), true],
    ['event list property', c('event', 'items', 'contains', 'sku_2'), true],
    ['engagement replied', c('engagement', 'replied', 'eq', true), true],
    ['engagement opened', c('engagement', 'opened', 'eq', true), false],
    ['engagement clicked (not yet) is not true', c('engagement', 'clicked', 'eq', true), false],
    ['last reply intent', c('engagement', 'last_reply_intent', 'eq', 'yes'), true],
  ])('%s', (_label, condition, expected) => {
    expect(evaluateCondition(condition, ctx)).toBe(expected);
  });

  test('event conditions are false when the run has no trigger event', () => {
    const withoutEvent = { ...ctx, event: null };
    expect(evaluateCondition(c('event', 'cart_total', 'gt', 0), withoutEvent)).toBe(false);
    expect(evaluateCondition(c('event', 'cart_total', 'not_exists'), withoutEvent)).toBe(true);
  });

  test('day counts are measured from the `now` passed in, not the real clock', () => {
    const condition = c('contact', 'last_order_at', 'older_than_days', 60);
    expect(evaluateCondition(condition, { ...ctx, now: new Date('2025-04-15T00:00:00Z') })).toBe(
      false,
    );
    expect(evaluateCondition(condition, { ...ctx, now: new Date('2025-04-30T10:00:00Z') })).toBe(
      true,
    );
  });
});

describe('evaluateConditions', () => {
  test('all must hold; an empty list holds', () => {
    expect(evaluateConditions([], ctx)).toBe(true);
    expect(
      evaluateConditions(
        [c('contact', 'plan', 'eq', 'vip'), c('contact', 'orders', 'gte', 3)],
        ctx,
      ),
    ).toBe(true);
    expect(
      evaluateConditions([c('contact', 'plan', 'eq', 'vip'), c('contact', 'orders', 'gt', 3)], ctx),
    ).toBe(false);
  });
});
