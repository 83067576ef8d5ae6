import type { SecretBox } from '@ruta/platform';
import type { SmtpChannelConfig } from '@ruta/shared';
import nodemailer from 'nodemailer';
import { type ChannelRow, fullChannelConfig, MissingSecretsKeyError } from './channel-store';
import { DEFAULT_PROVIDER_TIMEOUT_MS } from './provider-http';

export interface NoticeEmail {
  to: string;
  subject: string;
  text: string;
  html: string;
}

/**
 * One email from Ruta itself through a workspace's SMTP channel (an invitation to join the
 * team): no tracking links, no unsubscribe header, no message row. The same transport settings
 * as the SMTP provider; the connection is closed when it is sent.
 */
export async function sendNoticeEmail(
  row: ChannelRow,
  box: SecretBox | undefined,
  email: NoticeEmail,
  timeoutMs = DEFAULT_PROVIDER_TIMEOUT_MS,
): Promise<void> {
  if (row.provider !== 'smtp') throw new Error(`channel ${row.id} is not an SMTP channel`);
  if (row.secrets && !box)
    throw new MissingSecretsKeyError(
      `RUTA_SECRETS_KEY is not set, so channel ${row.id} cannot send.`,
    );
  const config = fullChannelConfig(row, box) as SmtpChannelConfig;
  const transport = nodemailer.createTransport({
    host: config.host,
    port: config.port,
    secure: config.secure,
    ...(config.user ? { auth: { user: config.user, pass: config.password ?? '' } } : {}),
    connectionTimeout: timeoutMs,
    greetingTimeout: timeoutMs,
    socketTimeout: Math.max(timeoutMs, 30_000),
  });
  try {
    await transport.sendMail({ from: config.from, ...email });
  } finally {
    transport.close();
  }
}
