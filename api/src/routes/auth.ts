import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import { getCookie } from 'hono/cookie';
import { audit } from '../audit/audit-log';
import { signIn } from '../auth/login';
import { throttled } from '../auth/login-throttle';
import { describeMe } from '../auth/me';
import { changePassword } from '../auth/password-change';
import { MIN_PASSWORD_LENGTH } from '../auth/passwords';
import { clearSessionCookie, setSessionCookie } from '../auth/session-cookie';
import { deleteSession, endUserSessions, SESSION_COOKIE } from '../auth/sessions';
import type { AppEnv } from '../deps';
import { clientAddress, userAgent } from '../http/client-address';
import { fieldProblem, problem } from '../http/problem';
import { validationHook } from '../http/validation';
import { Me, ProblemSchema } from './schemas';

const Login = z
  .object({ email: z.string().email(), password: z.string().min(1).max(200) })
  .openapi('Login');

const PasswordChange = z
  .object({
    currentPassword: z.string().min(1).max(200),
    newPassword: z.string().min(MIN_PASSWORD_LENGTH).max(200),
  })
  .openapi('PasswordChange');

const problemDoc = (description: string) => ({
  description,
  content: { 'application/problem+json': { schema: ProblemSchema } },
});

const sessionRequired = () => problem('session_required', {});

/** `/api/auth/login` (public): log in (sets the session cookie). */
export const publicAuth = new OpenAPIHono<AppEnv>({ defaultHook: validationHook }).openapi(
  createRoute({
    method: 'post',
    path: '/login',
    tags: ['Auth'],
    summary:
      'Log in with email and password; sets the session cookie. Throttled per account and address.',
    request: { body: { content: { 'application/json': { schema: Login } }, required: true } },
    responses: {
      200: { description: 'Logged in', content: { 'application/json': { schema: Me } } },
      401: problemDoc('Wrong email or password'),
      403: problemDoc('The account belongs to no workspace any more'),
      429: problemDoc('Too many failed sign-ins: wait the seconds of Retry-After'),
    },
  }),
  async (c) => {
    const deps = c.get('deps');
    const result = await signIn(deps, c.req.valid('json'), {
      ip: clientAddress(c),
      userAgent: userAgent(c),
    });
    if (!result.ok) {
      if (result.reason === 'throttled') throw throttled(result.retryAfter);
      if (result.reason === 'no_workspace') throw problem('no_workspace', {});
      throw problem('wrong_credentials', {});
    }
    setSessionCookie(c, result.token);
    const me = await describeMe(deps.sql, result);
    return c.json(me as z.infer<typeof Me>, 200);
  },
);

/** `/api/auth` (private): log out (here or everywhere), change my password. */
export const privateAuth = new OpenAPIHono<AppEnv>({ defaultHook: validationHook })
  .openapi(
    createRoute({
      method: 'post',
      path: '/logout',
      tags: ['Auth'],
      summary: 'Log out (ends this session)',
      responses: { 204: { description: 'Logged out' } },
    }),
    async (c) => {
      const token = getCookie(c, SESSION_COOKIE);
      if (token) await deleteSession(c.get('deps').sql, token);
      clearSessionCookie(c);
      return c.body(null, 204);
    },
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/logout-everywhere',
      tags: ['Auth'],
      summary: 'Log out on every device: ends all of your sessions, in every workspace',
      responses: {
        204: { description: 'Every session ended' },
        400: problemDoc('Called with an API key (it has no sessions)'),
      },
    }),
    async (c) => {
      const { userId } = c.get('auth');
      if (!userId) throw sessionRequired();
      const ended = await endUserSessions(c.get('deps').sql, userId);
      await audit(c, 'auth.logout_everywhere', undefined, { endedSessions: ended });
      clearSessionCookie(c);
      return c.body(null, 204);
    },
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/password',
      tags: ['Auth'],
      summary:
        'Change your password: every other session ends; this device gets a new session cookie',
      request: {
        body: { content: { 'application/json': { schema: PasswordChange } }, required: true },
      },
      responses: {
        204: { description: 'Changed' },
        400: problemDoc('The current password is wrong, or the new one too short'),
        429: problemDoc('Too many wrong passwords: wait the seconds of Retry-After'),
      },
    }),
    async (c) => {
      const { userId } = c.get('auth');
      if (!userId) throw sessionRequired();
      const token = await changePassword(c, userId, c.req.valid('json'));
      setSessionCookie(c, token);
      await audit(c, 'auth.password_changed');
      return c.body(null, 204);
    },
  );
