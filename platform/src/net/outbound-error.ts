/** What went wrong with a connection Ruta made for a tenant, in Ruta's words. */
export type OutboundFailure =
  | 'invalid_url'
  | 'blocked_address'
  | 'dns_failed'
  | 'unreachable'
  | 'tls_failed'
  | 'timeout'
  | 'aborted'
  | 'redirect'
  | 'too_large';

/** Failures a later attempt may not repeat: the network, DNS, a slow server. */
const RETRYABLE: ReadonlySet<OutboundFailure> = new Set(['dns_failed', 'unreachable', 'timeout']);

/**
 * A refused or failed outbound connection. `message` is safe to show the tenant (no upstream
 * body, no resolved internal address, no socket error); `detail` is for the server log only.
 */
export class OutboundError extends Error {
  override readonly name = 'OutboundError';
  readonly retryable: boolean;
  constructor(
    readonly failure: OutboundFailure,
    message: string,
    readonly detail?: string,
  ) {
    super(message);
    this.retryable = RETRYABLE.has(failure);
  }
}

export function isOutboundError(error: unknown): error is OutboundError {
  return error instanceof OutboundError;
}
