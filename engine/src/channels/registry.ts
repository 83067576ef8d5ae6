import type { Logger, OutboundPolicy, ProviderApiUrls, SecretBox, Sql } from '@ruta/platform';
import type { Channel } from '@ruta/shared';
import { buildProvider, type ChannelRow } from './channel-store';
import type { ChannelProvider, ProviderRegistry } from './provider';
import { createSandboxProvider } from './sandbox';

/** Every workspace on the sandbox (tests that never configure channels). */
export function sandboxOnlyRegistry(sql: Sql): ProviderRegistry {
  const sandbox = createSandboxProvider(sql);
  return { providerFor: async () => sandbox };
}

export interface WorkspaceRegistryOptions {
  sql: Sql;
  log: Logger;
  /** From RUTA_SECRETS_KEY; without it only the sandbox can send. */
  box: SecretBox | undefined;
  publicUrl: string;
  timeoutMs?: number;
  /** Provider API base URLs (RUTA_WHATSAPP_API_URL, RUTA_TWILIO_API_URL); unset = official hosts. */
  apiUrls?: ProviderApiUrls;
  /** The outbound guard's server settings (RUTA_OUTBOUND_ALLOW, RUTA_SMTP_ALLOW_PLAIN). */
  outbound: OutboundPolicy;
}

/**
 * The provider for a workspace's channel: its newest configured channel carrying it, else the
 * sandbox (the default). Previews always use the sandbox. Providers are kept per channel version
 * (id + updated_at), so an edited channel is rebuilt.
 */
export function workspaceRegistry(
  options: WorkspaceRegistryOptions,
): ProviderRegistry & { close(): Promise<void> } {
  const { sql } = options;
  const sandbox = createSandboxProvider(sql);
  const built = new Map<string, { version: number; provider: ChannelProvider }>();
  return {
    async providerFor(workspaceId: string, channel: Channel, { preview }) {
      if (preview) return sandbox;
      const [row] = await sql<ChannelRow[]>`
        select * from channels where workspace_id = ${workspaceId} and ${channel} = any(carries)
        order by created_at desc limit 1`;
      if (!row || row.provider === 'sandbox') return sandbox;
      const version = row.updated_at.getTime();
      const cached = built.get(row.id);
      if (cached?.version === version) return cached.provider;
      if (cached) await cached.provider.close?.();
      const provider = buildProvider(row, options) ?? sandbox;
      built.set(row.id, { version, provider });
      options.log.debug({ channelId: row.id, provider: row.provider }, 'channel provider ready');
      return provider;
    },
    async close() {
      await Promise.all([...built.values()].map(({ provider }) => provider.close?.()));
      built.clear();
    },
  };
}
