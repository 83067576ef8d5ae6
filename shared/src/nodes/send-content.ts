import { z } from 'zod';
import { addRuleIssue } from '../model/rule-issue';

/**
 * What the channels accept, as their providers document it. WhatsApp Cloud API, interactive
 * reply buttons: up to 3, a title of at most 20 characters, a body of at most 1,024 characters
 * (a plain text message: 4,096). RCS Business Messaging suggested replies: up to 11, 25
 * characters each.
 */
export const CHANNEL_LIMITS = {
  whatsapp: { buttons: 3, buttonTitle: 20, bodyWithButtons: 1024, body: 4096 },
  rcs: { buttons: 11, buttonTitle: 25, body: 3072 },
} as const;

const buttonId = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, 'letters, digits, "_" and "-"');

/** A quick-reply button; `id` is what a tap reports back (`wait_for` matches `buttonId`). */
export const MessageButton = z.object({
  id: buttonId,
  text: z.string().min(1).max(CHANNEL_LIMITS.rcs.buttonTitle),
});
export type MessageButton = z.infer<typeof MessageButton>;

/** A WhatsApp reply button: Meta refuses a title longer than 20 characters. */
export const WhatsAppButton = z.object({
  id: buttonId,
  text: z.string().min(1).max(CHANNEL_LIMITS.whatsapp.buttonTitle),
});

export const WhatsAppTemplate = z.object({
  /** The approved template's name in WhatsApp Manager, e.g. 'carrito_abandonado'. */
  name: z.string().regex(/^[a-z0-9_]{1,512}$/, 'lowercase letters, digits and "_"'),
  /** The template's language code, e.g. 'es_MX', 'pt_BR', 'en'. */
  language: z.string().regex(/^[a-z]{2,3}(_[A-Z]{2})?$/, 'a language code like es_MX'),
  /** Body parameters {{1}}, {{2}}… in order; each is a Liquid template. */
  params: z.array(z.string()).default([]),
});
export type WhatsAppTemplate = z.infer<typeof WhatsAppTemplate>;

/**
 * `template` is what goes out when the contact's 24-hour window is closed; `text` (Liquid) is the
 * free-form session message used inside the window. At least one is needed.
 */
export const WhatsAppContent = z
  .object({
    template: WhatsAppTemplate.optional(),
    text: z.string().min(1).max(CHANNEL_LIMITS.whatsapp.body).optional(),
    buttons: z.array(WhatsAppButton).max(CHANNEL_LIMITS.whatsapp.buttons).default([]),
  })
  .superRefine((content, ctx) => {
    const max = CHANNEL_LIMITS.whatsapp.bodyWithButtons;
    if (content.buttons.length > 0 && content.text && content.text.length > max) {
      addRuleIssue(
        ctx,
        'whatsapp_body_too_long',
        {
          es: `Con botones, WhatsApp acepta hasta ${max} caracteres de texto (este tiene ${content.text.length}).`,
          pt: `Com botões, o WhatsApp aceita até ${max} caracteres de texto (este tem ${content.text.length}).`,
          en: `With buttons, WhatsApp takes up to ${max} characters of text (this has ${content.text.length}).`,
        },
        ['text'],
      );
    }
  });
export type WhatsAppContent = z.infer<typeof WhatsAppContent>;

export const SmsContent = z.object({ text: z.string().min(1).max(1600) });
export type SmsContent = z.infer<typeof SmsContent>;

export const EmailContent = z.object({
  subject: z.string().min(1).max(250),
  html: z.string().min(1),
  /** Plain-text part; derived from the HTML when omitted. */
  text: z.string().optional(),
});
export type EmailContent = z.infer<typeof EmailContent>;

export const RcsContent = z.object({
  text: z.string().min(1).max(CHANNEL_LIMITS.rcs.body),
  buttons: z.array(MessageButton).max(CHANNEL_LIMITS.rcs.buttons).default([]),
});
export type RcsContent = z.infer<typeof RcsContent>;

export const SendContent = z.object({
  whatsapp: WhatsAppContent.optional(),
  sms: SmsContent.optional(),
  email: EmailContent.optional(),
  rcs: RcsContent.optional(),
});
export type SendContent = z.infer<typeof SendContent>;
