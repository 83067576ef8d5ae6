import { createHmac, timingSafeEqual } from 'node:crypto';
import { constantTimeEqual } from './compare';
import {
  type InboundEvent,
  MalformedWebhookError,
  type StatusEvent,
  type WebhookEvent,
} from './types';
import { publicWebhookUrl } from './url';

/**
 * WhatsApp Cloud API (Meta) webhooks: the GET verification handshake, the `X-Hub-Signature-256`
 * check and the `messages` payloads, as documented at
 * https://developers.facebook.com/docs/graph-api/webhooks/getting-started and
 * https://developers.facebook.com/documentation/business-messaging/whatsapp/webhooks/reference/messages
 * (text, interactive, button, image and status references). Pure: no I/O, no clock.
 */

/** The URL to register as the callback URL in the Meta app dashboard for one channel. */
export function whatsappWebhookUrl(publicUrl: string, channelId: string): string {
  return publicWebhookUrl(publicUrl, 'whatsapp', channelId);
}

/**
 * `X-Hub-Signature-256: sha256=<hex>`: the HMAC-SHA256 of the raw request body, keyed with the
 * app secret. Meta signs the bytes it sends (non-ASCII characters arrive as `\uXXXX` escapes), so
 * this must see the body exactly as received, never a re-serialized JSON. Constant time; false for
 * a missing or ill-formed header or an empty secret.
 */
export function verifyMetaSignature(
  rawBody: string | Uint8Array,
  header: string | undefined,
  appSecret: string,
): boolean {
  if (!header || !appSecret) return false;
  const match = /^sha256=([0-9a-fA-F]{64})$/.exec(header.trim());
  if (!match?.[1]) return false;
  const expected = createHmac('sha256', appSecret).update(rawBody).digest();
  return timingSafeEqual(expected, Buffer.from(match[1], 'hex'));
}

/**
 * The verification request Meta sends when the callback URL is configured:
 * `GET …?hub.mode=subscribe&hub.challenge=1158201444&hub.verify_token=…`. Returns the challenge to
 * answer with (200, as plain text) when the mode is `subscribe` and the token matches; undefined
 * otherwise (answer 403).
 */
export function verifyHandshake(
  query: Record<string, string | undefined>,
  verifyToken: string,
): string | undefined {
  if (!verifyToken) return undefined;
  const token = query['hub.verify_token'];
  const challenge = query['hub.challenge'];
  if (query['hub.mode'] !== 'subscribe' || token === undefined || !challenge) return undefined;
  return constantTimeEqual(token, verifyToken) ? challenge : undefined;
}

const STATUSES: Record<string, StatusEvent['status']> = {
  sent: 'sent',
  delivered: 'delivered',
  read: 'read',
  failed: 'failed',
};

/**
 * Meta's `messages` webhook → Ruta events, in payload order.
 *
 * - Only changes with `field: "messages"` are read; other fields (template status updates,
 *   quality updates, `user_preferences`…) yield nothing.
 * - `text` → text. `interactive.button_reply` → buttonId = id, text = title.
 *   `interactive.list_reply` → buttonId = row id, text = row title. Template quick reply
 *   (`type: "button"`) → buttonId = `button.payload`, text = `button.text`.
 * - Any other message type the user sends (image, audio, video, document, sticker, location,
 *   contacts, reaction, order, unsupported, other interactive replies…) → an inbound event with
 *   neither text nor buttonId: the customer did write, which opens WhatsApp's 24-hour customer
 *   service window and counts as "replied", but there is nothing to match against.
 * - `type: "system"` messages (the user changed their number) are not from the customer → skipped.
 * - A message whose `from` is the empty string (a user with a username whom the business has not
 *   messaged by phone: Meta sends only `from_user_id`, a business-scoped id) → skipped, since Ruta
 *   identifies contacts by phone number.
 * - Statuses sent / delivered / read / failed map one to one; any other (`played`, `deleted`,
 *   `warning`…) is skipped. `errors[0]` → error `"<code> <title>: <error_data.details>"` (or `message` when there is no title) and
 *   errorCode; `pricing.category` → pricingCategory, lowercased.
 * - Timestamps (unix seconds as strings) become ISO strings; `from` (digits) gains its `+`;
 *   `to` is the business's `metadata.display_phone_number`.
 *
 * Throws {@link MalformedWebhookError}, with the path of the offending field, for anything not
 * shaped like Meta's payload. Duplicate deliveries parse to the same events (dedupe downstream).
 */
