import { createHmac } from 'node:crypto';
import { constantTimeEqual } from './compare';
import {
  type InboundEvent,
  MalformedWebhookError,
  type StatusEvent,
  type WebhookEvent,
} from './types';
import { publicWebhookUrl } from './url';

/**
 * Twilio Programmable Messaging webhooks (SMS, and WhatsApp through Twilio): the
 * `X-Twilio-Signature` check and the form-encoded inbound and status callback parameters, as
 * documented at https://www.twilio.com/docs/usage/webhooks/webhooks-security,
 * https://www.twilio.com/docs/messaging/guides/webhook-request and
 * https://www.twilio.com/docs/messaging/guides/track-outbound-message-status. Pure: no I/O.
 */

/**
 * The URL to register with Twilio (number / Messaging Service webhook and StatusCallback) for one
 * channel. The route verifies signatures against this same string.
 */
export function twilioWebhookUrl(publicUrl: string, channelId: string): string {
  return publicWebhookUrl(publicUrl, 'twilio', channelId);
}

/**
 * Twilio's documented algorithm: take the full URL Twilio requested (with any query string),
 * append every POST parameter's name immediately followed by its value, sorted by name; HMAC-SHA1
 * that with the account's auth token; base64. `params` must be every parameter received (Twilio
 * adds new ones without notice), values decoded from the form body.
 *
 * Ports: Twilio's SDKs accept the signature computed over the URL with or without the port
 * ("signature generation on the back end is inconsistent", twilio-node `validateRequest`; the
 * twilio-csharp tests pin both directions): a URL without a port also matches when signed with
 * the scheme's default port (`:443` / `:80`), and a URL with a port also matches when signed
 * without it. The host and path are compared as given (no case folding).
 */
export function verifyTwilioSignature(input: {
  url: string;
  params: Record<string, string>;
  header: string | undefined;
  authToken: string;
}): boolean {
  const { url, params, header, authToken } = input;
  if (!header || !authToken) return false;
  let valid = false;
  for (const candidate of urlVariants(url)) {
    // Every variant is checked (no early return) so the time taken does not say which matched.
    if (constantTimeEqual(header, twilioSignature(candidate, params, authToken))) valid = true;
  }
  return valid;
}

function twilioSignature(url: string, params: Record<string, string>, authToken: string): string {
  const data = Object.keys(params)
    .sort()
    .reduce((acc, name) => acc + name + params[name], url);
  return createHmac('sha1', authToken).update(data, 'utf8').digest('base64');
}

const DEFAULT_PORTS: Record<string, string> = { https: '443', http: '80' };

