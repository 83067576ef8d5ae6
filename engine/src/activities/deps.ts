import type { Logger, Sql } from '@ruta/platform';
import type { ProviderRegistry } from '../channels/provider';
import type { WebhookGuardOptions } from './webhook-guard';

/** What activities need from the outside world; tests pass real ones (a real database). */
export interface ActivityDeps {
  sql: Sql;
  log: Logger;
  workerIdentity: string;
  providers: ProviderRegistry;
  webhookGuard?: WebhookGuardOptions;
  /** Test hook: runs after a provider accepted a message and before Ruta records it. */
  afterProviderAccepted?: (messageId: string) => void | Promise<void>;
}
