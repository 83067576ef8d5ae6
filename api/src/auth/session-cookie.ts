import type { Context } from 'hono';
import { deleteCookie, setCookie } from 'hono/cookie';
import type { AppEnv } from '../deps';
import { SESSION_COOKIE, SESSION_DAYS } from './sessions';

export function setSessionCookie(c: Context<AppEnv>, token: string): void {
  const { config } = c.get('deps');
  setCookie(c, SESSION_COOKIE, token, {
    httpOnly: true,
    sameSite: 'Lax',
    path: '/',
    secure: config.secureCookies ?? config.publicUrl.startsWith('https:'),
    maxAge: SESSION_DAYS * 86_400,
  });
}

export function clearSessionCookie(c: Context<AppEnv>): void {
  deleteCookie(c, SESSION_COOKIE, { path: '/' });
}
