import { randomUUID } from 'node:crypto';
import { createSecretBox, generateSecretsKey } from '@ruta/platform';
import type { Channel } from '@ruta/shared';
import { createTrackingLinks } from '../email-tracking';
import type { OutboundMessage, ProviderContext, RenderedContent } from '../provider';

const CHANNEL_OF: Record<RenderedContent['kind'], Channel> = {
  whatsapp_template: 'whatsapp',
  whatsapp_session: 'whatsapp',
  sms: 'sms',
  email: 'email',
  rcs: 'rcs',
};

/** A rendered message as the send activity hands it to a provider. */
export function outbound(
  content: RenderedContent,
  overrides: Partial<OutboundMessage> = {},
): OutboundMessage {
  const messageId = overrides.messageId ?? randomUUID();
  return {
    messageId,
    idempotencyKey: `wf-1:send-1:1:${messageId}`,
    workspaceId: randomUUID(),
    channel: CHANNEL_OF[content.kind],
    to: content.kind === 'email' ? 'lucia@tienda.mx' : '+5215512345678',
    format: content.kind,
    content,
    ...overrides,
  };
}

/**
 * A provider context with real signed tracking links (and the box to verify them with). The
 * provider fakes listen on loopback without TLS, so the outbound policy allows exactly that, as
 * RUTA_OUTBOUND_ALLOW=127.0.0.1 and RUTA_SMTP_ALLOW_PLAIN=true would.
 */
export function providerContext(overrides: Partial<ProviderContext> = {}) {
  const box = createSecretBox(generateSecretsKey());
  const publicUrl = 'https://ruta.example.mx';
  const ctx: ProviderContext = {
    channelId: '7d1c2b9e-4f43-4a55-9a1e-1f2a3b4c5d6e',
    publicUrl,
    tracking: createTrackingLinks(publicUrl, box),
    timeoutMs: 2_000,
    outbound: { allow: ['127.0.0.1'], allowPlainSmtp: true },
    ...overrides,
  };
  return { ctx, box };
}

export const SAMPLE = {
  template: {
    kind: 'whatsapp_template',
    template: { name: 'carrito_abandonado', language: 'es_MX', params: ['Lucía', '$899.00'] },
    buttons: [
      { id: 'btn-si', text: 'Sí, lo quiero' },
      { id: 'btn-no', text: 'No, gracias' },
    ],
    preview: 'Hola Lucía, tu carrito de $899.00 te espera.',
  },
  session: {
    kind: 'whatsapp_session',
    text: 'Hola Lucía, ¿te ayudamos con tu pedido?',
    buttons: [],
  },
  sms: { kind: 'sms', text: 'Tienda Sol: Lucía, tu carrito de $899.00 te espera.' },
  email: {
    kind: 'email',
    subject: 'Tu carrito te espera, Lucía',
    html: '<html><body><p>Hola Lucía,</p><p><a href="https://tienda.mx/c/A-1?utm_source=ruta&amp;utm_medium=email">Ver carrito</a></p></body></html>',
    text: 'Hola Lucía,\n\nVer carrito: https://tienda.mx/c/A-1',
  },
} satisfies Record<string, RenderedContent>;
