import type { Channel } from '@ruta/shared';
import { classifyReply } from '@ruta/shared';
import type { AppDeps } from '../deps';

export interface Inbound {
  workspaceId: string;
  contactId: string;
  channel: Channel;
  text?: string;
  buttonId?: string;
  provider: string;
  providerMessageId?: string;
}

/**
 * A reply or button tap from any channel (the sandbox or a provider's webhook): recorded, opens
 * the 24-hour window, withdraws consent on STOP/BAJA/PARAR, and reaches the contact's runs in flight.
 */
export async function receiveInbound(deps: AppDeps, inbound: Inbound) {
  const { sql, temporal } = deps;
  const intent = inbound.text ? classifyReply(inbound.text) : null;
  const at = new Date().toISOString();
  const consent =
    intent === 'opt_out' ? { [inbound.channel]: { granted: false, at, source: 'reply' } } : {};
  // One statement, before any run hears of the reply: the reply recorded, the contact brought up
  // to date (the window opens; an opt-out is on record, so no send slips through after it), the
  // message it answers marked (before the run's next message exists, which it could be mistaken
  // for), and the runs to tell. A redelivered provider message changes nothing.
  const [row] = await sql<{ id: string | null; runs: string[] }[]>`
    with inserted as (
      insert into inbound_messages (workspace_id, contact_id, channel, text, button_id, provider, provider_message_id, intent)
      values (${inbound.workspaceId}, ${inbound.contactId}, ${inbound.channel}, ${inbound.text ?? null}, ${inbound.buttonId ?? null},
              ${inbound.provider}, ${inbound.providerMessageId ?? null}, ${intent})
      on conflict (provider, provider_message_id) where provider_message_id is not null do nothing
      returning id
    ), contact as (
      update contacts set
        last_inbound_at = last_inbound_at || ${sql.json({ [inbound.channel]: at } as never)}::jsonb,
        consent = consent || ${sql.json(consent as never)}::jsonb,
        updated_at = now()
      where id = ${inbound.contactId} and exists (select 1 from inserted)
    ), replied as (
      update messages set replied_at = coalesce(replied_at, now())
      where id = (select id from messages where contact_id = ${inbound.contactId} and channel = ${inbound.channel}
                  and status not in ('pending', 'held_out', 'failed') order by created_at desc limit 1)
        and exists (select 1 from inserted)
    )
    select (select id from inserted) as id,
           array(select workflow_id from runs where contact_id = ${inbound.contactId} and status = 'active') as runs`;
  // A provider redelivering the same message: already recorded and routed.
  if (!row?.id) return { id: undefined, intent, optedOut: false, routedTo: 0, duplicate: true };
  const signal = {
    kind: 'reply' as const,
    channel: inbound.channel,
    text: inbound.text,
    buttonId: inbound.buttonId,
    intent,
    at,
  };
  await Promise.all(
    row.runs.map((workflowId) =>
      temporal.workflow
        .getHandle(workflowId)
        .signal('engagement', signal)
        .catch((error) => deps.log.warn({ err: error }, 'reply signal failed')),
    ),
  );
  return {
    id: row.id,
    intent,
    optedOut: intent === 'opt_out',
    routedTo: row.runs.length,
    duplicate: false,
  };
}
