import type { Logger, OutboundPolicy, ProviderApiUrls, SecretBox, Sql } from '@ruta/platform';
import type {
  Channel,
  ProviderKind,
  SmtpChannelConfig,
  TwilioChannelConfig,
  WhatsAppChannelConfig,
} from '@ruta/shared';
import { createTrackingLinks } from './email-tracking';
import type { ChannelProvider } from './provider';
import { createSmtpProvider } from './smtp';
import { createTwilioProvider } from './twilio';
import { createWhatsAppProvider } from './whatsapp';

/** A row of `channels`: one provider account of a workspace. */
export interface ChannelRow {
  id: string;
  workspace_id: string;
  provider: ProviderKind;
  name: string;
  config: Record<string, unknown>;
  secrets: string | null;
  secret_fields: string[];
  carries: Channel[];
  templates_synced_at: Date | null;
  created_at: Date;
  updated_at: Date;
}

export class MissingSecretsKeyError extends Error {
  override readonly name = 'MissingSecretsKeyError';
}

/** The channel's whole config: what is shown plus its decrypted credentials. */
export function fullChannelConfig(
  row: Pick<ChannelRow, 'id' | 'workspace_id' | 'config' | 'secrets'>,
  box: SecretBox | undefined,
): Record<string, unknown> {
  if (!row.secrets) return { ...row.config };
  if (!box)
    throw new MissingSecretsKeyError(
      `RUTA_SECRETS_KEY is not set, so the credentials of channel ${row.id} cannot be read.`,
    );
  return {
    ...row.config,
    ...box.decrypt(row.secrets, { workspaceId: row.workspace_id, channelId: row.id }),
  };
}

export async function loadChannel(sql: Sql, id: string): Promise<ChannelRow | undefined> {
  const [row] = await sql<ChannelRow[]>`select * from channels where id = ${id}`;
  return row;
}

export interface ProviderSettings {
  box: SecretBox | undefined;
  publicUrl: string;
  timeoutMs?: number;
  /** Provider API base URLs (server settings); unset = the official hosts. */
  apiUrls?: ProviderApiUrls;
  /** The outbound guard's server settings (RUTA_OUTBOUND_ALLOW, RUTA_SMTP_ALLOW_PLAIN). */
  outbound: OutboundPolicy;
  log?: Logger;
}

/** Builds the provider a stored channel describes (the sandbox row builds nothing: use the sandbox). */
export function buildProvider(
  row: ChannelRow,
  settings: ProviderSettings,
): ChannelProvider | undefined {
  if (row.provider === 'sandbox') return undefined;
  const { box } = settings;
  if (!box)
    throw new MissingSecretsKeyError(
      `RUTA_SECRETS_KEY is not set, so channel ${row.id} (${row.provider}) cannot send.`,
    );
  const config = fullChannelConfig(row, box);
  const ctx = {
    channelId: row.id,
    publicUrl: settings.publicUrl,
    tracking: createTrackingLinks(settings.publicUrl, box),
    timeoutMs: settings.timeoutMs,
    outbound: settings.outbound,
    log: settings.log,
  };
  switch (row.provider) {
    case 'whatsapp':
      return createWhatsAppProvider(config as WhatsAppChannelConfig, {
        ...ctx,
        apiBaseUrl: settings.apiUrls?.whatsapp,
      });
    case 'twilio':
      return createTwilioProvider(config as TwilioChannelConfig, {
        ...ctx,
        apiBaseUrl: settings.apiUrls?.twilio,
      });
    case 'smtp':
      return createSmtpProvider(config as SmtpChannelConfig, ctx);
  }
}
