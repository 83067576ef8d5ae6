import type { Logger, Sql } from '@ruta/platform';
import { LOGIN_THROTTLE } from './auth/login-throttle';

/** How long the audit log keeps an entry. */
export const AUDIT_RETENTION_DAYS = 365;
const DAY_MS = 86_400_000;

/**
 * Deletes what is past keeping: audit entries older than a year, expired sessions, forgotten
 * login failures, and invitations that ended (used, cancelled or expired) over a year ago.
 */
export async function cleanUp(sql: Sql): Promise<Record<string, number>> {
  const year = `${AUDIT_RETENTION_DAYS} days`;
  const audit = await sql`delete from audit_log where at < now() - ${year}::interval returning 1`;
  const sessions = await sql`delete from sessions where expires_at < now() returning 1`;
  const throttle = await sql`
    delete from login_throttle
    where last_failure_at < now() - ${LOGIN_THROTTLE.forgetAfter}::interval
      and (blocked_until is null or blocked_until < now())
    returning 1`;
  const invitations = await sql`
    delete from invitations
    where coalesce(accepted_at, revoked_at, expires_at) < now() - ${year}::interval returning 1`;
  return {
    auditEntries: audit.length,
    sessions: sessions.length,
    loginThrottle: throttle.length,
    invitations: invitations.length,
  };
}

/** Runs `cleanUp` now and once a day in this process (every API process may; it is idempotent). */
export function startHousekeeping(sql: Sql, log: Logger): { stop: () => void } {
  const run = () =>
    cleanUp(sql).then(
      (deleted) => log.debug(deleted, 'housekeeping done'),
      (error) => log.warn({ err: error }, 'housekeeping failed; it runs again tomorrow'),
    );
  void run();
  const timer = setInterval(run, DAY_MS);
  timer.unref();
  return { stop: () => clearInterval(timer) };
}
