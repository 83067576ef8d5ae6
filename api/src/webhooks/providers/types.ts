/**
 * What a provider webhook means to Ruta, independent of the provider's wire format. The HTTP
 * routes verify the signature, call a provider's pure parser, and act on these events.
 */
export type WebhookEvent =
  | {
      type: 'inbound';
      channel: 'whatsapp' | 'sms';
      /** E.164 with the leading `+`. */
      from: string;
      /** The business number the customer wrote to (E.164), when the provider says. */
      to?: string;
      /** What the customer typed, or the label of the button they tapped. */
      text?: string;
      /** The id (WhatsApp reply button, list row) or payload (template quick reply) of a tap. */
      buttonId?: string;
      providerMessageId: string;
      /**
       * The provider's id of the message the customer answered, when it says (WhatsApp
       * `context.id` on replies and button taps; Twilio `OriginalRepliedMessageSid`).
       */
      replyTo?: string;
      /** ISO 8601, when the provider says when it happened. */
      at?: string;
      profileName?: string;
    }
  | {
      type: 'status';
      /** The id the provider returned when Ruta sent the message (wamid…, SM…). */
      providerMessageId: string;
      status: 'sent' | 'delivered' | 'read' | 'failed';
      error?: string;
      errorCode?: string;
      /** Lowercased: marketing | utility | authentication | service | … (WhatsApp only). */
      pricingCategory?: string;
      at?: string;
    };

export type InboundEvent = Extract<WebhookEvent, { type: 'inbound' }>;
export type StatusEvent = Extract<WebhookEvent, { type: 'status' }>;

/**
 * The body is not shaped like the provider's documented payload (the route answers 400).
 * `path` points at the offending field, e.g. `entry[0].changes[0].value.messages[1].from`.
 */
export class MalformedWebhookError extends Error {
  override readonly name = 'MalformedWebhookError';
  constructor(
    message: string,
    readonly path: string,
  ) {
    super(message);
  }
}
