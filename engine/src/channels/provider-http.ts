import { RetryableProviderError } from './provider';

export const DEFAULT_PROVIDER_TIMEOUT_MS = 10_000;

export interface ProviderResponse {
  status: number;
  /** The parsed JSON body, or undefined when the body is not JSON. */
  json: unknown;
  text: string;
}

/**
 * One HTTP call to a provider's API. A request that never reaches the provider, or gets no answer
 * within the timeout, may be retried safely from Ruta's side: it surfaces as RetryableProviderError.
 * Every answer (any status) is returned for the provider module to classify.
 */
export async function callProvider(
  provider: string,
  url: string,
  init: RequestInit,
  timeoutMs = DEFAULT_PROVIDER_TIMEOUT_MS,
): Promise<ProviderResponse> {
  try {
    const response = await fetch(url, { ...init, signal: AbortSignal.timeout(timeoutMs) });
    const text = await response.text();
    return { status: response.status, json: parseJson(text), text };
  } catch (error) {
    if (isTimeout(error))
      throw new RetryableProviderError(
        `${provider} did not answer within ${timeoutMs} ms`,
        'unknown',
      );
    const cause = (error as { cause?: { code?: string; message?: string } }).cause;
    throw new RetryableProviderError(
      `${provider} could not be reached: ${cause?.code ?? cause?.message ?? String(error)}`,
      cause?.code && NEVER_REACHED.has(cause.code) ? 'refused' : 'unknown',
    );
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

function isTimeout(error: unknown): boolean {
  const name = (error as { name?: string } | null)?.name;
  return name === 'TimeoutError' || name === 'AbortError';
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
