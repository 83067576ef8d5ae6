import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import { verifyPassword } from '../auth/passwords';
import { createSession, deleteSession, SESSION_COOKIE, SESSION_DAYS } from '../auth/sessions';
import type { AppEnv } from '../deps';
import { ProblemError } from '../http/problem';
import { validationHook } from '../http/validation';
import { Me, ProblemSchema } from './schemas';

const Login = z
  .object({ email: z.string().email(), password: z.string().min(1).max(200) })
  .openapi('Login');

async function me(sql: AppEnv['Variables']['deps']['sql'], userId: string, workspaceId: string) {
  const [row] = await sql<
    {
      id: string;
      email: string;
      name: string;
      locale: string;
      workspace_id: string;
      workspace_name: string;
      role: string;
    }[]
  >`
    select u.id, u.email, u.name, u.locale, w.id as workspace_id, w.name as workspace_name, m.role
    from users u join workspace_members m on m.user_id = u.id join workspaces w on w.id = m.workspace_id
    where u.id = ${userId} and w.id = ${workspaceId}`;
  return row
    ? {
        user: { id: row.id, email: row.email, name: row.name, locale: row.locale },
        workspace: { id: row.workspace_id, name: row.workspace_name },
        role: row.role,
      }
    : undefined;
}

/** Public: log in (sets the session cookie). */
export const publicAuth = new OpenAPIHono<AppEnv>({ defaultHook: validationHook }).openapi(
  createRoute({
    method: 'post',
    path: '/auth/login',
    tags: ['Auth'],
    summary: 'Log in with email and password; sets the session cookie',
    request: { body: { content: { 'application/json': { schema: Login } }, required: true } },
    responses: {
      200: { description: 'Logged in', content: { 'application/json': { schema: Me } } },
      401: {
        description: 'Wrong email or password',
        content: { 'application/problem+json': { schema: ProblemSchema } },
      },
    },
  }),
  async (c) => {
    const { sql, config } = c.get('deps');
    const { email, password } = c.req.valid('json');
    const [user] = await sql<{ id: string; password_hash: string; workspace_id: string }[]>`
      select u.id, u.password_hash, m.workspace_id
      from users u join workspace_members m on m.user_id = u.id
      where u.email = ${email.toLowerCase()} order by m.workspace_id limit 1`;
    if (!user || !(await verifyPassword(password, user.password_hash))) {
      throw new ProblemError(401, { title: 'Unauthorized', detail: 'Wrong email or password.' });
    }
    const token = await createSession(sql, user.id, user.workspace_id);
    setCookie(c, SESSION_COOKIE, token, {
      httpOnly: true,
      sameSite: 'Lax',
      path: '/',
      secure: config.secureCookies ?? config.publicUrl.startsWith('https:'),
      maxAge: SESSION_DAYS * 86_400,
    });
    const body = await me(sql, user.id, user.workspace_id);
    return c.json(body as z.infer<typeof Me>, 200);
  },
);

/** Private: who am I, log out. */
export const privateAuth = new OpenAPIHono<AppEnv>({ defaultHook: validationHook })
  .openapi(
    createRoute({
      method: 'post',
      path: '/auth/logout',
      tags: ['Auth'],
      summary: 'Log out (ends the session)',
      responses: { 204: { description: 'Logged out' } },
    }),
    async (c) => {
      const token = getCookie(c, SESSION_COOKIE);
      if (token) await deleteSession(c.get('deps').sql, token);
      deleteCookie(c, SESSION_COOKIE, { path: '/' });
      return c.body(null, 204);
    },
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/me',
      tags: ['Auth'],
      summary: 'The logged-in user and workspace (or the API key’s workspace)',
      responses: { 200: { description: 'Me', content: { 'application/json': { schema: Me } } } },
    }),
    async (c) => {
      const auth = c.get('auth');
      const { sql } = c.get('deps');
      if (auth.userId)
        return c.json((await me(sql, auth.userId, auth.workspaceId)) as z.infer<typeof Me>, 200);
      const [workspace] = await sql<
        { id: string; name: string }[]
      >`select id, name from workspaces where id = ${auth.workspaceId}`;
      return c.json(
        { user: null, workspace: workspace ?? { id: auth.workspaceId, name: '' }, role: 'api_key' },
        200,
      );
    },
  );
