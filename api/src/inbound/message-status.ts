import { deliverNow, engagementSignal, OUTBOX_RETURNING, outboxRows } from '@ruta/engine';
import { type AppDeps, enrollmentTarget } from '../deps';

export type StatusKind = 'delivered' | 'read' | 'open' | 'click' | 'failed';

const RANK: Record<string, number> = {
  pending: 0,
  held_out: 0,
  unknown: 1,
  sent: 1,
  delivered: 2,
  read: 3,
};

/**
 * A delivery receipt, read, open or click for one message: timestamps only move forward (a read
 * before its delivered still counts both), duplicates are harmless, and the one run that sent the
 * message hears of it through the outbox, queued in the statement that records the status. A
 * `failed` status with a final reason (`opted_out`) is passed on, so the run does not fall back;
 * an opt-out also withdraws the contact's consent for the channel, as a send's error would.
 */
export async function receiveStatus(
  deps: AppDeps,
  workspaceId: string,
  messageId: string,
  kind: StatusKind,
  error?: string,
  reason?: string,
) {
  const { sql } = deps;
  const [message] = await sql<
    { id: string; status: string; channel: string; contact_id: string }[]
  >`
    select id, status, channel, contact_id from messages where id = ${messageId} and workspace_id = ${workspaceId}`;
  if (!message) return undefined;
  const delivered = kind !== 'failed';
  const newStatus =
    kind === 'failed'
      ? ['sent', 'pending', 'unknown'].includes(message.status)
        ? 'failed'
        : message.status
      : (kind === 'read' || kind === 'open' || kind === 'click') &&
          (RANK[message.status] ?? 0) < RANK.read!
        ? 'read'
        : kind === 'delivered' && (RANK[message.status] ?? 0) < RANK.delivered!
          ? 'delivered'
          : message.status;
  const at = new Date().toISOString();
  const signal = { kind, messageId, at, ...(reason ? { reason } : {}) };
  const optOut =
    kind === 'failed' && reason === 'opted_out'
      ? { [message.channel]: { granted: false, at, source: 'provider' } }
      : null;
  const [row] = await sql<{ outbox: Record<string, unknown>[] | null }[]>`
    with updated as (
      update messages set
        status = ${newStatus},
        delivered_at = case when ${delivered} then coalesce(delivered_at, now()) else delivered_at end,
        read_at = case when ${kind === 'read' || kind === 'open' || kind === 'click'} then coalesce(read_at, now()) else read_at end,
        opened_at = case when ${kind === 'open' || kind === 'click' || (kind === 'read' && message.channel === 'email')} then coalesce(opened_at, now()) else opened_at end,
        clicked_at = case when ${kind === 'click'} then coalesce(clicked_at, now()) else clicked_at end,
        failed_at = case when ${kind === 'failed'} then coalesce(failed_at, now()) else failed_at end,
        error = coalesce(${error ?? null}, error)
      where id = ${messageId}
      returning run_id
    ), consent as (
      update contacts set consent = consent || ${sql.json((optOut ?? {}) as never)}::jsonb, updated_at = now()
      where id = ${message.contact_id} and ${optOut !== null}
    ), outbox as (
      insert into signal_outbox (workspace_id, run_id, workflow_id, kind, signal, payload)
      select ${workspaceId}, r.id, r.workflow_id, 'signal', ${engagementSignal.name}::text, ${sql.json(signal as never)}
      from updated u join runs r on r.id = u.run_id
      where r.status = 'active'
      returning ${sql.unsafe(OUTBOX_RETURNING)}
    )
    select (select json_agg(outbox) from outbox) as outbox`;
  await deliverNow({ ...enrollmentTarget(deps), log: deps.log }, outboxRows(row?.outbox ?? []));
  return { id: messageId, status: newStatus };
}
