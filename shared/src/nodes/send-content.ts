import { z } from 'zod';

/** A quick-reply button; `id` is what a tap reports back (`wait_for` matches `buttonId`). */
export const MessageButton = z.object({
  id: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, 'letters, digits, "_" and "-"'),
  text: z.string().min(1).max(25),
});
export type MessageButton = z.infer<typeof MessageButton>;

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
export const WhatsAppContent = z.object({
  template: WhatsAppTemplate.optional(),
  text: z.string().min(1).max(4096).optional(),
  buttons: z.array(MessageButton).max(3).default([]),
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
  text: z.string().min(1).max(3072),
  buttons: z.array(MessageButton).max(11).default([]),
});
export type RcsContent = z.infer<typeof RcsContent>;

export const SendContent = z.object({
  whatsapp: WhatsAppContent.optional(),
  sms: SmsContent.optional(),
  email: EmailContent.optional(),
  rcs: RcsContent.optional(),
});
export type SendContent = z.infer<typeof SendContent>;
