import type { Hook } from '@hono/zod-openapi';
import { fieldIssue } from '@ruta/shared';
import type { AppEnv } from '../deps';
import { fieldPath, localizedField, problemBody, problemResponse, summarize } from './problem';

/**
 * The one shape every invalid request gets: 400 problem+json `invalid_request`, each field by
 * path with a stable code and its message in English, Spanish and Portuguese.
 */
export const validationHook: Hook<unknown, AppEnv, string, unknown> = (result, c) => {
  if (result.success) return;
  const part = result.target;
  const input = (result as { data?: unknown }).data;
  const prefix = part === 'json' || part === 'form' ? [] : [part];
  const errors = result.error.issues.map((issue) => {
    const { code, message } = fieldIssue(issue, input);
    return localizedField(fieldPath([...prefix, ...issue.path]) || part, code, message);
  });
  return problemResponse(
    c,
    problemBody('invalid_request', { part, summary: summarize(errors) }, { errors }),
  );
};