export function parseWhatsAppWebhook(body: unknown): WebhookEvent[] {
  const root = object(body, '$');
  if (root.object !== 'whatsapp_business_account') {
    throw new MalformedWebhookError('expected "whatsapp_business_account"', 'object');
  }
  const events: WebhookEvent[] = [];
  array(root.entry, 'entry').forEach((entryValue, i) => {
    const entry = object(entryValue, `entry[${i}]`);
    array(entry.changes, `entry[${i}].changes`).forEach((changeValue, j) => {
      const path = `entry[${i}].changes[${j}]`;
      const change = object(changeValue, path);
      if (string(change.field, `${path}.field`) !== 'messages') return;
      events.push(...parseMessagesValue(change.value, `${path}.value`));
    });
  });
  return events;
}

function parseMessagesValue(value: unknown, path: string): WebhookEvent[] {
  const v = object(value, path);
  if (v.messaging_product !== 'whatsapp') {
    throw new MalformedWebhookError('expected "whatsapp"', `${path}.messaging_product`);
  }
  const metadata = v.metadata === undefined ? {} : object(v.metadata, `${path}.metadata`);
  const display = optionalString(
    metadata.display_phone_number,
    `${path}.metadata.display_phone_number`,
  );
  const to = display ? phoneOrUndefined(display) : undefined;
  const names = profileNames(v.contacts, `${path}.contacts`);

  const events: WebhookEvent[] = [];
  if (v.messages !== undefined) {
    array(v.messages, `${path}.messages`).forEach((m, k) => {
      const event = parseMessage(m, `${path}.messages[${k}]`, to, names);
      if (event) events.push(event);
    });
  }
  if (v.statuses !== undefined) {
    array(v.statuses, `${path}.statuses`).forEach((s, k) => {
      const event = parseStatus(s, `${path}.statuses[${k}]`);
      if (event) events.push(event);
    });
  }
  return events;
}

/** wa_id → profile name, from `contacts[]` (optional). */
function profileNames(contacts: unknown, path: string): Map<string, string> {
  const names = new Map<string, string>();
  if (contacts === undefined) return names;
  array(contacts, path).forEach((c, k) => {
    const contact = object(c, `${path}[${k}]`);
    const waId = optionalString(contact.wa_id, `${path}[${k}].wa_id`);
    const profile =
      contact.profile === undefined ? {} : object(contact.profile, `${path}[${k}].profile`);
    const name = optionalString(profile.name, `${path}[${k}].profile.name`);
    if (waId && name) names.set(waId, name);
  });
  return names;
}

function parseMessage(
  value: unknown,
  path: string,
  to: string | undefined,
  names: Map<string, string>,
): InboundEvent | undefined {
  const m = object(value, path);
  const id = nonEmptyString(m.id, `${path}.id`);
  const type = nonEmptyString(m.type, `${path}.type`);
  if (type === 'system') return undefined;
  const rawFrom = string(m.from, `${path}.from`);
  if (rawFrom === '') return undefined;
  const from = phone(rawFrom, `${path}.from`);
  const at = optionalTimestamp(m.timestamp, `${path}.timestamp`);
  const profileName = names.get(rawFrom.replace(/^\+/, ''));

  let text: string | undefined;
  let buttonId: string | undefined;
  if (type === 'text') {
    text = string(object(m.text, `${path}.text`).body, `${path}.text.body`);
  } else if (type === 'interactive') {
    const interactive = object(m.interactive, `${path}.interactive`);
    const kind = nonEmptyString(interactive.type, `${path}.interactive.type`);
    if (kind === 'button_reply' || kind === 'list_reply') {
      const replyPath = `${path}.interactive.${kind}`;
      const reply = object(interactive[kind], replyPath);
      buttonId = nonEmptyString(reply.id, `${replyPath}.id`);
      text = optionalString(reply.title, `${replyPath}.title`);
    }
  } else if (type === 'button') {
    const button = object(m.button, `${path}.button`);
    text = optionalString(button.text, `${path}.button.text`);
    buttonId = optionalString(button.payload, `${path}.button.payload`) || text;
    if (!buttonId) throw new MalformedWebhookError('missing', `${path}.button.payload`);
  }
  // Replies and taps name the message they answer (Meta: messages[].context.id).
  const replyTo =
    m.context === undefined || m.context === null
      ? undefined
      : optionalString(object(m.context, `${path}.context`).id, `${path}.context.id`);

  return {
    type: 'inbound',
    channel: 'whatsapp',
    from,
    ...(to !== undefined && { to }),
    ...(text !== undefined && { text }),
    ...(buttonId !== undefined && { buttonId }),
    providerMessageId: id,
    ...(replyTo ? { replyTo } : {}),
    ...(at !== undefined && { at }),
    ...(profileName !== undefined && { profileName }),
  };
}

