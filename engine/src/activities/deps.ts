import type { Logger, OutboundPolicy, SecretBox, Sql } from '@ruta/platform';
import type { ProviderRegistry } from '../channels/provider';
import type { EnrollmentTarget } from '../enrollment/enroll';

/** What activities need from the outside world; tests pass real ones (a real database). */
export interface ActivityDeps {
  sql: Sql;
  log: Logger;
  workerIdentity: string;
  providers: ProviderRegistry;
  /** Where sweeps enroll contacts (the worker's own Temporal client and task queue). */
  enrollment: EnrollmentTarget;
  /** The outbound guard's server settings for the webhook node (RUTA_OUTBOUND_ALLOW). */
  outbound: OutboundPolicy;
  /** Opens sources' sealed credentials (a Tiendanube token), from RUTA_SECRETS_KEY. */
  box?: SecretBox;
  /** RUTA_PUBLIC_URL: where links in notifications point (the inbox). */
  publicUrl?: string;
  /** RUTA_TIENDANUBE_API_URL (default the official host). */
  tiendanubeApiUrl?: string;
  /** Test hook: runs after a provider accepted a message and before Ruta records it. */
  afterProviderAccepted?: (messageId: string) => void | Promise<void>;
}
