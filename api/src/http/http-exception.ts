import type { HTTPException } from 'hono/http-exception';
import { type Problem, problemBody } from './problem';

/**
 * Hono's own refusals (an unreadable JSON body, a bad mounted path) as catalog problems: a body
 * that is not JSON gets its own code; anything else keeps Hono's status and English reason.
 */
export function fromHttpException(error: HTTPException): Problem {
  if (error.status === 400 && /json/i.test(error.message)) return problemBody('invalid_json', {});
  if (error.status >= 500) return problemBody('internal_error', {}, { status: error.status });
  return problemBody(
    'bad_request',
    { reason: error.message || 'The request is not valid.' },
    { status: error.status },
  );
}
