import { createRoute, OpenAPIHono, type z } from '@hono/zod-openapi';
import { describeMe } from '../auth/me';
import type { AppEnv } from '../deps';
import { validationHook } from '../http/validation';
import { json, Me } from './schemas';

/** `/api/me`: who is calling. */
export const me = new OpenAPIHono<AppEnv>({ defaultHook: validationHook }).openapi(
  createRoute({
    method: 'get',
    path: '/',
    tags: ['Auth'],
    summary: 'The logged-in user, workspace and role (or the API key’s workspace and scope)',
    responses: { 200: json(Me, 'Me') },
  }),
  async (c) =>
    c.json((await describeMe(c.get('deps').sql, c.get('auth'))) as z.infer<typeof Me>, 200),
);
