import { createSql, type Sql } from '@ruta/platform';

export interface HandwrittenSend {
  workflowId: string;
  contactId: string;
  step: string;
  channel: 'whatsapp' | 'sms';
  cartTotal?: string;
  cartUrl?: string;
}

/**
 * The hand-written cart's send, the way a team writes it against a provider: read the contact
 * (consent, phone), record the message (idempotent on workflow + step), hand it to the provider
 * (here, as Ruta's sandbox provider does, a row on "the wire" deduplicated by the key) and mark it
 * sent. The same round trips Ruta's send makes for one channel, without its generality.
 */
export function createHandwrittenActivities(sql: Sql = createSql(requiredUrl(), { max: 10 })) {
  return {
    async sendMessage(input: HandwrittenSend): Promise<{ sent: boolean; messageId?: string }> {
      const [contact] = await sql<
        { phone: string | null; first_name: string | null; consent: Record<string, boolean> }[]
      >`
        select phone, first_name, consent from hw_contacts where id = ${input.contactId}`;
      if (!contact?.phone || contact.consent[input.channel] !== true) return { sent: false };
      const key = `${input.workflowId}:${input.step}`;
      const content =
        input.channel === 'whatsapp'
          ? {
              template: 'carrito_abandonado',
              params: [contact.first_name ?? '', input.cartTotal ?? ''],
              buttons: ['Comprar', 'Tengo dudas'],
            }
          : {
              text: `${contact.first_name ?? ''}, tu carrito (${input.cartTotal}) sigue guardado: ${input.cartUrl}`,
            };
      const [message] = await sql<{ id: string; status: string }[]>`
        insert into hw_messages (workflow_id, contact_id, step, channel, idempotency_key, content)
        values (${input.workflowId}, ${input.contactId}, ${input.step}, ${input.channel}, ${key}, ${sql.json(content)})
        on conflict (idempotency_key) do update set content = excluded.content
        returning id, status`;
      if (!message) throw new Error('message not recorded');
      if (message.status === 'sent') return { sent: true, messageId: message.id };
      await sql`
        insert into hw_deliveries (idempotency_key, message_id, recipient, payload)
        values (${key}, ${message.id}, ${contact.phone}, ${sql.json(content)})
        on conflict (idempotency_key) do nothing`;
      await sql`update hw_messages set status = 'sent', sent_at = now() where id = ${message.id}`;
      return { sent: true, messageId: message.id };
    },
  };
}

function requiredUrl(): string {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error('DATABASE_URL is required for the hand-written activities');
  return url;
}

export type HandwrittenActivities = ReturnType<typeof createHandwrittenActivities>;
