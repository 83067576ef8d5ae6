import { z } from 'zod';
import type { Localized } from './localized';
import { addRuleIssue } from './rule-issue';

export const ConditionSource = z.enum(['contact', 'event', 'engagement']);
export type ConditionSource = z.infer<typeof ConditionSource>;

export const ConditionOp = z.enum([
  'eq',
  'neq',
  'gt',
  'gte',
  'lt',
  'lte',
  'contains',
  'in',
  'exists',
  'not_exists',
  'older_than_days',
  'newer_than_days',
]);
export type ConditionOp = z.infer<typeof ConditionOp>;

/** What a run knows about its own messages so far: booleans, plus the last reply's intent. */
export const ENGAGEMENT_FIELDS = [
  'replied',
  'opened',
  'clicked',
  'read',
  'delivered',
  'last_reply_intent',
] as const;
export type EngagementField = (typeof ENGAGEMENT_FIELDS)[number];

export const ConditionValue = z.union([
  z.string(),
  z.number(),
  z.boolean(),
  z.array(z.union([z.string(), z.number()])),
]);
export type ConditionValue = z.infer<typeof ConditionValue>;

export const Condition = z
  .object({
    source: ConditionSource,
    field: z.string().min(1),
    op: ConditionOp,
    value: ConditionValue.optional(),
  })
  .superRefine((condition, ctx) => {
    const { source, field } = condition;
    if (source === 'engagement' && !(ENGAGEMENT_FIELDS as readonly string[]).includes(field)) {
      addRuleIssue(
        ctx,
        'unknown_engagement_field',
        {
          es: `«${field}» no es un dato de interacción; usa uno de: ${ENGAGEMENT_FIELDS.join(', ')}.`,
          pt: `«${field}» não é um dado de interação; use um destes: ${ENGAGEMENT_FIELDS.join(', ')}.`,
          en: `"${field}" is not an engagement field; use one of: ${ENGAGEMENT_FIELDS.join(', ')}.`,
        },
        ['field'],
      );
    }
    const problem = valueProblem(condition.op, condition.value);
    if (problem) addRuleIssue(ctx, 'invalid_condition_value', problem, ['value']);
  });
export type Condition = z.infer<typeof Condition>;

function valueProblem(op: ConditionOp, value: ConditionValue | undefined): Localized | undefined {
  switch (op) {
    case 'exists':
    case 'not_exists':
      return undefined;
    case 'in':
      return Array.isArray(value) && value.length > 0
        ? undefined
        : {
            es: 'Escribe al menos un valor de la lista.',
            pt: 'Digite pelo menos um valor para a lista.',
            en: 'Enter at least one value for the list.',
          };
    case 'older_than_days':
    case 'newer_than_days':
      return typeof value === 'number' && Number.isFinite(value) && value >= 0
        ? undefined
        : {
            es: 'Escribe un número de días (0 o más).',
            pt: 'Digite um número de dias (0 ou mais).',
            en: 'Enter a number of days (0 or more).',
          };
    case 'gt':
    case 'gte':
    case 'lt':
    case 'lte':
      return typeof value === 'number' || typeof value === 'string'
        ? undefined
        : {
            es: 'Escribe un número o una fecha para comparar.',
            pt: 'Digite um número ou uma data para comparar.',
            en: 'Enter a number or a date to compare with.',
          };
    default:
      return value === undefined || Array.isArray(value)
        ? {
            es: 'Escribe un valor para comparar.',
            pt: 'Digite um valor para comparar.',
            en: 'Enter a value to compare with.',
          }
        : undefined;
  }
}
