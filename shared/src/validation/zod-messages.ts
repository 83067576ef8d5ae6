import type { Localized } from '../model/localized';

// Plain Spanish, Portuguese and English for zod's issue kinds; the field name is added by the caller.

const typeWords: Record<string, Localized> = {
  string: { es: 'un texto', pt: 'um texto', en: 'text' },
  number: { es: 'un número', pt: 'um número', en: 'a number' },
  int: { es: 'un número entero', pt: 'um número inteiro', en: 'a whole number' },
  boolean: { es: 'sí o no (true/false)', pt: 'sim ou não (true/false)', en: 'true or false' },
  object: { es: 'un objeto', pt: 'um objeto', en: 'an object' },
  record: { es: 'un objeto', pt: 'um objeto', en: 'an object' },
  array: { es: 'una lista', pt: 'uma lista', en: 'a list' },
};

export function expected(type: string): Localized {
  const word = typeWords[type] ?? { es: type, pt: type, en: type };
  return { es: `debe ser ${word.es}`, pt: `deve ser ${word.pt}`, en: `must be ${word.en}` };
}

type SizeIssue = { origin: string; inclusive?: boolean };

export function tooSmall(issue: SizeIssue & { minimum: number | bigint }): Localized {
  const n = Number(issue.minimum);
  if (issue.origin === 'string') {
    return n <= 1
      ? { es: 'no puede estar vacío', pt: 'não pode ficar vazio', en: 'cannot be empty' }
      : {
          es: `necesita al menos ${n} caracteres`,
          pt: `precisa de pelo menos ${n} caracteres`,
          en: `needs at least ${n} characters`,
        };
  }
  if (issue.origin === 'array' || issue.origin === 'set') {
    return n === 1
      ? {
          es: 'necesita al menos un elemento',
          pt: 'precisa de pelo menos um item',
          en: 'needs at least one item',
        }
      : {
          es: `necesita al menos ${n} elementos`,
          pt: `precisa de pelo menos ${n} itens`,
          en: `needs at least ${n} items`,
        };
  }
  return issue.inclusive === false
    ? {
        es: `debe ser mayor que ${n}`,
        pt: `deve ser maior que ${n}`,
        en: `must be greater than ${n}`,
      }
    : { es: `debe ser ${n} o más`, pt: `deve ser ${n} ou mais`, en: `must be ${n} or more` };
}

export function tooBig(issue: SizeIssue & { maximum: number | bigint }): Localized {
  const n = Number(issue.maximum);
  if (issue.origin === 'string') {
    return {
      es: `admite como máximo ${n} caracteres`,
      pt: `aceita no máximo ${n} caracteres`,
      en: `allows at most ${n} characters`,
    };
  }
  if (issue.origin === 'array' || issue.origin === 'set') {
    return {
      es: `admite como máximo ${n} elementos`,
      pt: `aceita no máximo ${n} itens`,
      en: `allows at most ${n} items`,
    };
  }
  return issue.inclusive === false
    ? { es: `debe ser menor que ${n}`, pt: `deve ser menor que ${n}`, en: `must be less than ${n}` }
    : { es: `debe ser ${n} o menos`, pt: `deve ser ${n} ou menos`, en: `must be ${n} or less` };
}

// The regex hints in the schemas are English; these are their translations.
const formatHints: Record<string, Localized> = {
  'HH:MM': {
    es: 'usa el formato HH:MM (24 horas), p. ej. 09:30',
    pt: 'use o formato HH:MM (24 horas), p. ex. 09:30',
    en: 'use the HH:MM format (24-hour), e.g. 09:30',
  },
  'ISO date': {
    es: 'usa una fecha como 2025-03-31',
    pt: 'use uma data como 2025-03-31',
    en: 'use a date like 2025-03-31',
  },
  'letters, digits, "_" and "-", starting with a letter': {
    es: 'usa letras, números, «_» y «-», empezando por una letra',
    pt: 'use letras, números, «_» e «-», começando com uma letra',
    en: 'use letters, digits, "_" and "-", starting with a letter',
  },
  'letters, digits, "_" and "-"': {
    es: 'usa solo letras, números, «_» y «-»',
    pt: 'use só letras, números, «_» e «-»',
    en: 'use only letters, digits, "_" and "-"',
  },
  'lowercase letters, digits and "_"': {
    es: 'usa minúsculas, números y «_», como en WhatsApp Manager',
    pt: 'use letras minúsculas, números e «_», como no WhatsApp Manager',
    en: 'use lowercase letters, digits and "_", as in WhatsApp Manager',
  },
  'a language code like es_MX': {
    es: 'usa un código de idioma como es_MX',
    pt: 'use um código de idioma como pt_BR',
    en: 'use a language code like es_MX',
  },
};

export function formatHint(message: string): Localized {
  return (
    (Object.hasOwn(formatHints, message) ? formatHints[message] : undefined) ?? {
      es: 'el formato no es válido',
      pt: 'o formato é inválido',
      en: 'the format is not valid',
    }
  );
}

export function oneOf(values: string[]): Localized {
  if (values.length === 1)
    return { es: `debe ser ${values[0]}`, pt: `deve ser ${values[0]}`, en: `must be ${values[0]}` };
  return {
    es: `usa uno de: ${values.join(', ')}`,
    pt: `use um destes: ${values.join(', ')}`,
    en: `use one of: ${values.join(', ')}`,
  };
}
