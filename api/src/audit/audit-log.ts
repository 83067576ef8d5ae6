import type { Sql } from '@ruta/platform';
import type { AuditAction } from '@ruta/shared';
import type { Context } from 'hono';
import type { AppEnv } from '../deps';
import { clientAddress, userAgent } from '../http/client-address';

export interface AuditTarget {
  type:
    | 'member'
    | 'invitation'
    | 'api_key'
    | 'channel'
    | 'source'
    | 'journey'
    | 'contact'
    | 'workspace';
  id: string;
  /** How people recognise it (email, name); kept after the thing itself is gone. */
  label?: string | null;
}

export interface AuditRecord {
  workspaceId: string | null;
  action: AuditAction;
  actor: { userId?: string; apiKeyId?: string; label?: string | null };
  target?: AuditTarget;
  detail?: Record<string, unknown>;
  ip?: string;
  userAgent?: string;
}

/** Writes one entry. Never fails the action it records: a write error is logged instead. */
export async function recordAudit(
  deps: { sql: Sql; log: { error: (obj: object, msg: string) => void } },
  entry: AuditRecord,
): Promise<void> {
  try {
    await deps.sql`
      insert into audit_log (workspace_id, action, actor_user_id, actor_api_key_id, actor_label,
                             target_type, target_id, target_label, detail, ip, user_agent)
      values (${entry.workspaceId}, ${entry.action}, ${entry.actor.userId ?? null},
              ${entry.actor.apiKeyId ?? null}, ${entry.actor.label ?? null},
              ${entry.target?.type ?? null}, ${entry.target?.id ?? null}, ${entry.target?.label ?? null},
              ${deps.sql.json((entry.detail ?? {}) as never)}, ${entry.ip ?? null}, ${entry.userAgent ?? null})`;
  } catch (error) {
    deps.log.error({ err: error, action: entry.action }, 'audit entry not written');
  }
}

/** Records what the signed-in member or API key of this request did, and from where. */
export function audit(
  c: Context<AppEnv>,
  action: AuditAction,
  target?: AuditTarget,
  detail?: Record<string, unknown>,
): Promise<void> {
  const auth = c.get('auth');
  return recordAudit(c.get('deps'), {
    workspaceId: auth.workspaceId,
    action,
    actor: auth.apiKey
      ? { apiKeyId: auth.apiKey.id, label: auth.apiKey.name }
      : { userId: auth.userId, label: auth.email },
    target,
    detail,
    ip: clientAddress(c),
    userAgent: userAgent(c),
  });
}

/** The `ruta.actor` a consent change made by this request is recorded with (consent_history). */
export function actorOf(c: Context<AppEnv>): string {
  const auth = c.get('auth');
  return auth.apiKey ? `api_key:${auth.apiKey.id}` : `user:${auth.userId}`;
}

export interface AuditEntryView {
  id: string;
  at: Date;
  action: AuditAction;
  actor: { type: 'user' | 'api_key' | 'system'; id: string | null; label: string | null };
  target: { type: string; id: string | null; label: string | null } | null;
  detail: Record<string, unknown>;
  ip: string | null;
  userAgent: string | null;
}

/** The workspace's entries, newest first; `before` is the id of the last entry of the page before. */
export async function listAudit(
  sql: Sql,
  workspaceId: string,
  page: { limit: number; before?: string },
): Promise<{ items: AuditEntryView[]; nextBefore: string | null }> {
  const rows = await sql<
    {
      id: string;
      at: Date;
      action: AuditAction;
      actor_user_id: string | null;
      actor_api_key_id: string | null;
      actor_label: string | null;
      target_type: string | null;
      target_id: string | null;
      target_label: string | null;
      detail: Record<string, unknown>;
      ip: string | null;
      user_agent: string | null;
    }[]
  >`
    select id::text, at, action, actor_user_id, actor_api_key_id, actor_label, target_type, target_id,
           target_label, detail, ip, user_agent
    from audit_log
    where workspace_id = ${workspaceId} and (${page.before ?? null}::bigint is null or id < ${page.before ?? null}::bigint)
    order by audit_log.id desc limit ${page.limit + 1}`;
  const items = rows.slice(0, page.limit).map((r) => ({
    id: r.id,
    at: r.at,
    action: r.action,
    actor: r.actor_api_key_id
      ? { type: 'api_key' as const, id: r.actor_api_key_id, label: r.actor_label }
      : r.actor_user_id || r.actor_label
        ? { type: 'user' as const, id: r.actor_user_id, label: r.actor_label }
        : { type: 'system' as const, id: null, label: null },
    target: r.target_type ? { type: r.target_type, id: r.target_id, label: r.target_label } : null,
    detail: r.detail,
    ip: r.ip,
    userAgent: r.user_agent,
  }));
  return {
    items,
    nextBefore: rows.length > page.limit ? (items.at(-1)?.id ?? null) : null,
  };
}
