import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';

/** One thing wrong with a request, located by field path (RFC 9457 extension member `errors`). */
export interface FieldProblem {
  path: string;
  message: string;
  code?: string;
  nodeId?: string;
  message_es?: string;
}

export interface Problem {
  type: string;
  title: string;
  status: number;
  detail?: string;
  errors?: FieldProblem[];
  [extension: string]: unknown;
}

/** An expected failure: becomes an `application/problem+json` answer. */
export class ProblemError extends HTTPException {
  constructor(
    status: ContentfulStatusCode,
    readonly problem: Omit<Problem, 'status' | 'type'> & { type?: string },
  ) {
    super(status, { message: String(problem.detail ?? problem.title) });
  }
}

export function problemResponse(
  c: Context,
  status: ContentfulStatusCode,
  problem: Omit<Problem, 'status' | 'type'> & { type?: string },
) {
  return c.body(JSON.stringify({ type: 'about:blank', ...problem, status }), status, {
    'content-type': 'application/problem+json',
  });
}

export const notFound = (what: string, id: string) =>
  new ProblemError(404, {
    title: 'Not found',
    detail: `${what} ${id} does not exist in this workspace.`,
  });

export const conflict = (detail: string, errors?: FieldProblem[]) =>
  new ProblemError(409, { title: 'Conflict', detail, ...(errors ? { errors } : {}) });

export const badRequest = (detail: string, errors?: FieldProblem[]) =>
  new ProblemError(400, { title: 'Bad request', detail, ...(errors ? { errors } : {}) });

/** `['nodes', 'send_1', 'content']` → `nodes.send_1.content`; array indexes as `[0]`. */
export function fieldPath(path: readonly PropertyKey[]): string {
  return path.reduce<string>((out, part) => {
    if (typeof part === 'number') return `${out}[${part}]`;
    return out ? `${out}.${String(part)}` : String(part);
  }, '');
}
