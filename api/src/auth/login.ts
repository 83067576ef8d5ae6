import type { Sql } from '@ruta/platform';
import { recordAudit } from '../audit/audit-log';
import type { AppDeps } from '../deps';
import {
  blockedFor,
  clearAccountFailures,
  recordLoginFailure,
  throttleKeys,
} from './login-throttle';
import { dummyPasswordHash, hashPassword, needsRehash, verifyPassword } from './passwords';
import { createSession, type SessionOrigin } from './sessions';

export type SignInResult =
  | { ok: true; userId: string; workspaceId: string; token: string }
  | { ok: false; reason: 'throttled'; retryAfter: number }
  | { ok: false; reason: 'wrong_credentials' }
  | { ok: false; reason: 'no_workspace' };

interface Account {
  id: string;
  email: string;
  password_hash: string;
  workspace_id: string | null;
}

async function findAccount(sql: Sql, email: string): Promise<Account | undefined> {
  const [row] = await sql<Account[]>`
    select u.id, u.email, u.password_hash, m.workspace_id
    from users u left join workspace_members m on m.user_id = u.id
    where u.email = ${email}
    order by m.created_at nulls last, m.workspace_id limit 1`;
  return row;
}

/**
 * Email and password → a session in the user's first workspace. Throttled per account and per
 * address; an unknown email verifies against a dummy hash, so it takes as long as a wrong
 * password; a hash made with older parameters is redone now that the password is known.
 */
export async function signIn(
  deps: Pick<AppDeps, 'sql' | 'log'>,
  input: { email: string; password: string },
  origin: SessionOrigin,
): Promise<SignInResult> {
  const { sql } = deps;
  const email = input.email.trim().toLowerCase();
  const keys = throttleKeys(email, origin.ip);
  const retryAfter = await blockedFor(sql, keys);
  if (retryAfter > 0) return { ok: false, reason: 'throttled', retryAfter };

  const account = await findAccount(sql, email);
  const matches = await verifyPassword(
    input.password,
    account?.password_hash ?? (await dummyPasswordHash()),
  );
  if (!account || !matches) {
    await recordLoginFailure(sql, keys);
    await recordAudit(deps, {
      workspaceId: account?.workspace_id ?? null,
      action: 'auth.login_failed',
      actor: { userId: account?.id, label: email },
      detail: { reason: account ? 'wrong_password' : 'unknown_email' },
      ...origin,
    });
    return { ok: false, reason: 'wrong_credentials' };
  }
  await clearAccountFailures(sql, keys);
  if (!account.workspace_id) return { ok: false, reason: 'no_workspace' };
  if (needsRehash(account.password_hash)) {
    await sql`update users set password_hash = ${await hashPassword(input.password)} where id = ${account.id}`;
  }
  const token = await createSession(sql, account.id, account.workspace_id, origin);
  await recordAudit(deps, {
    workspaceId: account.workspace_id,
    action: 'auth.login',
    actor: { userId: account.id, label: account.email },
    ...origin,
  });
  return { ok: true, userId: account.id, workspaceId: account.workspace_id, token };
}
