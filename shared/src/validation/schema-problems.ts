import type { z } from 'zod';
import type { Localized } from '../model/localized';
import { isRuleParams } from '../model/rule-issue';
import type { ProblemPath, ValidationProblem } from './problem';
import { expected, formatHint, oneOf, tooBig, tooSmall } from './zod-messages';

type Issue = z.core.$ZodIssue;

/** Turns zod issues into problems with stable codes and plain Spanish, Portuguese and English. */
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
        pt: 'Escolha o gatilho, como os contatos entram: um evento, um segmento, um horário ou manualmente.',
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
      ? { es: `${field}: ${text.es}.`, pt: `${field}: ${text.pt}.`, en: `${field}: ${text.en}.` }
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
          text: {
            es: 'falta este dato',
            pt: 'este campo é obrigatório',
            en: 'this field is required',
          },
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
            pt: `tipo desconhecido; use um destes: ${options.join(', ')}`,
            en: `unknown kind; use one of: ${options.join(', ')}`,
          },
        };
      }
      return {
        code: 'invalid_field',
        text: { es: 'valor no válido', pt: 'valor inválido', en: 'invalid value' },
      };
    case 'invalid_key': {
      const hint =
        issue.issues[0]?.code === 'invalid_format'
          ? formatHint(issue.issues[0].message)
          : undefined;
      return {
        code: 'invalid_field',
        text: {
          es: `el id no es válido${hint ? `; ${hint.es}` : ''}`,
          pt: `o id é inválido${hint ? `; ${hint.pt}` : ''}`,
          en: `the id is not valid${hint ? `; ${hint.en}` : ''}`,
        },
      };
    }
    case 'unrecognized_keys':
      return {
        code: 'invalid_field',
        text: {
          es: `campos desconocidos: ${issue.keys.join(', ')}`,
          pt: `campos desconhecidos: ${issue.keys.join(', ')}`,
          en: `unknown fields: ${issue.keys.join(', ')}`,
        },
      };
    default:
      return {
        code: 'invalid_field',
        text: { es: issue.message, pt: issue.message, en: issue.message },
      };
  }
}

function capitalize(text: Localized): Localized {
  const up = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
  return { es: `${up(text.es)}.`, pt: `${up(text.pt)}.`, en: `${up(text.en)}.` };
}

function at(value: unknown, key: PropertyKey): unknown {
  if (typeof value !== 'object' || value === null || !Object.hasOwn(value, key)) return undefined;
  return (value as Record<PropertyKey, unknown>)[key];
}

function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
  return path.reduce<unknown>((value, key) => at(value, key), input);
}

/**
 * One zod issue about a request field: its stable code and what is wrong, said about the field
 * itself ("needs at least 1 character"), since the answer names the field by its path.
 */
export function fieldIssue(issue: Issue, input: unknown): { code: string; message: Localized } {
  const rule = ruleOf(issue);
  if (rule) return { code: rule.code, message: rule.message };
  const { code, text } = describe(issue, input);
  return { code, message: text };
}
