import type { MiddlewareHandler } from 'hono';
import type { AppEnv } from '../deps';
import { scanJson } from './json-scan';
import { type FieldProblem, fieldPath, problemResponse } from './problem';

/** Deeper JSON is refused before any handler parses it (a journey definition is ~10 deep). */
export const MAX_JSON_DEPTH = 64;

const NUL_MESSAGE = {
  message: 'Text cannot contain the NUL character (\\u0000); remove it.',
  message_es: 'El texto no puede contener el carácter NUL (\\u0000); quítalo.',
};

const nulProblem = (path: string): FieldProblem => ({
  path,
  code: 'nul_character',
  ...NUL_MESSAGE,
});

/**
 * Input no route can store is refused with 400 and its field path before any handler sees it:
 * a NUL character anywhere (path, query string, JSON or form body; PostgreSQL text and jsonb
 * refuse it, which answered 500) and JSON nested deeper than MAX_JSON_DEPTH. Other bodies (the
 * streamed CSV import) pass untouched.
 */
export function requestGuard(): MiddlewareHandler<AppEnv> {
  return async function refuseUnstorableInput(c, next) {
    const problem = urlProblem(c.req.url) ?? (await bodyProblem(c.req));
    if (problem)
      return problemResponse(c, 400, {
        title: 'Invalid request',
        detail: `${problem.path || 'The request'}: ${problem.message}`,
        errors: [problem],
      });
    return next();
  };
}

function urlProblem(href: string): FieldProblem | undefined {
  const url = new URL(href);
  if (/%00/i.test(url.pathname)) return nulProblem('path');
  for (const [name, value] of url.searchParams)
    if (name.includes('\u0000') || value.includes('\u0000'))
      return nulProblem(`query.${name.replaceAll('\u0000', '\\u0000')}`);
  return undefined;
}

async function bodyProblem(req: {
  header(name: string): string | undefined;
  text(): Promise<string>;
  method: string;
}): Promise<FieldProblem | undefined> {
  if (req.method === 'GET' || req.method === 'HEAD') return undefined;
  const type = req.header('content-type') ?? '';
  if (/[/+]json\b/i.test(type)) {
    const hazard = scanJson(await req.text(), MAX_JSON_DEPTH);
    if (!hazard) return undefined;
    const path = fieldPath(hazard.path);
    if (hazard.kind === 'nul') return nulProblem(path);
    if (hazard.kind === 'lone_surrogate')
      return {
        path,
        code: 'invalid_unicode',
        message:
          'The text holds half of a UTF-16 surrogate pair (such as \\ud800 alone), which is not a character; send valid Unicode.',
        message_es:
          'El texto contiene media pareja sustituta UTF-16 (como \\ud800 sola), que no es un carácter; envía Unicode válido.',
      };
    return {
      path,
      code: 'too_deep',
      message: `The JSON is nested more than ${MAX_JSON_DEPTH} levels deep here; flatten it.`,
      message_es: `El JSON tiene más de ${MAX_JSON_DEPTH} niveles de anidación aquí; simplifícalo.`,
    };
  }
  if (/application\/x-www-form-urlencoded/i.test(type)) {
    for (const [name, value] of new URLSearchParams(await req.text()))
      if (name.includes('\u0000') || value.includes('\u0000'))
        return nulProblem(name.replaceAll('\u0000', '\\u0000'));
  }
  return undefined;
}
