import type { MiddlewareHandler } from 'hono';
import type { AppEnv } from '../deps';
import { scanJson } from './json-scan';
import {
  type FieldProblem,
  fieldPath,
  fieldProblem,
  problemBody,
  problemResponse,
  summarize,
} from './problem';

/** Deeper JSON is refused before any handler parses it (a journey definition is ~10 deep). */
export const MAX_JSON_DEPTH = 64;

const nulProblem = (path: string): FieldProblem => fieldProblem(path, 'nul_character', {});

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
      return problemResponse(
        c,
        problemBody(
          'invalid_request',
          { part: 'request', summary: summarize([problem]) },
          { errors: [problem] },
        ),
      );
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
    if (hazard.kind === 'lone_surrogate') return fieldProblem(path, 'invalid_unicode', {});
    return fieldProblem(path, 'too_deep', { levels: MAX_JSON_DEPTH });
  }
  if (/application\/x-www-form-urlencoded/i.test(type)) {
    for (const [name, value] of new URLSearchParams(await req.text()))
      if (name.includes('\u0000') || value.includes('\u0000'))
        return nulProblem(name.replaceAll('\u0000', '\\u0000'));
  }
  return undefined;
}
