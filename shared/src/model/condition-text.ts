import type { Condition, ConditionOp } from './condition';
import type { Localized } from './localized';

const opWords: Record<ConditionOp, Localized> = {
  eq: { es: '=', pt: '=', en: '=' },
  neq: { es: '≠', pt: '≠', en: '≠' },
  gt: { es: '>', pt: '>', en: '>' },
  gte: { es: '≥', pt: '≥', en: '≥' },
  lt: { es: '<', pt: '<', en: '<' },
  lte: { es: '≤', pt: '≤', en: '≤' },
  contains: { es: 'contiene', pt: 'contém', en: 'contains' },
  in: { es: 'es uno de', pt: 'é um de', en: 'is one of' },
  exists: { es: 'tiene valor', pt: 'tem valor', en: 'is set' },
  not_exists: { es: 'está vacío', pt: 'está vazio', en: 'is not set' },
  older_than_days: { es: 'hace más de', pt: 'há mais de', en: 'more than' },
  newer_than_days: { es: 'hace menos de', pt: 'há menos de', en: 'less than' },
};

/** 'contact.last_order_at hace más de 60 días' / 'contact.last_order_at more than 60 days ago'. */
export function describeCondition(condition: Condition): Localized {
  const subject = `${condition.source}.${condition.field}`;
  const op = opWords[condition.op];
  const value = {
    es: formatValue(condition.value, '«', '»'),
    pt: formatValue(condition.value, '«', '»'),
    en: formatValue(condition.value, '"', '"'),
  };
  switch (condition.op) {
    case 'exists':
    case 'not_exists':
      return { es: `${subject} ${op.es}`, pt: `${subject} ${op.pt}`, en: `${subject} ${op.en}` };
    case 'older_than_days':
    case 'newer_than_days':
      return {
        es: `${subject} ${op.es} ${value.es} días`,
        pt: `${subject} ${op.pt} ${value.pt} dias`,
        en: `${subject} ${op.en} ${value.en} days ago`,
      };
    default:
      return {
        es: `${subject} ${op.es} ${value.es}`,
        pt: `${subject} ${op.pt} ${value.pt}`,
        en: `${subject} ${op.en} ${value.en}`,
      };
  }
}

function formatValue(value: Condition['value'], open: string, close: string): string {
  if (Array.isArray(value)) return value.map((item) => formatValue(item, open, close)).join(', ');
  return typeof value === 'string' ? `${open}${value}${close}` : String(value);
}
