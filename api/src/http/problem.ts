import {
  describeError,
  describeFieldError,
  type ErrorCode,
  type ErrorParams,
  type ErrorText,
  type FieldErrorCode,
  type FieldErrorParams,
  type Thing,
} from '@ruta/shared';
import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';

/**
 * One thing wrong with a request, located by field path (RFC 9457 extension member `errors`):
 * a stable code and the message in English (`message`), Spanish and Portuguese.
 */
export interface FieldProblem {
  path: string;
  code: string;
  message: string;
  message_es: string;
  message_pt: string;
  params?: Record<string, unknown>;
  nodeId?: string;
  [extension: string]: unknown;
}

/**
 * The problem+json body: `code` and `params` say what happened (the catalog in @ruta/shared
 * turns them into text); `title`/`detail` are English, `_es` and `_pt` the same in Spanish and
 * Portuguese.
 */
export interface Problem {
  type: string;
  status: number;
  code: string;
  params?: Record<string, unknown>;
  title: string;
  title_es: string;
  title_pt: string;
  detail: string;
  detail_es: string;
  detail_pt: string;
  errors?: FieldProblem[];
  [extension: string]: unknown;
}

type Extras = { errors?: FieldProblem[]; status?: ContentfulStatusCode } & Record<string, unknown>;

/** An expected failure: becomes an `application/problem+json` answer. */
export class ProblemError extends HTTPException {
  constructor(readonly problem: Problem) {
    super(problem.status as ContentfulStatusCode, { message: problem.detail });
  }
}

/** The problem `code` from the catalog, with its parameters, extension members and field errors. */
export function problemBody<C extends ErrorCode>(
  code: C,
  params: ErrorParams<C>,
  extras: Extras = {},
): Problem {
  const { status: override, errors, ...members } = extras;
  const text = describeError(code, params);
  const hasParams = Object.keys(params as object).length > 0;
  return {
    type: 'about:blank',
    status: override ?? text.status,
    code,
    ...(hasParams ? { params: params as Record<string, unknown> } : {}),
    title: text.title.en,
    title_es: text.title.es,
    title_pt: text.title.pt,
    detail: text.detail.en,
    detail_es: text.detail.es,
    detail_pt: text.detail.pt,
    ...members,
    ...(errors && errors.length > 0 ? { errors } : {}),
  };
}

/** Throw it: `throw problem('journey_already_active', {})`. */
export function problem<C extends ErrorCode>(
  code: C,
  params: ErrorParams<C>,
  extras?: Extras,
): ProblemError {
  return new ProblemError(problemBody(code, params, extras));
}

/** Answers with a problem without throwing (middleware that returns a response). */
export function problemResponse(c: Context, body: Problem) {
  return c.body(JSON.stringify(body), body.status as ContentfulStatusCode, {
    'content-type': 'application/problem+json',
  });
}

/** A field error from the field table. */
export function fieldProblem<C extends FieldErrorCode>(
  path: string,
  code: C,
  params: FieldErrorParams<C>,
  extras: Record<string, unknown> = {},
): FieldProblem {
  const hasParams = Object.keys(params as object).length > 0;
  return {
    ...localizedField(path, code, describeFieldError(code, params), extras),
    ...(hasParams ? { params: params as Record<string, unknown> } : {}),
  };
}

/** A field error whose text is already said in every language (validation of a body's shape). */
export function localizedField(
  path: string,
  code: string,
  text: ErrorText,
  extras: Record<string, unknown> = {},
): FieldProblem {
  return {
    path,
    code,
    message: text.en,
    message_es: text.es,
    message_pt: text.pt,
    ...extras,
  };
}

/** The field errors as one line per language ("path: message; …"). */
export function summarize(errors: readonly FieldProblem[]): ErrorText {
  const line = (key: 'message' | 'message_es' | 'message_pt') =>
    errors.map((e) => (e.path ? `${e.path}: ${e[key]}` : e[key])).join('; ');
  return { en: line('message'), es: line('message_es'), pt: line('message_pt') };
}

export const notFound = (thing: Thing, id: string) => problem('not_found', { thing, id });

/** `['nodes', 'send_1', 'content']` → `nodes.send_1.content`; array indexes as `[0]`. */
export function fieldPath(path: readonly PropertyKey[]): string {
  return path.reduce<string>((out, part) => {
    if (typeof part === 'number') return `${out}[${part}]`;
    return out ? `${out}.${String(part)}` : String(part);
  }, '');
}
