import type { SmtpChannelConfig } from '@ruta/shared';
import nodemailer from 'nodemailer';
import { instrumentEmailHtml } from './email-html';
import type { ChannelProvider, OutboundMessage, ProviderContext, SendReceipt } from './provider';
import { FinalProviderError, RetryableProviderError } from './provider';
import { DEFAULT_PROVIDER_TIMEOUT_MS } from './provider-http';

/**
 * Email over SMTP through a pooled nodemailer transport (connections are reused across sends and
 * released by close()). Each email carries a one-click unsubscribe (RFC 8058), signed click
 * redirects and an open pixel.
 */
export function createSmtpProvider(
  config: SmtpChannelConfig,
  ctx: ProviderContext,
): ChannelProvider {
  const timeout = ctx.timeoutMs ?? DEFAULT_PROVIDER_TIMEOUT_MS;
  const transport = nodemailer.createTransport({
    pool: true,
    host: config.host,
    port: config.port,
    secure: config.secure,
    ...(config.user ? { auth: { user: config.user, pass: config.password ?? '' } } : {}),
    connectionTimeout: timeout,
    greetingTimeout: timeout,
    socketTimeout: Math.max(timeout, 30_000),
  });

  return {
    name: 'smtp',
    channelId: ctx.channelId,

    async send(message: OutboundMessage): Promise<SendReceipt> {
      const content = message.content;
      if (message.format !== 'email' || content.kind !== 'email')
        throw new FinalProviderError(
          'unsupported_format',
          `an SMTP channel sends email, not ${content.kind}`,
        );
      // Our own Message-ID, the same on every retry, is what receipts and replies refer to.
      const messageIdHeader = `<${message.messageId}@ruta>`;
      try {
        await transport.sendMail({
          from: config.from,
          to: message.to,
          subject: content.subject,
          text: content.text,
          html: instrumentEmailHtml(content.html, message.messageId, ctx.tracking),
          messageId: messageIdHeader,
          headers: {
            'List-Unsubscribe': `<${ctx.tracking.unsubscribeUrl(message.messageId)}>`,
            'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
          },
        });
      } catch (error) {
        throw classifySmtpError(error);
      }
      return { providerMessageId: messageIdHeader };
    },

    close() {
      transport.close();
    },
  };
}

const CONNECTION_CODES = new Set([
  'ECONNECTION',
  'ETIMEDOUT',
  'ECONNREFUSED',
  'ECONNRESET',
  'ESOCKET',
  'EDNS',
]);
/** A connection lost mid-conversation: the server may have taken the message. */
const MAY_HAVE_SENT = new Set(['ETIMEDOUT', 'ECONNRESET', 'ESOCKET']);
const BAD_ADDRESS_CODES = new Set([550, 551, 553]);

/**
 * SMTP reply classes (RFC 5321 §4.2.1): 5yz is permanent (bad mailbox 550/551/553, a malformed
 * recipient 501, policy), 4yz transient. 503 (bad sequence of commands) is about the session, not
 * the message. Errors without a reply (connection trouble) are retryable; other errors are left
 * to Temporal's retry.
 */
export function classifySmtpError(error: unknown): unknown {
  const e = error as { code?: string; responseCode?: number; command?: string; message?: string };
  const text = `SMTP: ${e.message ?? String(error)}`;
  if (e.code === 'EAUTH') return new FinalProviderError('auth_failed', text);
  if (typeof e.responseCode === 'number') {
    if (e.responseCode >= 500 && e.responseCode !== 503) {
      // 501 answers a malformed argument; to RCPT TO, that is the contact's address.
      const badAddress =
        BAD_ADDRESS_CODES.has(e.responseCode) ||
        (e.responseCode === 501 && /^RCPT/i.test(e.command ?? ''));
      return new FinalProviderError(badAddress ? 'invalid_address' : 'rejected', text);
    }
    return new RetryableProviderError(text);
  }
  if (e.code && CONNECTION_CODES.has(e.code))
    return new RetryableProviderError(text, MAY_HAVE_SENT.has(e.code) ? 'unknown' : 'refused');
  return error;
}
