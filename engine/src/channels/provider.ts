import type { Logger, OutboundPolicy } from '@ruta/platform';
import type { Channel } from '@ruta/shared';
import type { TrackingLinks } from './email-tracking';

/** A message rendered and ready for a provider. */
export interface OutboundMessage {
  messageId: string;
  /** Stable across retries: providers that support it dedupe on it. */
  idempotencyKey: string;
  workspaceId: string;
  channel: Channel;
  to: string;
  format: MessageFormat;
  content: RenderedContent;
}

export type MessageFormat = 'whatsapp_template' | 'whatsapp_session' | 'sms' | 'email' | 'rcs';

export type RenderedContent =
  | {
      kind: 'whatsapp_template';
      template: { name: string; language: string; params: string[] };
      buttons: Button[];
      preview: string;
    }
  | { kind: 'whatsapp_session'; text: string; buttons: Button[] }
  | { kind: 'sms'; text: string }
  | { kind: 'email'; subject: string; html: string; text: string }
  | { kind: 'rcs'; text: string; buttons: Button[] };

export interface Button {
  id: string;
  text: string;
}

/**
 * What a provider knows of a message Ruta may have sent before (an attempt whose answer was lost):
 * found (with its receipt), surely not sent, or no way to tell.
 */
export type LookupResult =
  | { found: true; receipt: SendReceipt }
  | { found: false }
  | { found: 'unknown' };

export interface SendReceipt {
  providerMessageId: string;
  /** What the provider charged, when it says (otherwise Ruta prices it from workspace settings). */
  cost?: number;
  pricingCategory?: string;
  /** SMS segments the provider billed (Twilio's num_segments), when it says; Ruta's own count otherwise. */
  segments?: number;
}

/**
 * Rate limits, 5xx, timeouts: the activity throws and Temporal retries it. `outcome` says whether
 * the provider surely did not take the message (`refused`: it answered so, or was never reached)
 * or may have (`unknown`: no answer in time, a connection cut mid-request) — a retry then looks
 * the message up instead of sending it again (DESIGN §8.4).
 */
export class RetryableProviderError extends Error {
  override readonly name = 'RetryableProviderError';
  constructor(
    message: string,
    readonly outcome: 'refused' | 'unknown' = 'refused',
  ) {
    super(message);
  }
}

/** Invalid number, template not approved, opted out: retrying cannot help; try the fallback channel. */
export class FinalProviderError extends Error {
  override readonly name = 'FinalProviderError';
  constructor(
    readonly reason: string,
    message: string,
  ) {
    super(message);
  }
}

/** One per provider (sandbox, WhatsApp Cloud API, Twilio, SMTP); every one passes the contract suite. */
export interface ChannelProvider {
  /** Recorded in messages.provider: 'sandbox', 'whatsapp', 'twilio', 'smtp'. */
  readonly name: string;
  /** The workspace channel (channels.id) this provider instance sends for; absent for the default sandbox. */
  readonly channelId?: string;
  send(message: OutboundMessage, options?: SendOptions): Promise<SendReceipt>;
  /**
   * Looks up a message an earlier attempt may have sent (same idempotency key), where the
   * provider's API allows it. Absent: the provider cannot tell (WhatsApp Cloud API, SMTP).
   */
  lookup?(message: OutboundMessage, since: Date, options?: SendOptions): Promise<LookupResult>;
  /** Releases connections (SMTP pools); called when the registry drops the instance. */
  close?(): Promise<void> | void;
}

export interface SendOptions {
  /** Cancels the call (the send activity passes Temporal's cancellation signal). */
  signal?: AbortSignal;
}

/** What a provider built from a workspace channel needs besides its own config. */
export interface ProviderContext {
  channelId: string;
  /** The base URL providers reach Ruta at (RUTA_PUBLIC_URL): status callbacks, email links. */
  publicUrl: string;
  tracking: TrackingLinks;
  /** Deadline of one provider API call (default 10 s); a timeout is retryable. */
  timeoutMs?: number;
  /**
   * The provider API's base URL, a server setting (RUTA_WHATSAPP_API_URL, RUTA_TWILIO_API_URL)
   * for self-hosted proxies and tests; unset = the provider's official host.
   */
  apiBaseUrl?: string;
  /** The outbound guard every connection goes through (RUTA_OUTBOUND_ALLOW, RUTA_SMTP_ALLOW_PLAIN). */
  outbound: OutboundPolicy;
  /** Where upstream error details go (never to the tenant). */
  log?: Logger;
}

/** Which provider carries a workspace's messages on a channel (the sandbox unless configured). */
export interface ProviderRegistry {
  providerFor(
    workspaceId: string,
    channel: Channel,
    options: { preview: boolean },
  ): Promise<ChannelProvider>;
}
