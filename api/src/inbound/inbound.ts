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
  // The runs hear of the reply while the contact's record is brought up to date alongside: they
  // carry what they need in the signal (its time opens the WhatsApp window for them).
  const [[row], runs] = await Promise.all([
    sql<{ id: string }[]>`
      insert into inbound_messages (workspace_id, contact_id, channel, text, button_id, provider, provider_message_id, intent)
      values (${inbound.workspaceId}, ${inbound.contactId}, ${inbound.channel}, ${inbound.text ?? null}, ${inbound.buttonId ?? null},
              ${inbound.provider}, ${inbound.providerMessageId ?? null}, ${intent})
      on conflict (provider, provider_message_id) where provider_message_id is not null do nothing
      returning id`,
    sql<{ workflow_id: string }[]>`
      select workflow_id from runs where contact_id = ${inbound.contactId} and status = 'active'`,
  ]);
  // A provider redelivering the same message: already recorded and routed.
  if (!row) return { id: undefined, intent, optedOut: false, routedTo: 0, duplicate: true };
  const consent =
    intent === 'opt_out' ? { [inbound.channel]: { granted: false, at, source: 'reply' } } : {};
  const signal = {
    kind: 'reply' as const,
    channel: inbound.channel,
    text: inbound.text,
    buttonId: inbound.buttonId,
    at,
  };
  const updateContact = () => sql`
    update contacts set
      last_inbound_at = last_inbound_at || ${sql.json({ [inbound.channel]: at } as never)}::jsonb,
      consent = consent || ${sql.json(consent as never)}::jsonb,
      updated_at = now()
    where id = ${inbound.contactId}`;
  // An opt-out is on record before any run hears of it, so no send can slip through after it.
  const contactUpdated = intent === 'opt_out' ? await updateContact() : undefined;
  await Promise.all([
    ...runs.map((r) =>
      temporal.workflow
        .getHandle(r.workflow_id)
        .signal('engagement', signal)
        .catch((error) => deps.log.warn({ err: error }, 'reply signal failed')),
    ),
    contactUpdated ?? updateContact(),
    sql`
      update messages set replied_at = coalesce(replied_at, now())
      where id = (select id from messages where contact_id = ${inbound.contactId} and channel = ${inbound.channel}
                  and status not in ('pending', 'held_out', 'failed') order by created_at desc limit 1)`,
  ]);
  return {
    id: row.id,
    intent,
    optedOut: intent === 'opt_out',
    routedTo: runs.length,
    duplicate: false,
  };
}
