import { randomBytes } from 'node:crypto';
import { queueSecretOwner } from '@ruta/engine';
import type { Sql } from '@ruta/platform';
import type { AppDeps } from '../deps';
import { problem } from '../http/problem';

interface QueueRow {
  queue: string;
  notify_user_ids: string[] | null;
  webhook_url: string | null;
  signed: boolean;
}

/**
 * Every queue the workspace uses — named by a hand-off step of a journey, by a hand-off, or set
 * up here — with who hears of its new conversations.
 */
export async function listQueues(sql: Sql, workspaceId: string) {
  const rows = await sql<QueueRow[]>`
    with named as (
      select distinct n.value ->> 'queue' as queue
      from journeys j, jsonb_each(j.draft -> 'nodes') n
      where j.workspace_id = ${workspaceId} and j.status <> 'archived' and n.value ->> 'type' = 'handoff'
      union select distinct queue from handoff_tasks where workspace_id = ${workspaceId}
      union select queue from handoff_queues where workspace_id = ${workspaceId}
    )
    select n.queue, q.notify_user_ids, q.webhook_url, q.webhook_secret_sealed is not null as signed
    from named n left join handoff_queues q on q.workspace_id = ${workspaceId} and q.queue = n.queue
    where n.queue is not null order by n.queue`;
  return rows.map(toQueue);
}

function toQueue(row: QueueRow) {
  return {
    queue: row.queue,
    notifyUserIds: row.notify_user_ids ?? [],
    webhookUrl: row.webhook_url,
    signed: row.signed,
  };
}

/**
 * Sets who hears of a queue's new conversations. A webhook gets a signing secret the first time
 * one is set (returned once); members must belong to the workspace.
 */
export async function saveQueue(
  deps: Pick<AppDeps, 'sql' | 'secrets'>,
  workspaceId: string,
  queue: string,
  input: { notifyUserIds: string[]; webhookUrl: string | null },
) {
  const { sql } = deps;
  const members = await sql<{ user_id: string }[]>`
    select user_id from workspace_members
    where workspace_id = ${workspaceId} and user_id = any(${input.notifyUserIds})`;
  const known = new Set(members.map((m) => m.user_id));
  const stranger = input.notifyUserIds.find((id) => !known.has(id));
  if (stranger) throw problem('handoff_not_member', { userId: stranger });
  const [current] = await sql<{ sealed: string | null }[]>`
    select webhook_secret_sealed as sealed from handoff_queues
    where workspace_id = ${workspaceId} and queue = ${queue}`;
  let secret: string | undefined;
  let sealed = current?.sealed ?? null;
  if (input.webhookUrl && !sealed) {
    if (!deps.secrets) throw problem('handoff_webhook_needs_key', {});
    secret = `rhs_${randomBytes(24).toString('base64url')}`;
    sealed = deps.secrets.encrypt({ secret }, queueSecretOwner(workspaceId, queue));
  }
  if (!input.webhookUrl) sealed = null;
  const [row] = await sql<QueueRow[]>`
    insert into handoff_queues (workspace_id, queue, notify_user_ids, webhook_url, webhook_secret_sealed)
    values (${workspaceId}, ${queue}, ${input.notifyUserIds}, ${input.webhookUrl}, ${sealed})
    on conflict (workspace_id, queue) do update set notify_user_ids = excluded.notify_user_ids,
      webhook_url = excluded.webhook_url, webhook_secret_sealed = excluded.webhook_secret_sealed,
      updated_at = now()
    returning queue, notify_user_ids, webhook_url, webhook_secret_sealed is not null as signed`;
  if (!row) throw new Error('queue not saved');
  return { ...toQueue(row), ...(secret ? { secret } : {}) };
}
