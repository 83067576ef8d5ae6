import { createHmac } from 'node:crypto';
import { isOutboundError, outboundRequest } from '@ruta/platform';
import { escapeHtml } from '@ruta/shared';
import { ApplicationFailure } from '@temporalio/common';
import type { ChannelRow } from '../channels/channel-store';
import { sendNoticeEmail } from '../channels/smtp-notice';
import { activitySignal } from './cancellation';
import type { ActivityDeps } from './deps';

const WEBHOOK_DEADLINE_MS = 10_000;

/** The seal owner of a queue's webhook secret (SecretBox binds a secret to where it belongs). */
export function queueSecretOwner(workspaceId: string, queue: string) {
  return { workspaceId, channelId: `handoff_queue:${queue}` };
}

/**
 * The signature a queue's webhook carries, as `Ruta-Signature: t=<unix seconds>,v1=<hex>`:
 * HMAC-SHA256 of `<t>.<raw body>` under the queue's secret (the receiver recomputes it and
 * refuses old timestamps).
 */
export function handoffSignature(secret: string, timestamp: number, body: string): string {
  const mac = createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex');
  return `t=${timestamp},v1=${mac}`;
}

interface HandoffRow {
  id: string;
  workspace_id: string;
  queue: string;
  note: string | null;
  channel: string | null;
  context: Record<string, unknown>;
  waits: boolean;
  created_at: Date;
  journey_id: string | null;
  journey_name: string | null;
  contact_id: string;
  first_name: string | null;
  last_name: string | null;
  phone: string | null;
  email: string | null;
  notify_user_ids: string[] | null;
  webhook_url: string | null;
  webhook_secret_sealed: string | null;
}

/** What a queue's webhook receives for a new hand-off (documented in the README). */
export function handoffWebhookBody(row: HandoffRow, inboxUrl: string) {
  return {
    type: 'handoff.created',
    id: row.id,
    queue: row.queue,
    createdAt: row.created_at.toISOString(),
    inboxUrl,
    note: row.note,
    channel: row.channel,
    waitsForAgent: row.waits,
    contact: {
      id: row.contact_id,
      firstName: row.first_name,
      lastName: row.last_name,
      phone: row.phone,
      email: row.email,
    },
    journey: row.journey_id ? { id: row.journey_id, name: row.journey_name } : null,
    context: row.context,
  };
}

function noticeEmail(row: HandoffRow, inboxUrl: string) {
  const who =
    [row.first_name, row.last_name].filter(Boolean).join(' ') || row.phone || row.email || '—';
  const journey = row.journey_name ? ` · ${row.journey_name}` : '';
  const lines = [
    `Nueva conversación en «${row.queue}»: ${who}${journey}. Ábrela en Ruta: ${inboxUrl}`,
    `Nova conversa em «${row.queue}»: ${who}${journey}. Abra na Ruta: ${inboxUrl}`,
    `New conversation in “${row.queue}”: ${who}${journey}. Open it in Ruta: ${inboxUrl}`,
  ];
  return {
    subject: `Ruta · ${row.queue}: ${who}`,
    text: `${lines.join('\n\n')}\n`,
    html: `<!doctype html><html><body style="font-family:sans-serif">${lines
      .map((line) => `<p>${escapeHtml(line)}</p>`)
      .join(
        '',
      )}<p><a href="${escapeHtml(inboxUrl)}">Conversaciones · Conversas · Inbox</a></p></body></html>`,
  };
}

/** The queue's signed webhook and member emails for one new hand-off (see createHandoffActivities). */
export async function notifyHandoff(
  deps: ActivityDeps,
  handoffId: string,
): Promise<{ webhook: string; emails: number }> {
  const { sql, log } = deps;
  const [row] = await sql<HandoffRow[]>`
    select h.id, h.workspace_id, h.queue, h.note, h.channel, h.context, h.waits, h.created_at,
           h.journey_id, j.name as journey_name, h.contact_id, c.first_name, c.last_name, c.phone, c.email,
           q.notify_user_ids, q.webhook_url, q.webhook_secret_sealed
    from handoff_tasks h
    join contacts c on c.id = h.contact_id
    left join journeys j on j.id = h.journey_id
    left join handoff_queues q on q.workspace_id = h.workspace_id and q.queue = h.queue
    where h.id = ${handoffId}`;
  if (!row) return { webhook: 'none', emails: 0 };
  const inboxUrl = `${(deps.publicUrl ?? 'http://localhost:8080').replace(/\/$/, '')}/inbox/${row.id}`;
  let webhook = 'none';
  if (row.webhook_url) {
    const body = JSON.stringify(handoffWebhookBody(row, inboxUrl));
    const headers: Record<string, string> = {
      'content-type': 'application/json',
      'user-agent': 'Ruta-Webhook/1',
      'idempotency-key': `handoff:${row.id}`,
    };
    if (row.webhook_secret_sealed && deps.box) {
      const { secret } = deps.box.decrypt(
        row.webhook_secret_sealed,
        queueSecretOwner(row.workspace_id, row.queue),
      );
      if (secret)
        headers['ruta-signature'] = handoffSignature(secret, Math.floor(Date.now() / 1000), body);
    }
    try {
      const response = await outboundRequest(
        row.webhook_url,
        {
          method: 'POST',
          headers,
          body,
          deadlineMs: WEBHOOK_DEADLINE_MS,
          maxResponseBytes: 64 * 1024,
          signal: activitySignal(),
        },
        deps.outbound,
      );
      webhook = `HTTP ${response.status}`;
      if (response.status >= 500 || response.status === 429)
        throw ApplicationFailure.retryable(`queue webhook answered ${webhook}`, 'handoff_webhook');
    } catch (error) {
      if (!isOutboundError(error)) throw error;
      if (error.failure === 'aborted') throw error;
      if (error.retryable)
        throw ApplicationFailure.retryable(error.message, `handoff_webhook_${error.failure}`);
      log.warn({ handoffId, failure: error.failure }, 'queue webhook refused');
      webhook = `refused: ${error.failure}`;
    }
  }
  let emails = 0;
  const members = row.notify_user_ids ?? [];
  if (members.length > 0) {
    const [channel] = await sql<ChannelRow[]>`
      select * from channels where workspace_id = ${row.workspace_id} and provider = 'smtp'
      order by created_at desc limit 1`;
    if (channel) {
      const recipients = await sql<{ email: string }[]>`
        select u.email from users u
        join workspace_members m on m.user_id = u.id and m.workspace_id = ${row.workspace_id}
        where u.id = any(${members})`;
      const content = noticeEmail(row, inboxUrl);
      for (const { email } of recipients) {
        try {
          await sendNoticeEmail(channel, deps.box, { to: email, ...content });
          emails += 1;
        } catch (error) {
          log.warn({ err: error, handoffId }, 'hand-off email not sent');
        }
      }
    }
  }
  await sql`update handoff_tasks set notified_at = now() where id = ${handoffId}`;
  return { webhook, emails };
}
