import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import { describeMe } from '../auth/me';
import { setSessionCookie } from '../auth/session-cookie';
import type { AppEnv } from '../deps';
import { clientAddress, userAgent } from '../http/client-address';
import { validationHook } from '../http/validation';
import { acceptInvitation } from '../team/accept-invitation';
import { openInvitation } from '../team/invitations';
import { Me, ProblemSchema } from './schemas';

const problemDoc = (description: string) => ({
  description,
  content: { 'application/problem+json': { schema: ProblemSchema } },
});
const tags = ['Team'];

const TokenParam = z.object({
  token: z
    .string()
    .min(20)
    .max(100)
    .openapi({ param: { name: 'token', in: 'path' } }),
});
const Accept = z
  .object({
    password: z.string().min(1).max(200),
    name: z.string().trim().max(120).optional(),
  })
  .openapi('AcceptInvitation');
const InvitationInfo = z
  .object({
    workspace: z.object({ name: z.string() }),
    email: z.string(),
    role: z.string(),
    expiresAt: z.string(),
    existingUser: z.boolean(),
  })
  .openapi('InvitationInfo');

/** Public: what an invitation link opens, and accepting it (the token is the credential). */
export const invitations = new OpenAPIHono<AppEnv>({ defaultHook: validationHook })
  .openapi(
    createRoute({
      method: 'get',
      path: '/{token}',
      tags,
      summary:
        'The invitation a link opens: workspace, email, role, and whether the email has an account',
      security: [],
      request: { params: TokenParam },
      responses: {
        200: { description: 'Open', content: { 'application/json': { schema: InvitationInfo } } },
        404: problemDoc('Unknown, replaced or cancelled'),
        410: problemDoc('Used or expired'),
      },
    }),
    async (c) => {
      const open = await openInvitation(c.get('deps').sql, c.req.valid('param').token);
      return c.json(
        {
          workspace: { name: open.workspaceName },
          email: open.email,
          role: open.role,
          expiresAt: open.expiresAt.toISOString(),
          existingUser: open.existingUser,
        },
        200,
      );
    },
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/{token}/accept',
      tags,
      summary:
        'Accept: a new email sets its password (and name); an existing account gives its password and joins. Signs in (sets the session cookie).',
      security: [],
      request: {
        params: TokenParam,
        body: { content: { 'application/json': { schema: Accept } }, required: true },
      },
      responses: {
        200: {
          description: 'Joined and signed in',
          content: { 'application/json': { schema: Me } },
        },
        400: problemDoc('The new password is too short'),
        401: problemDoc('Wrong password for the existing account'),
        404: problemDoc('Unknown, replaced or cancelled'),
        409: problemDoc('Already a member'),
        410: problemDoc('Used or expired'),
        429: problemDoc('Too many wrong passwords'),
      },
    }),
    async (c) => {
      const deps = c.get('deps');
      const joined = await acceptInvitation(deps, c.req.valid('param').token, c.req.valid('json'), {
        ip: clientAddress(c),
        userAgent: userAgent(c),
      });
      setSessionCookie(c, joined.token);
      const me = await describeMe(deps.sql, joined);
      return c.json(me as z.infer<typeof Me>, 200);
    },
  );
