import type { WhatsAppChannelConfig, WhatsAppTemplateInfo } from '@ruta/shared';
import type {
  ChannelProvider,
  OutboundMessage,
  ProviderContext,
  RenderedContent,
  SendOptions,
  SendReceipt,
} from './provider';
import { FinalProviderError, RetryableProviderError } from './provider';
import { callProvider } from './provider-http';
import { classifyGraphError } from './whatsapp-errors';
import { type GraphTemplatePage, toTemplateInfo } from './whatsapp-templates';

export type WhatsAppProvider = ChannelProvider & {
  /** The business account's message templates with their approval status (all pages). */
  listTemplates(options?: SendOptions): Promise<WhatsAppTemplateInfo[]>;
};

/** Meta's Graph API; RUTA_WHATSAPP_API_URL replaces it (a proxy, or a local fake in tests). */
export const WHATSAPP_API_URL = 'https://graph.facebook.com';
const DEFAULT_VERSION = 'v21.0';
/** Guards against a paging loop; 100 pages of 100 is far more templates than an account holds. */
const MAX_TEMPLATE_PAGES = 100;

/**
 * Meta's WhatsApp Cloud API (Graph API): approved templates outside the 24-hour window, free
 * text and reply buttons inside it. Request shapes follow
 * https://developers.facebook.com/docs/whatsapp/cloud-api/reference/messages and
 * https://developers.facebook.com/docs/whatsapp/cloud-api/guides/send-message-templates.
 */
export function createWhatsAppProvider(
  config: WhatsAppChannelConfig,
  ctx: ProviderContext,
): WhatsAppProvider {
  const base = `${(ctx.apiBaseUrl ?? WHATSAPP_API_URL).replace(/\/+$/, '')}/${config.apiVersion ?? DEFAULT_VERSION}`;
  const headers = { authorization: `Bearer ${config.accessToken}` };

  return {
    name: 'whatsapp',
    channelId: ctx.channelId,

    async send(message: OutboundMessage, options: SendOptions = {}): Promise<SendReceipt> {
      const payload = messagePayload(message);
      const response = await callProvider(
        'WhatsApp Cloud API',
        `${base}/${config.phoneNumberId}/messages`,
        {
          method: 'POST',
          headers: { ...headers, 'content-type': 'application/json' },
          body: JSON.stringify(payload),
          signal: options.signal,
        },
        ctx,
      );
      if (response.status < 200 || response.status >= 300)
        throw classifyGraphError(response.status, response.json);
      const id = (response.json as { messages?: { id?: string }[] } | undefined)?.messages?.[0]?.id;
      // A 2xx without a message id is not a documented answer; retrying is the safe reading.
      if (!id)
        throw new RetryableProviderError(
          `WhatsApp Cloud API answered ${response.status} without a message id`,
        );
      return { providerMessageId: id };
    },

    async listTemplates(options: SendOptions = {}): Promise<WhatsAppTemplateInfo[]> {
      if (!config.businessAccountId)
        throw new Error(
          'The WhatsApp channel has no businessAccountId (WhatsApp Business Account id); set it to sync templates.',
        );
      const fields = 'name,language,status,category,components';
      let url: string | undefined =
        `${base}/${config.businessAccountId}/message_templates?fields=${fields}&limit=100`;
      const origin = new URL(base).origin;
      const templates: WhatsAppTemplateInfo[] = [];
      for (let page = 0; url && page < MAX_TEMPLATE_PAGES; page++) {
        // paging.next is followed only on the API's own origin, so the access token goes nowhere else.
        if (new URL(url).origin !== origin)
          throw new FinalProviderError(
            'rejected',
            `WhatsApp Cloud API paging pointed outside ${origin}; Ruta stopped there`,
          );
        const response = await callProvider(
          'WhatsApp Cloud API',
          url,
          { headers, signal: options.signal },
          ctx,
        );
        if (response.status !== 200) throw classifyGraphError(response.status, response.json);
        const body = (response.json ?? {}) as GraphTemplatePage;
        templates.push(...(body.data ?? []).map(toTemplateInfo));
        url = body.paging?.next;
      }
      return templates;
    },
  };
}

/** Meta takes the number as digits with the country code and no '+'. */
export function toWhatsAppNumber(e164: string): string {
  return e164.replace(/\D/g, '');
}

function messagePayload(message: OutboundMessage) {
  const envelope = {
    messaging_product: 'whatsapp',
    recipient_type: 'individual',
    to: toWhatsAppNumber(message.to),
  };
  const content = message.content;
  if (message.format !== content.kind)
    throw new FinalProviderError(
      'unsupported_format',
      `message format ${message.format} does not match its ${content.kind} content`,
    );
  switch (content.kind) {
    case 'whatsapp_template':
      return { ...envelope, type: 'template', template: templatePayload(content) };
    case 'whatsapp_session':
      if (content.buttons.length === 0)
        return {
          ...envelope,
          type: 'text',
          text: { preview_url: /https?:\/\//i.test(content.text), body: content.text },
        };
      return {
        ...envelope,
        type: 'interactive',
        interactive: {
          type: 'button',
          body: { text: content.text },
          action: {
            buttons: content.buttons.map((b) => ({
              type: 'reply',
              reply: { id: b.id, title: b.text },
            })),
          },
        },
      };
    default:
      throw new FinalProviderError(
        'unsupported_format',
        `WhatsApp Cloud API sends templates and session messages, not ${content.kind}`,
      );
  }
}

function templatePayload(content: Extract<RenderedContent, { kind: 'whatsapp_template' }>) {
  const { name, language, params } = content.template;
  const components: unknown[] = [];
  if (params.length > 0)
    components.push({
      type: 'body',
      parameters: params.map((text) => ({ type: 'text', text })),
    });
  // The payload comes back in the button webhook, so a tap reports which of our buttons it was.
  content.buttons.forEach((button, index) => {
    components.push({
      type: 'button',
      sub_type: 'quick_reply',
      index: String(index),
      parameters: [{ type: 'payload', payload: button.id }],
    });
  });
  return {
    name,
    language: { code: language },
    ...(components.length > 0 ? { components } : {}),
  };
}
