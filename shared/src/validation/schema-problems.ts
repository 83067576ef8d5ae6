import type { z } from 'zod';
import type { Localized } from '../model/localized';
import { isRuleParams } from '../model/rule-issue';
import type { ProblemPath, ValidationProblem } from './problem';

type Issue = z.core.$ZodIssue;

/** Turns zod issues into problems with stable codes and plain Spanish and English. */
export function schemaProblems(issues: readonly Issue[], input: unknown): ValidationProblem[] {
  return issues.map((issue) => toProblem(issue, input));
}

function toProblem(issue: Issue, input: unknown): ValidationProblem {
  const path: ProblemPath = issue.path.map((key) => (typeof key === 'number' ? key : String(key)));
  const located = locate(path, input);
  if (path.length === 1 && path[0] === 'trigger' && isAbsent(issue, input)) {
    return {
      code: 'missing_trigger',
      ...located,
      message: {
        es: 'Elige el disparador, cómo entran los contactos: un evento, un segmento, un horario o a mano.',
        en: 'Choose the trigger, how contacts enter: an event, a segment, a schedule or manually.',
      },
    };
  }
  const rule = ruleOf(issue);
  if (rule) return { code: rule.code, ...located, message: rule.message };
  const { code, text } = describe(issue, input);
  const field = fieldName(path);
  return {
    code,
    ...located,
    message: field
      ? { es: `${field}: ${text.es}.`, en: `${field}: ${text.en}.` }
      : capitalize(text),
  };
}

function locate(
  path: ProblemPath,
  input: unknown,
): Pick<ValidationProblem, 'nodeId' | 'edgeId' | 'path'> {
  const [head, key] = path;
  if (head === 'nodes' && typeof key === 'string') return { nodeId: key, path };
  if (head === 'trigger') return { nodeId: 'trigger', path };
  if (head === 'edges' && typeof key === 'number') {
    const edgeId = at(at(at(input, 'edges'), key), 'id');
    return typeof edgeId === 'string' ? { edgeId, path } : { path };
  }
  return { path };
}

/** The field as the node sees it: 'timeout.amount' rather than 'nodes.wait_1.timeout.amount'. */
function fieldName(path: ProblemPath): string {
  const relative = path[0] === 'nodes' || path[0] === 'edges' ? path.slice(2) : path;
  return relative.map(String).join('.');
}

function ruleOf(issue: Issue) {
  if (issue.code === 'custom' && isRuleParams(issue.params)) return issue.params;
  if (issue.code === 'invalid_key') {
    for (const inner of issue.issues) {
      if (inner.code === 'custom' && isRuleParams(inner.params)) return inner.params;
    }
  }
  return undefined;
}

function isAbsent(issue: Issue, input: unknown): boolean {
  return issue.code === 'invalid_type' && valueAt(input, issue.path) == null;
}

function describe(issue: Issue, input: unknown): { code: string; text: Localized } {
  switch (issue.code) {
    case 'invalid_type':
      if (valueAt(input, issue.path) === undefined) {
        return {
          code: 'missing_field',
          text: { es: 'falta este dato', en: 'this field is required' },
        };
      }
      return { code: 'invalid_field', text: expected(issue.expected) };
    case 'too_small':
      return { code: 'invalid_field', text: tooSmall(issue) };
    case 'too_big':
      return { code: 'invalid_field', text: tooBig(issue) };
    case 'invalid_format':
      return { code: 'invalid_field', text: formatHint(issue.message) };
    case 'invalid_value':
      return { code: 'invalid_field', text: oneOf(issue.values.map(String)) };
    case 'invalid_union':
      if (issue.discriminator !== undefined && 'options' in issue && issue.options) {
        const options = issue.options.map(String);
        const isNodeType = issue.discriminator === 'type' && issue.path[0] === 'nodes';
        return {
          code: isNodeType ? 'unknown_node_type' : 'invalid_field',
          text: {
            es: `tipo desconocido; usa uno de: ${options.join(', ')}`,
            en: `unknown kind; use one of: ${options.join(', ')}`,
          },
        };
      }
      return { code: 'invalid_field', text: { es: 'valor no válido', en: 'invalid value' } };
    case 'invalid_key': {
      const hint =
        issue.issues[0]?.code === 'invalid_format'
          ? formatHint(issue.issues[0].message)
          : undefined;
      return {
        code: 'invalid_field',
        text: {
          es: `el id no es válido${hint ? `; ${hint.es}` : ''}`,
          en: `the id is not valid${hint ? `; ${hint.en}` : ''}`,
        },
      };
    }
    case 'unrecognized_keys':
      return {
        code: 'invalid_field',
        text: {
          es: `campos desconocidos: ${issue.keys.join(', ')}`,
          en: `unknown fields: ${issue.keys.join(', ')}`,
        },
      };
    default:
      return { code: 'invalid_field', text: { es: issue.message, en: issue.message } };
  }
}

const typeWords: Record<string, Localized> = {
  string: { es: 'un texto', en: 'text' },
  number: { es: 'un número', en: 'a number' },
  int: { es: 'un número entero', en: 'a whole number' },
  boolean: { es: 'sí o no (true/false)', en: 'true or false' },
  object: { es: 'un objeto', en: 'an object' },
  record: { es: 'un objeto', en: 'an object' },
  array: { es: 'una lista', en: 'a list' },
};

function expected(type: string): Localized {
  const word = typeWords[type] ?? { es: type, en: type };
  return { es: `debe ser ${word.es}`, en: `must be ${word.en}` };
}

type SizeIssue = { origin: string; inclusive?: boolean };

function tooSmall(issue: SizeIssue & { minimum: number | bigint }): Localized {
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

function tooBig(issue: SizeIssue & { maximum: number | bigint }): Localized {
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

function formatHint(message: string): Localized {
  return (
    (Object.hasOwn(formatHints, message) ? formatHints[message] : undefined) ?? {
      es: 'el formato no es válido',
      en: 'the format is not valid',
    }
  );
}

function oneOf(values: string[]): Localized {
  if (values.length === 1) return { es: `debe ser ${values[0]}`, en: `must be ${values[0]}` };
  return { es: `usa uno de: ${values.join(', ')}`, en: `use one of: ${values.join(', ')}` };
}

function capitalize(text: Localized): Localized {
  const up = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
  return { es: `${up(text.es)}.`, en: `${up(text.en)}.` };
}

function at(value: unknown, key: PropertyKey): unknown {
  if (typeof value !== 'object' || value === null || !Object.hasOwn(value, key)) return undefined;
  return (value as Record<PropertyKey, unknown>)[key];
}

function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
  return path.reduce<unknown>((value, key) => at(value, key), input);
}
