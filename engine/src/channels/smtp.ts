import type { Socket } from 'node:net';
import { isOutboundError, OutboundError, outboundSocket } from '@ruta/platform';
import type { SmtpChannelConfig } from '@ruta/shared';
import nodemailer from 'nodemailer';
import { instrumentEmailHtml } from './email-html';
import type {
  ChannelProvider,
  OutboundMessage,
  ProviderContext,
  SendOptions,
  SendReceipt,
} from './provider';
import { FinalProviderError, RetryableProviderError } from './provider';
import { DEFAULT_PROVIDER_TIMEOUT_MS } from './provider-http';

/**
 * Email over SMTP, one connection per message, opened through the outbound guard (the tenant's
 * host is checked and the socket pinned to the checked address). TLS is required, from the first
 * byte (`secure`, port 465) or by STARTTLS, with the certificate verified, unless the server
 * allows plain SMTP (RUTA_SMTP_ALLOW_PLAIN, for local test servers). Each send has an overall
 * deadline and honours cancellation. Each email carries a one-click unsubscribe (RFC 8058), signed
 * click redirects and an open pixel.
 */
export function createSmtpProvider(
  config: SmtpChannelConfig,
  ctx: ProviderContext,
): ChannelProvider {
  const timeout = ctx.timeoutMs ?? DEFAULT_PROVIDER_TIMEOUT_MS;
  /** Connecting, greeting, TLS, authentication and the message together. */
  const deadlineMs = timeout * 3;
  const requireTls = !ctx.outbound.allowPlainSmtp;

  return {
    name: 'smtp',
    channelId: ctx.channelId,

    async send(message: OutboundMessage, options: SendOptions = {}): Promise<SendReceipt> {
      const content = message.content;
      if (message.format !== 'email' || content.kind !== 'email')
        throw new FinalProviderError(
          'unsupported_format',
          `an SMTP channel sends email, not ${content.kind}`,
        );
      const sockets: Socket[] = [];
      const transport = nodemailer.createTransport({
        host: config.host,
        port: config.port,
        secure: config.secure,
        requireTLS: requireTls && !config.secure,
        tls: { rejectUnauthorized: true, minVersion: 'TLSv1.2' },
        ...(config.user ? { auth: { user: config.user, pass: config.password ?? '' } } : {}),
        connectionTimeout: timeout,
        greetingTimeout: timeout,
        socketTimeout: timeout,
        getSocket(_options, callback) {
          outboundSocket(config.host, config.port, ctx.outbound, {
            deadlineMs: timeout,
            signal: options.signal,
          }).then(
            (socket) => {
              sockets.push(socket);
              callback(null, { connection: socket });
            },
            (error: Error) => callback(error, false),
          );
        },
      });
      // Our own Message-ID, the same on every retry, is what receipts and replies refer to.
      const messageIdHeader = `<${message.messageId}@ruta>`;
      const sending = transport.sendMail({
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
      try {
        await bounded(sending, deadlineMs, options.signal, () => {
          for (const socket of sockets) socket.destroy();
        });
      } catch (error) {
        const classified = classifySmtpError(error);
        ctx.log?.warn(
          { provider: 'smtp', channelId: ctx.channelId, error: smtpDetail(error) },
          'SMTP send failed',
        );
        throw classified;
      } finally {
        transport.close();
      }
      return { providerMessageId: messageIdHeader };
    },
  };
}

/** Waits for `work` until the deadline or a cancellation; then `stop()` tears the connection down. */
async function bounded<T>(
  work: Promise<T>,
  deadlineMs: number,
  signal: AbortSignal | undefined,
  stop: () => void,
): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  let onAbort: (() => void) | undefined;
  const cutOff = new Promise<never>((_, reject) => {
    const end = (error: OutboundError) => {
      stop();
      reject(error);
    };
    timer = setTimeout(
      () =>
        end(new OutboundError('timeout', `the mail server did not finish within ${deadlineMs} ms`)),
      deadlineMs,
    );
    onAbort = () => end(new OutboundError('aborted', 'the send was cancelled'));
    if (signal?.aborted) onAbort();
    else signal?.addEventListener('abort', onAbort, { once: true });
  });
  work.catch(() => {}); // settled after a cut-off too; its error is the cut-off's
  try {
    return await Promise.race([work, cutOff]);
  } finally {
    clearTimeout(timer);
    if (onAbort) signal?.removeEventListener('abort', onAbort);
  }
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
const CERTIFICATE = /certificate|self[- ]signed|unable to verify|altname|CERT_/i;

interface SmtpError {
  code?: string;
  responseCode?: number;
  command?: string;
  message?: string;
  response?: string;
}

function smtpDetail(error: unknown) {
  const e = (error ?? {}) as SmtpError & { detail?: string };
  return {
    code: e.code,
    responseCode: e.responseCode,
    command: e.command,
    response: e.response,
    message: e.message,
    detail: e.detail,
  };
}

/**
 * SMTP reply classes (RFC 5321 §4.2.1): 5yz is permanent (bad mailbox 550/551/553, a malformed
 * recipient 501, policy), 4yz transient. 503 (bad sequence of commands) is about the session, not
 * the message. Errors without a reply (connection trouble) are retryable; a mail server without
 * TLS, an unverifiable certificate or a refused address are final. Messages are Ruta's words: the
 * server's own reply text goes to the server log only.
 */
export function classifySmtpError(error: unknown): unknown {
  if (isOutboundError(error)) {
    if (error.failure === 'aborted') return error;
    const text = `SMTP: ${error.message}`;
    return error.retryable
      ? new RetryableProviderError(text)
      : new FinalProviderError(error.failure, text);
  }
  const e = (error ?? {}) as SmtpError;
  const reply = typeof e.responseCode === 'number' ? ` (SMTP ${e.responseCode})` : '';
  if (e.code === 'EAUTH')
    return new FinalProviderError(
      'auth_failed',
      `SMTP: the mail server refused the user name or password${reply}`,
    );
  if (CERTIFICATE.test(`${e.code ?? ''} ${e.message ?? ''}`))
    return new FinalProviderError(
      'tls_failed',
      "SMTP: the mail server's TLS certificate could not be verified",
    );
  if (e.code === 'ETLS' || /STARTTLS/i.test(e.message ?? ''))
    return new FinalProviderError(
      'tls_required',
      'SMTP: the mail server does not offer TLS (STARTTLS); Ruta sends email only over TLS',
    );
  if (typeof e.responseCode === 'number') {
    if (e.responseCode >= 500 && e.responseCode !== 503) {
      // 501 answers a malformed argument; to RCPT TO, that is the contact's address.
      const badAddress =
        BAD_ADDRESS_CODES.has(e.responseCode) ||
        (e.responseCode === 501 && /^RCPT/i.test(e.command ?? ''));
      return badAddress
        ? new FinalProviderError(
            'invalid_address',
            `SMTP: the mail server refused the address${reply}`,
          )
        : new FinalProviderError('rejected', `SMTP: the mail server refused the message${reply}`);
    }
    return new RetryableProviderError(`SMTP: the mail server asked to try again later${reply}`);
  }
  if (e.code && CONNECTION_CODES.has(e.code))
    return new RetryableProviderError(
      'SMTP: the connection to the mail server failed',
      MAY_HAVE_SENT.has(e.code) ? 'unknown' : 'refused',
    );
  return error;
}
