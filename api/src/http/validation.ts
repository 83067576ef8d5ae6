import type { Hook } from '@hono/zod-openapi';
import type { AppEnv } from '../deps';
import { fieldPath, problemResponse } from './problem';

/** The one shape every invalid request gets: 400 problem+json listing each field path. */
export const validationHook: Hook<unknown, AppEnv, string, unknown> = (result, c) => {
  if (result.success) return;
  const where = result.target;
  const errors = result.error.issues.map((issue) => {
    // A custom issue may carry its own stable code and Spanish message.
    const params = (issue as { params?: { code?: string; message_es?: string } }).params;
    return {
      path:
        fieldPath([...(where === 'json' || where === 'form' ? [] : [where]), ...issue.path]) ||
        where,
      message: issue.message,
      code: params?.code ?? issue.code,
      ...(params?.message_es ? { message_es: params.message_es } : {}),
    };
  });
  return problemResponse(c, 400, {
    title: 'Invalid request',
    detail: `The ${where === 'json' ? 'body' : where} is not valid: ${errors.map((e) => `${e.path}: ${e.message}`).join('; ')}`,
    errors,
  });
};
