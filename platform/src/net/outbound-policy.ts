import dns from 'node:dns/promises';
import { isIP } from 'node:net';
import { addressBytes, matches, refusedAddressReason } from './address-policy';
import { OutboundError } from './outbound-error';

export interface ResolvedAddress {
  address: string;
  family: 4 | 6;
}

export type Lookup = (hostname: string) => Promise<ResolvedAddress[]>;

/**
 * Server settings for every connection Ruta makes for a tenant (provider APIs, template sync, the
 * webhook node, SMTP). Tenants never widen it.
 */
export interface OutboundPolicy {
  /**
   * Private or loopback destinations allowed anyway (RUTA_OUTBOUND_ALLOW): host names, IP
   * addresses or CIDR ranges, for local fakes in tests and self-hosted gateways.
   */
  allow: readonly string[];
  /** SMTP without TLS (RUTA_SMTP_ALLOW_PLAIN): only for local test servers. */
  allowPlainSmtp?: boolean;
  /** DNS resolution; tests inject answers. Defaults to the system resolver (every A/AAAA). */
  lookup?: Lookup;
}

export const STRICT_OUTBOUND: OutboundPolicy = { allow: [] };

const systemLookup: Lookup = async (hostname) =>
  (await dns.lookup(hostname, { all: true, verbatim: true })).map((a) => ({
    address: a.address,
    family: a.family === 6 ? 6 : 4,
  }));

/** `[::1]` → `::1`; names lower-cased without a trailing dot. */
export function bareHost(hostname: string): string {
  return hostname
    .replace(/^\[(.*)\]$/, '$1')
    .toLowerCase()
    .replace(/\.$/, '');
}

/**
 * Resolves a host and checks every address it resolves to: one refused address refuses the host
 * (a name that also resolves to 10.0.0.1 could be steered there). The caller connects to the
 * returned addresses only, so nothing is resolved again between the check and the connect.
 */
export async function resolveOutbound(
  hostname: string,
  policy: OutboundPolicy,
  signal?: AbortSignal,
): Promise<ResolvedAddress[]> {
  const host = bareHost(hostname);
  if (!host) throw new OutboundError('invalid_url', 'the address has no host name');
  let addresses: ResolvedAddress[];
  const literal = isIP(host);
  if (literal) addresses = [{ address: host, family: literal === 6 ? 6 : 4 }];
  else {
    try {
      addresses = await abortable((policy.lookup ?? systemLookup)(host), signal);
    } catch (error) {
      if (error instanceof OutboundError) throw error;
      throw new OutboundError(
        'dns_failed',
        `${host} could not be found (DNS)`,
        (error as NodeJS.ErrnoException).code ?? String(error),
      );
    }
    if (addresses.length === 0)
      throw new OutboundError('dns_failed', `${host} could not be found (DNS)`, 'no addresses');
  }
  for (const { address } of addresses) {
    const reason = refusedAddressReason(address);
    if (reason && !isAllowed(policy.allow, host, address))
      throw new OutboundError(
        'blocked_address',
        `Ruta does not connect to ${host}: it is not a public internet address`,
        `${host} resolves to ${address} (${reason}); add it to RUTA_OUTBOUND_ALLOW to allow it`,
      );
  }
  return addresses;
}

/** Is this destination on the server's allow-list (by host name, address or CIDR range)? */
export function isAllowed(allow: readonly string[], host: string, address: string): boolean {
  const target = addressBytes(address);
  for (const raw of allow) {
    const [net = '', bitsText] = raw.trim().split('/');
    const entry = bareHost(net);
    if (!entry) continue;
    if (bitsText === undefined && entry === host) return true;
    const allowed = addressBytes(entry);
    if (!allowed || !target || allowed.family !== target.family) continue;
    const bits = bitsText === undefined ? target.bytes.length * 8 : Number(bitsText);
    if (Number.isInteger(bits) && matches(target.bytes, allowed.bytes, bits)) return true;
  }
  return false;
}

function abortable<T>(promise: Promise<T>, signal: AbortSignal | undefined): Promise<T> {
  if (!signal) return promise;
  if (signal.aborted) return Promise.reject(abortedError());
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(abortedError());
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
  });
}

export function abortedError(): OutboundError {
  return new OutboundError('aborted', 'the request was cancelled');
}
