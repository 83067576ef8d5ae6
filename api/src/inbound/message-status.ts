import type { AppDeps } from '../deps';

export type StatusKind = 'delivered' | 'read' | 'open' | 'click' | 'failed';

const RANK: Record<string, number> = { pending: 0, held_out: 0, sent: 1, delivered: 2, read: 3 };

/**
 * A delivery receipt, read, open or click for one message: timestamps only move forward (a read
 * before its delivered still counts both), duplicates are harmless, and the one run that sent the
 * message hears of it.
 */
export async function receiveStatus(
  deps: AppDeps,
  workspaceId: string,
  messageId: string,
  kind: StatusKind,
  error?: string,
) {
  const { sql } = deps;
  const [message] = await sql<
    { id: string; status: string; run_id: string | null; channel: string }[]
  >`
    select id, status, run_id, channel from messages where id = ${messageId} and workspace_id = ${workspaceId}`;
  if (!message) return undefined;
  const delivered = kind !== 'failed';
  const newStatus =
    kind === 'failed'
      ? message.status === 'sent' || message.status === 'pending'
        ? 'failed'
        : message.status
      : (kind === 'read' || kind === 'open' || kind === 'click') &&
          (RANK[message.status] ?? 0) < RANK.read!
        ? 'read'
        : kind === 'delivered' && (RANK[message.status] ?? 0) < RANK.delivered!
          ? 'delivered'
          : message.status;
  await sql`
    update messages set
      status = ${newStatus},
      delivered_at = case when ${delivered} then coalesce(delivered_at, now()) else delivered_at end,
      read_at = case when ${kind === 'read' || kind === 'open' || kind === 'click'} then coalesce(read_at, now()) else read_at end,
      opened_at = case when ${kind === 'open' || kind === 'click' || (kind === 'read' && message.channel === 'email')} then coalesce(opened_at, now()) else opened_at end,
      clicked_at = case when ${kind === 'click'} then coalesce(clicked_at, now()) else clicked_at end,
      failed_at = case when ${kind === 'failed'} then coalesce(failed_at, now()) else failed_at end,
      error = coalesce(${error ?? null}, error)
    where id = ${messageId}`;
  if (message.run_id) {
    const [run] = await sql<
      { workflow_id: string; status: string }[]
    >`select workflow_id, status from runs where id = ${message.run_id}`;
    if (run?.status === 'active') {
      await deps.temporal.workflow
        .getHandle(run.workflow_id)
        .signal('engagement', { kind, messageId, at: new Date().toISOString() })
        .catch((e) => deps.log.warn({ err: e }, 'status signal failed'));
    }
  }
  return { id: messageId, status: newStatus };
}
