import type { TwilioChannelConfig } from '@ruta/shared';
import type {
  ChannelProvider,
  OutboundMessage,
  ProviderContext,
  SendOptions,
  SendReceipt,
} from './provider';
import { FinalProviderError, RetryableProviderError } from './provider';
import { callProvider } from './provider-http';
import { classifyTwilioError } from './twilio-errors';
import { lookupTwilioMessage } from './twilio-lookup';

/** Twilio's REST API; RUTA_TWILIO_API_URL replaces it (a proxy, or a local fake in tests). */
export const TWILIO_API_URL = 'https://api.twilio.com';

/**
 * Twilio Programmable Messaging: SMS, or WhatsApp when `from` is `whatsapp:+…`. Creates a Message
 * resource (https://www.twilio.com/docs/messaging/api/message-resource#create-a-message-resource)
 * with a status callback so delivery receipts come back to this channel's webhook.
 */
export function createTwilioProvider(
  config: TwilioChannelConfig,
  ctx: ProviderContext,
): ChannelProvider {
  const url = `${(ctx.apiBaseUrl ?? TWILIO_API_URL).replace(/\/+$/, '')}/2010-04-01/Accounts/${config.accountSid}/Messages.json`;
  const authorization = `Basic ${Buffer.from(`${config.accountSid}:${config.authToken}`).toString('base64')}`;
  const statusCallback = `${ctx.publicUrl.replace(/\/+$/, '')}/webhooks/twilio/${ctx.channelId}`;
  const whatsapp = config.from.startsWith('whatsapp:');

  return {
    name: 'twilio',
    channelId: ctx.channelId,

    async send(message: OutboundMessage, options: SendOptions = {}): Promise<SendReceipt> {
      const form = new URLSearchParams();
      form.set('To', whatsapp ? `whatsapp:${message.to}` : message.to);
      // A Messaging Service picks the sender itself (and may be what the account registered for A2P).
      if (/^MG[0-9a-fA-F]{32}$/.test(config.from)) form.set('MessagingServiceSid', config.from);
      else form.set('From', config.from);
      form.set('Body', bodyOf(message, whatsapp));
      form.set('StatusCallback', statusCallback);

      const response = await callProvider(
        'Twilio',
        url,
        {
          method: 'POST',
          headers: { authorization, 'content-type': 'application/x-www-form-urlencoded' },
          body: form.toString(),
          signal: options.signal,
        },
        ctx,
      );
      if (response.status < 200 || response.status >= 300)
        throw classifyTwilioError(response.status, response.json);
      const created = (response.json ?? {}) as { sid?: string; num_segments?: string };
      if (!created.sid)
        throw new RetryableProviderError(
          `Twilio answered ${response.status} without a message sid`,
        );
      // num_segments is a string, and "0" while a Messaging Service has not picked a sender yet.
      const segments = Number(created.num_segments);
      return {
        providerMessageId: created.sid,
        ...(Number.isInteger(segments) && segments > 0 ? { segments } : {}),
      };
    },

    /** An earlier attempt whose answer was lost: Twilio's Messages list says whether it exists. */
    lookup(message: OutboundMessage, since: Date, options: SendOptions = {}) {
      const viaService = /^MG[0-9a-fA-F]{32}$/.test(config.from);
      return lookupTwilioMessage(
        {
          url,
          authorization,
          to: whatsapp ? `whatsapp:${message.to}` : message.to,
          ...(viaService ? {} : { from: config.from }),
          body: bodyOf(message, whatsapp),
          since,
        },
        ctx,
        options.signal,
      );
    },
  };
}

function bodyOf(message: OutboundMessage, whatsapp: boolean): string {
  const content = message.content;
  if (message.format !== content.kind)
    throw new FinalProviderError(
      'unsupported_format',
      `message format ${message.format} does not match its ${content.kind} content`,
    );
  if (!whatsapp) {
    if (content.kind === 'sms') return content.text;
    throw new FinalProviderError(
      'unsupported_format',
      `this Twilio channel sends SMS, not ${content.kind}`,
    );
  }
  switch (content.kind) {
    case 'whatsapp_session':
      // Reply buttons need a Content API template (ContentSid) on Twilio; the text goes alone.
      return content.text;
    case 'whatsapp_template':
      // Twilio sends approved WhatsApp templates by ContentSid + ContentVariables, which Ruta does
      // not map yet (out of scope): the rendered text goes as Body. Twilio delivers it inside the
      // 24-hour window and answers 63016 (window_closed) outside it.
      return content.preview;
    default:
      throw new FinalProviderError(
        'unsupported_format',
        `this Twilio channel sends WhatsApp, not ${content.kind}`,
      );
  }
}
