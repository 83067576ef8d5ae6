import { z } from 'zod';
import type { Channel } from '../model/channel';

/** Which service carries a workspace channel's messages. */
export const ProviderKind = z.enum(['whatsapp', 'twilio', 'smtp', 'sandbox']);
export type ProviderKind = z.infer<typeof ProviderKind>;

/** Meta's WhatsApp Cloud API (Graph API). */
export const WhatsAppChannelConfig = z.object({
  /** The sender's phone number id in WhatsApp Manager (not the number itself). */
  phoneNumberId: z
    .string()
    .regex(/^\d{5,32}$/, 'the numeric phone number id from WhatsApp Manager'),
  /** The WhatsApp Business Account id; needed to sync templates. */
  businessAccountId: z
    .string()
    .regex(/^\d{5,32}$/, 'the numeric WhatsApp Business Account id')
    .optional(),
  accessToken: z.string().min(10, 'the system user access token'),
  /** Verifies X-Hub-Signature-256 on webhooks. */
  appSecret: z.string().min(8, 'the app secret from the Meta app dashboard'),
  /**
   * A string you choose and also enter in Meta's webhook settings; Meta sends it back in the GET
   * verification handshake. Not a credential (it grants nothing), so it stays visible to paste.
   */
  verifyToken: z.string().min(8, 'at least 8 characters'),
  /** Graph API version, e.g. v21.0. */
  apiVersion: z
    .string()
    .regex(/^v\d+\.\d+$/, 'like v21.0')
    .optional(),
});
export type WhatsAppChannelConfig = z.infer<typeof WhatsAppChannelConfig>;

/** Twilio Programmable Messaging: SMS, or WhatsApp when `from` is `whatsapp:+…`. */
export const TwilioChannelConfig = z.object({
  accountSid: z.string().regex(/^AC[0-9a-fA-F]{32}$/, 'AC followed by 32 hex characters'),
  authToken: z.string().min(16, 'the account auth token'),
  /** E.164 sender (+5215512345678), a Messaging Service SID (MG…), or whatsapp:+… */
  from: z
    .string()
    .regex(
      /^(\+[1-9]\d{6,14}|MG[0-9a-fA-F]{32}|whatsapp:\+[1-9]\d{6,14}|[A-Za-z0-9 ]{1,11})$/,
      'an E.164 number, a Messaging Service SID (MG…), whatsapp:+number or an alphanumeric sender id',
    ),
});
export type TwilioChannelConfig = z.infer<typeof TwilioChannelConfig>;

/** Email over SMTP. */
export const SmtpChannelConfig = z.object({
  host: z
    .string()
    .min(1)
    .max(253)
    .regex(/^[A-Za-z0-9.:[\]_-]+$/, 'a host name or IP address'),
  port: z.number().int().min(1).max(65535),
  /** TLS from the first byte (port 465); otherwise STARTTLS, which Ruta requires. */
  secure: z.boolean(),
  user: z.string().optional(),
  password: z.string().optional(),
  /** The From header, e.g. "Tienda Sol <hola@tiendasol.mx>". */
  from: z.string().min(3),
});
export type SmtpChannelConfig = z.infer<typeof SmtpChannelConfig>;

export const SandboxChannelConfig = z.object({});

export const ChannelConfigs = {
  whatsapp: WhatsAppChannelConfig,
  twilio: TwilioChannelConfig,
  smtp: SmtpChannelConfig,
  sandbox: SandboxChannelConfig,
} as const;

export type ChannelConfigOf<P extends ProviderKind> = z.infer<(typeof ChannelConfigs)[P]>;

/**
 * Fields channel configs once had that are server settings now, with the variable that sets each:
 * where Ruta connects for a tenant is never the tenant's choice.
 */
export const SERVER_SETTING_FIELDS: Record<ProviderKind, Readonly<Record<string, string>>> = {
  whatsapp: { apiBaseUrl: 'RUTA_WHATSAPP_API_URL' },
  twilio: { apiBaseUrl: 'RUTA_TWILIO_API_URL' },
  smtp: {},
  sandbox: {},
};

/** Fields stored encrypted, accepted on write and never returned. */
export const SECRET_FIELDS: Record<ProviderKind, readonly string[]> = {
  whatsapp: ['accessToken', 'appSecret'],
  twilio: ['authToken'],
  smtp: ['password'],
  sandbox: [],
};

/** The message channels a configured provider carries. */
export function channelsCarried(
  provider: ProviderKind,
  config: Record<string, unknown>,
): Channel[] {
  switch (provider) {
    case 'whatsapp':
      return ['whatsapp'];
    case 'twilio':
      return String(config.from ?? '').startsWith('whatsapp:') ? ['whatsapp'] : ['sms'];
    case 'smtp':
      return ['email'];
    case 'sandbox':
      return ['whatsapp', 'sms', 'email', 'rcs'];
  }
}

/** Splits a full config into what may be shown and what must be encrypted. */
export function splitSecrets(provider: ProviderKind, config: Record<string, unknown>) {
  const secretNames = new Set(SECRET_FIELDS[provider]);
  const publicPart: Record<string, unknown> = {};
  const secrets: Record<string, string> = {};
  for (const [key, value] of Object.entries(config)) {
    if (value === undefined) continue;
    if (secretNames.has(key)) secrets[key] = String(value);
    else publicPart[key] = value;
  }
  return { publicPart, secrets };
}

/** A WhatsApp message template as synced from the business account. */
export const WhatsAppTemplateInfo = z.object({
  name: z.string(),
  language: z.string(),
  /** APPROVED, PENDING, REJECTED, PAUSED, DISABLED… as Meta reports it. */
  status: z.string(),
  /** MARKETING, UTILITY or AUTHENTICATION. */
  category: z.string(),
  /** The body text with its {{1}} placeholders. */
  body: z.string(),
  paramCount: z.number().int().min(0),
  /** Quick-reply button labels, in order. */
  quickReplies: z.array(z.string()),
});
export type WhatsAppTemplateInfo = z.infer<typeof WhatsAppTemplateInfo>;
