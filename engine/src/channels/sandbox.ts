import type { Sql } from '@ruta/platform';
import type { ChannelProvider, OutboundMessage, SendReceipt } from './provider';

/**
 * The default provider: "delivers" into the sandbox outbox (a table the sandbox inbox shows as
 * a phone). Deduplicates on the idempotency key like a well-behaved provider.
 */
export function createSandboxProvider(sql: Sql): ChannelProvider {
  return {
    name: 'sandbox',
    async send(message: OutboundMessage): Promise<SendReceipt> {
      const providerMessageId = `sbx_${message.messageId}`;
      await sql`
        insert into sandbox_deliveries (idempotency_key, message_id, workspace_id, channel, recipient, payload)
        values (${message.idempotencyKey}, ${message.messageId}, ${message.workspaceId}, ${message.channel},
                ${message.to}, ${sql.json(message.content as never)})
        on conflict (idempotency_key) do nothing`;
      return { providerMessageId };
    },
    async lookup(message: OutboundMessage) {
      const [delivered] = await sql<{ message_id: string }[]>`
        select message_id from sandbox_deliveries where idempotency_key = ${message.idempotencyKey}`;
      return delivered
        ? { found: true, receipt: { providerMessageId: `sbx_${delivered.message_id}` } }
        : { found: false };
    },
  };
}