function parseStatus(value: unknown, path: string): StatusEvent | undefined {
  const s = object(value, path);
  const id = nonEmptyString(s.id, `${path}.id`);
  const status = STATUSES[nonEmptyString(s.status, `${path}.status`)];
  if (!status) return undefined;
  const at = optionalTimestamp(s.timestamp, `${path}.timestamp`);

  let pricingCategory: string | undefined;
  if (s.pricing !== undefined && s.pricing !== null) {
    const pricing = object(s.pricing, `${path}.pricing`);
    pricingCategory = optionalString(pricing.category, `${path}.pricing.category`)?.toLowerCase();
  }

  let error: string | undefined;
  let errorCode: string | undefined;
  if (s.errors !== undefined && s.errors !== null) {
    const errors = array(s.errors, `${path}.errors`);
    if (errors.length > 0) {
      const e = object(errors[0], `${path}.errors[0]`);
      errorCode = optionalCode(e.code, `${path}.errors[0].code`);
      const title =
        optionalString(e.title, `${path}.errors[0].title`) ||
        optionalString(e.message, `${path}.errors[0].message`);
      const data =
        e.error_data === undefined || e.error_data === null
          ? {}
          : object(e.error_data, `${path}.errors[0].error_data`);
      const details = optionalString(data.details, `${path}.errors[0].error_data.details`);
      // "131049 This message was not delivered…: In order to…" (the title's own full stop dropped).
      const head = [errorCode, title?.replace(/\.$/, '')].filter(Boolean).join(' ');
      error = [head, details].filter(Boolean).join(': ') || undefined;
    }
  }

  return {
    type: 'status',
    providerMessageId: id,
    status,
    ...(error !== undefined && { error }),
    ...(errorCode !== undefined && { errorCode }),
    ...(pricingCategory !== undefined && { pricingCategory }),
    ...(at !== undefined && { at }),
  };
}

// ── Reading untrusted JSON with a path for every complaint ──────────────────────────────────

type JsonObject = Record<string, unknown>;

function object(value: unknown, path: string): JsonObject {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new MalformedWebhookError(`expected an object, got ${describe(value)}`, path);
  }
  return value as JsonObject;
}

function array(value: unknown, path: string): unknown[] {
  if (!Array.isArray(value)) {
    throw new MalformedWebhookError(`expected an array, got ${describe(value)}`, path);
  }
  return value;
}

function string(value: unknown, path: string): string {
  if (typeof value !== 'string') {
    throw new MalformedWebhookError(`expected a string, got ${describe(value)}`, path);
  }
  return value;
}

function nonEmptyString(value: unknown, path: string): string {
  const s = string(value, path);
  if (s === '') throw new MalformedWebhookError('expected a non-empty string', path);
  return s;
}

function optionalString(value: unknown, path: string): string | undefined {
  return value === undefined || value === null ? undefined : string(value, path);
}

/** Error codes are integers in Meta's payloads; a numeric string is accepted too. */
function optionalCode(value: unknown, path: string): string | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value === 'number' && Number.isInteger(value)) return String(value);
  if (typeof value === 'string' && /^\d+$/.test(value)) return value;
  throw new MalformedWebhookError(`expected an integer error code, got ${describe(value)}`, path);
}

/** Unix seconds (a string in Meta's payloads; a number is accepted) → ISO 8601. */
function optionalTimestamp(value: unknown, path: string): string | undefined {
  if (value === undefined || value === null) return undefined;
  const seconds =
    typeof value === 'string' && /^\d{1,12}$/.test(value)
      ? Number(value)
      : typeof value === 'number' && Number.isInteger(value) && value >= 0
        ? value
        : Number.NaN;
  const date = new Date(seconds * 1000);
  if (Number.isNaN(date.getTime())) {
    throw new MalformedWebhookError(`expected unix seconds, got ${describe(value)}`, path);
  }
  return date.toISOString();
}

const E164_DIGITS = /^[1-9]\d{5,14}$/;

/** Meta sends phone numbers as digits (`16505551234`); Ruta keeps E.164 with its `+`. */
function phone(value: string, path: string): string {
  const e164 = phoneOrUndefined(value);
  if (!e164) throw new MalformedWebhookError('expected a phone number of 6 to 15 digits', path);
  return e164;
}

function phoneOrUndefined(value: string): string | undefined {
  const digits = value.replace(/^\+/, '').replace(/[\s\-().]/g, '');
  return E164_DIGITS.test(digits) ? `+${digits}` : undefined;
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'string')
    return JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value);
  return typeof value;
}
