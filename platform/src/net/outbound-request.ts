import http from 'node:http';
import https from 'node:https';
import type { LookupFunction } from 'node:net';
import { OutboundError } from './outbound-error';
import type { ResolvedAddress } from './outbound-policy';
import { abortedError, bareHost, type OutboundPolicy, resolveOutbound } from './outbound-policy';

export interface OutboundRequest {
  method?: string;
  headers?: Record<string, string>;
  body?: string | Buffer;
  /** The whole exchange, from DNS to the last byte of the answer (a trickling server included). */
  deadlineMs: number;
  /** Answers larger than this are cut off and refused (default 1 MiB). */
  maxResponseBytes?: number;
  /** Cancels the request (an activity passes Temporal's cancellation signal). */
  signal?: AbortSignal;
}

export interface OutboundResponse {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: Buffer;
  text: string;
}

export const DEFAULT_MAX_RESPONSE_BYTES = 1024 * 1024;

const REDIRECTS = new Set([301, 302, 303, 307, 308]);
const TLS_CODES = /CERT|SSL|TLS|ERR_TLS|SELF_SIGNED|UNABLE_TO_VERIFY|HOSTNAME/i;

/**
 * One HTTP(S) request Ruta makes for a tenant, through the outbound guard: every address the host
 * resolves to is checked, the socket connects to those checked addresses only (no second DNS
 * answer), redirects are refused, the whole exchange has a deadline, the answer a size cap, and
 * `signal` cancels it. Any HTTP status comes back; failures are `OutboundError`s.
 */
export async function outboundRequest(
  target: string | URL,
  request: OutboundRequest,
  policy: OutboundPolicy,
): Promise<OutboundResponse> {
  const url = parseUrl(target);
  const host = bareHost(url.hostname);
  const controller = new AbortController();
  const timer = setTimeout(
    () =>
      controller.abort(
        new OutboundError('timeout', `${host} did not answer within ${request.deadlineMs} ms`),
      ),
    request.deadlineMs,
  );
  const onCallerAbort = () => controller.abort(abortedError());
  if (request.signal?.aborted) onCallerAbort();
  request.signal?.addEventListener('abort', onCallerAbort, { once: true });
  try {
    const addresses = await resolveOutbound(url.hostname, policy, controller.signal);
    return await exchange(url, host, addresses, request, controller.signal);
  } catch (error) {
    // A deadline or a cancellation says so, whatever the socket reported when it was destroyed.
    if (controller.signal.reason instanceof OutboundError) throw controller.signal.reason;
    throw error;
  } finally {
    clearTimeout(timer);
    request.signal?.removeEventListener('abort', onCallerAbort);
  }
}

function parseUrl(target: string | URL): URL {
  let url: URL;
  try {
    url = new URL(target);
  } catch {
    throw new OutboundError('invalid_url', 'the address is not a valid URL');
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:')
    throw new OutboundError(
      'invalid_url',
      `Ruta only calls http and https addresses, not ${url.protocol}`,
    );
  return url;
}

/** A `lookup` that answers with the addresses already checked, so the socket goes only there. */
export function pinnedLookup(addresses: ResolvedAddress[]): LookupFunction {
  return (_hostname, options, callback) => {
    const first = addresses[0] as ResolvedAddress;
    if (options.all) (callback as (e: null, a: ResolvedAddress[]) => void)(null, addresses);
    else callback(null, first.address, first.family);
  };
}

function exchange(
  url: URL,
  host: string,
  addresses: ResolvedAddress[],
  request: OutboundRequest,
  signal: AbortSignal,
): Promise<OutboundResponse> {
  const limit = request.maxResponseBytes ?? DEFAULT_MAX_RESPONSE_BYTES;
  const client = url.protocol === 'https:' ? https : http;
  return new Promise<OutboundResponse>((resolve, reject) => {
    if (signal.aborted) return reject(signal.reason);
    const req = client.request(
      url,
      {
        method: request.method ?? 'GET',
        headers: request.headers,
        lookup: pinnedLookup(addresses),
        agent: false,
      },
      (res) => {
        const status = res.statusCode ?? 0;
        if (REDIRECTS.has(status)) {
          req.destroy();
          return reject(
            new OutboundError(
              'redirect',
              `${host} answered with a redirect (${status}); Ruta does not follow redirects`,
              `Location: ${res.headers.location ?? '(none)'}`,
            ),
          );
        }
        const tooLarge = () =>
          new OutboundError('too_large', `the answer from ${host} is larger than ${limit} bytes`);
        if (Number(res.headers['content-length'] ?? 0) > limit) {
          req.destroy();
          return reject(tooLarge());
        }
        const chunks: Buffer[] = [];
        let size = 0;
        res.on('data', (chunk: Buffer) => {
          size += chunk.length;
          if (size > limit) {
            req.destroy();
            return reject(tooLarge());
          }
          chunks.push(chunk);
        });
        res.on('end', () => {
          const body = Buffer.concat(chunks);
          resolve({ status, headers: res.headers, body, text: body.toString('utf8') });
        });
        res.on('error', (error) => reject(failureOf(error, host, signal)));
      },
    );
    const onAbort = () => req.destroy(signal.reason);
    signal.addEventListener('abort', onAbort, { once: true });
    req.on('close', () => signal.removeEventListener('abort', onAbort));
    req.on('error', (error) => reject(failureOf(error, host, signal)));
    if (request.body !== undefined) req.write(request.body);
    req.end();
  });
}

function failureOf(error: Error, host: string, signal: AbortSignal): OutboundError {
  if (signal.aborted && signal.reason instanceof OutboundError) return signal.reason;
  if (error instanceof OutboundError) return error;
  const code = (error as NodeJS.ErrnoException).code ?? error.message;
  if (TLS_CODES.test(code))
    return new OutboundError(
      'tls_failed',
      `the TLS certificate of ${host} could not be verified`,
      code,
    );
  return new OutboundError('unreachable', `Ruta could not connect to ${host}`, code);
}
