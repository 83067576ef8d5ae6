import { isOutboundError, type OutboundError, outboundRequest } from '@ruta/platform';
import { FinalProviderError, type ProviderContext, RetryableProviderError } from './provider';

export const DEFAULT_PROVIDER_TIMEOUT_MS = 10_000;
/** A provider's answer is small JSON; a page of 100 WhatsApp templates is well under this. */
const MAX_PROVIDER_RESPONSE_BYTES = 4 * 1024 * 1024;

export interface ProviderResponse {
  status: number;
  /** The parsed JSON body, or undefined when the body is not JSON. */
  json: unknown;
}

export interface ProviderCall {
  method?: string;
  headers?: Record<string, string>;
  body?: string;
  signal?: AbortSignal;
}

/**
 * One HTTP call to a provider's API, through the outbound guard (checked addresses, no redirects,
 * an overall deadline, a size cap, cancellation). Failures a retry may fix (no answer in time, no
 * connection) surface as RetryableProviderError; a refused destination or answer as
 * FinalProviderError. Every answer (any status) is returned for the provider module to classify;
 * error answers are logged in full for the operator, never passed on to the tenant.
 */
export async function callProvider(
  provider: string,
  url: string,
  call: ProviderCall,
  ctx: Pick<ProviderContext, 'timeoutMs' | 'outbound' | 'log'>,
): Promise<ProviderResponse> {
  try {
    const response = await outboundRequest(
      url,
      {
        method: call.method,
        headers: call.headers,
        body: call.body,
        signal: call.signal,
        deadlineMs: ctx.timeoutMs ?? DEFAULT_PROVIDER_TIMEOUT_MS,
        maxResponseBytes: MAX_PROVIDER_RESPONSE_BYTES,
      },
      ctx.outbound,
    );
    if (response.status >= 400)
      ctx.log?.warn(
        { provider, status: response.status, body: response.text.slice(0, 4_000) },
        'provider answered with an error',
      );
    return { status: response.status, json: parseJson(response.text) };
  } catch (error) {
    if (!isOutboundError(error)) throw error;
    ctx.log?.warn(
      { provider, failure: error.failure, detail: error.detail },
      'provider call failed',
    );
    if (error.failure === 'aborted') throw error;
    const message = `${provider}: ${error.message}`;
    if (error.retryable) throw new RetryableProviderError(message, outcomeOf(error));
    throw new FinalProviderError(error.failure, message);
  }
}

/** Connection errors that prove the request never reached the provider. */
const NEVER_REACHED = new Set([
  'ECONNREFUSED',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EHOSTUNREACH',
  'ENETUNREACH',
]);

/**
 * Whether the provider may have taken the message: not when the name did not resolve or the
 * connection was refused; maybe on a timeout or a connection cut mid-request (DESIGN §8.4).
 */
function outcomeOf(error: OutboundError): 'refused' | 'unknown' {
  if (error.failure === 'dns_failed') return 'refused';
  if (error.failure === 'unreachable' && error.detail && NEVER_REACHED.has(error.detail))
    return 'refused';
  return 'unknown';
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