/** The URL as given, plus the same URL with the default port added, or with its port removed. */
function urlVariants(url: string): string[] {
  const match = /^([A-Za-z][A-Za-z0-9+.-]*):\/\/([^/?#]*)(.*)$/s.exec(url);
  if (!match) return [url];
  const [, scheme = '', authority = '', rest = ''] = match;
  const at = authority.lastIndexOf('@');
  const userinfo = authority.slice(0, at + 1);
  const hostPort = /^(.*?)(?::(\d+))?$/s.exec(authority.slice(at + 1));
  const host = hostPort?.[1] ?? '';
  const port = hostPort?.[2];
  const rebuilt = (p: string | undefined) =>
    `${scheme}://${userinfo}${host}${p === undefined ? '' : `:${p}`}${rest}`;
  if (port !== undefined) return [url, rebuilt(undefined)];
  const defaultPort = DEFAULT_PORTS[scheme.toLowerCase()];
  return defaultPort ? [url, rebuilt(defaultPort)] : [url];
}

/** Not final yet (or not about delivery): nothing to record. */
const STATUSES: Record<string, StatusEvent['status']> = {
  sent: 'sent',
  delivered: 'delivered',
  read: 'read',
  undelivered: 'failed',
  failed: 'failed',
};

/**
 * Twilio's form parameters → Ruta events.
 *
 * - A status callback carries `MessageStatus`. `sent`, `delivered` and `read` (WhatsApp, RCS) map
 *   one to one; `failed` and `undelivered` → failed, with `ErrorCode` as errorCode and
 *   `"Twilio error <code>[: <ChannelStatusMessage>]"` as error. Every other status (`queued`,
 *   `accepted`, `scheduled`, `sending`, `canceled`, `receiving`, `received`,
 *   `partially_delivered`, …) → no event.
 * - Otherwise it is an incoming message: it must carry `Body` or `NumMedia`. `From` /`To` with a
 *   `whatsapp:` prefix → channel whatsapp (prefix stripped), a bare number → sms; another channel
 *   prefix (`messenger:`, `rcs:`…) → no event, Ruta does not route those through Twilio.
 *   `Body` (when not empty) → text; a WhatsApp quick-reply tap carries `ButtonPayload` → buttonId
 *   and `ButtonText` → text. `ProfileName` → profileName. Twilio sends no timestamp: `at` is unset.
 *
 * Missing `MessageSid` or `From`, or a `From` that is not a phone number, throws
 * {@link MalformedWebhookError} (path = the parameter name).
 */
export function parseTwilioWebhook(params: Record<string, string>): WebhookEvent[] {
  const sid = params.MessageSid || params.SmsSid;
  if (!sid) throw new MalformedWebhookError('missing', 'MessageSid');

  const messageStatus = params.MessageStatus;
  if (messageStatus !== undefined) {
    const status = STATUSES[messageStatus];
    if (!status) return [];
    const event: StatusEvent = { type: 'status', providerMessageId: sid, status };
    if (status === 'failed') {
      const code = params.ErrorCode || undefined;
      const detail = params.ChannelStatusMessage || params.ErrorMessage || undefined;
      if (code) event.errorCode = code;
      const error = code ? `Twilio error ${code}${detail ? `: ${detail}` : ''}` : detail;
      if (error) event.error = error;
    }
    return [event];
  }

  if (params.Body === undefined && params.NumMedia === undefined) {
    throw new MalformedWebhookError(
      'neither a status callback (MessageStatus) nor an incoming message (Body, NumMedia)',
      'Body',
    );
  }
  if (!params.From) throw new MalformedWebhookError('missing', 'From');
  const sender = address(params.From);
  if (sender.channel === undefined) return [];
  const from = e164(sender.value);
  if (!from) throw new MalformedWebhookError('expected a phone number', 'From');
  const to = params.To ? e164(address(params.To).value) : undefined;

  const buttonId = params.ButtonPayload || undefined;
  const text = params.ButtonText || params.Body || undefined;
  const profileName = params.ProfileName || undefined;
  const event: InboundEvent = {
    type: 'inbound',
    channel: sender.channel,
    from,
    ...(to !== undefined && { to }),
    ...(text !== undefined && { text }),
    ...(buttonId !== undefined && { buttonId }),
    providerMessageId: sid,
    // WhatsApp replies name the message answered (Twilio: OriginalRepliedMessageSid).
    ...(params.OriginalRepliedMessageSid ? { replyTo: params.OriginalRepliedMessageSid } : {}),
    ...(profileName !== undefined && { profileName }),
  };
  return [event];
}

/** `whatsapp:+14155238886` → whatsapp; `+14155238886` → sms; `messenger:…` → unrouted. */
function address(value: string): { channel: InboundEvent['channel'] | undefined; value: string } {
  const prefixed = /^([a-z]+):(.*)$/i.exec(value);
  if (!prefixed) return { channel: 'sms', value };
  return {
    channel: prefixed[1]?.toLowerCase() === 'whatsapp' ? 'whatsapp' : undefined,
    value: prefixed[2] ?? '',
  };
}

function e164(value: string): string | undefined {
  const digits = value.trim().replace(/^\+/, '');
  return /^[1-9]\d{5,14}$/.test(digits) ? `+${digits}` : undefined;
}
