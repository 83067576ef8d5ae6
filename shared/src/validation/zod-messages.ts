import type { Localized } from '../model/localized';

// Plain Spanish and English for zod's issue kinds; the field name is added by the caller.

const typeWords: Record<string, Localized> = {
  string: { es: 'un texto', en: 'text' },
  number: { es: 'un número', en: 'a number' },
  int: { es: 'un número entero', en: 'a whole number' },
  boolean: { es: 'sí o no (true/false)', en: 'true or false' },
  object: { es: 'un objeto', en: 'an object' },
  record: { es: 'un objeto', en: 'an object' },
  array: { es: 'una lista', en: 'a list' },
};

export function expected(type: string): Localized {
  const word = typeWords[type] ?? { es: type, en: type };
  return { es: `debe ser ${word.es}`, en: `must be ${word.en}` };
}

type SizeIssue = { origin: string; inclusive?: boolean };

export function tooSmall(issue: SizeIssue & { minimum: number | bigint }): Localized {
  const n = Number(issue.minimum);
  if (issue.origin === 'string') {
    return n <= 1
      ? { es: 'no puede estar vacío', en: 'cannot be empty' }
      : { es: `necesita al menos ${n} caracteres`, en: `needs at least ${n} characters` };
  }
  if (issue.origin === 'array' || issue.origin === 'set') {
    return n === 1
      ? { es: 'necesita al menos un elemento', en: 'needs at least one item' }
      : { es: `necesita al menos ${n} elementos`, en: `needs at least ${n} items` };
  }
  return issue.inclusive === false
    ? { es: `debe ser mayor que ${n}`, en: `must be greater than ${n}` }
    : { es: `debe ser ${n} o más`, en: `must be ${n} or more` };
}

export function tooBig(issue: SizeIssue & { maximum: number | bigint }): Localized {
  const n = Number(issue.maximum);
  if (issue.origin === 'string') {
    return { es: `admite como máximo ${n} caracteres`, en: `allows at most ${n} characters` };
  }
  if (issue.origin === 'array' || issue.origin === 'set') {
    return { es: `admite como máximo ${n} elementos`, en: `allows at most ${n} items` };
  }
  return issue.inclusive === false
    ? { es: `debe ser menor que ${n}`, en: `must be less than ${n}` }
    : { es: `debe ser ${n} o menos`, en: `must be ${n} or less` };
}

// The regex hints in the schemas are English; these are their translations.
const formatHints: Record<string, Localized> = {
  'HH:MM': {
    es: 'usa el formato HH:MM (24 horas), p. ej. 09:30',
    en: 'use the HH:MM format (24-hour), e.g. 09:30',
  },
  'ISO date': { es: 'usa una fecha como 2025-03-31', en: 'use a date like 2025-03-31' },
  'letters, digits, "_" and "-", starting with a letter': {
    es: 'usa letras, números, «_» y «-», empezando por una letra',
    en: 'use letters, digits, "_" and "-", starting with a letter',
  },
  'letters, digits, "_" and "-"': {
    es: 'usa solo letras, números, «_» y «-»',
    en: 'use only letters, digits, "_" and "-"',
  },
  'lowercase letters, digits and "_"': {
    es: 'usa minúsculas, números y «_», como en WhatsApp Manager',
    en: 'use lowercase letters, digits and "_", as in WhatsApp Manager',
  },
  'a language code like es_MX': {
    es: 'usa un código de idioma como es_MX',
    en: 'use a language code like es_MX',
  },
};

export function formatHint(message: string): Localized {
  return (
    (Object.hasOwn(formatHints, message) ? formatHints[message] : undefined) ?? {
      es: 'el formato no es válido',
      en: 'the format is not valid',
    }
  );
}

export function oneOf(values: string[]): Localized {
  if (values.length === 1) return { es: `debe ser ${values[0]}`, en: `must be ${values[0]}` };
  return { es: `usa uno de: ${values.join(', ')}`, en: `use one of: ${values.join(', ')}` };
}
