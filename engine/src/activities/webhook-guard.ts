import dns from 'node:dns';
import { BlockList, isIP } from 'node:net';

export interface WebhookGuardOptions {
  /** Hostnames or IP addresses allowed even though they are loopback/private (RUTA_WEBHOOK_ALLOW). */
  allow?: string[];
}

const blocked = new BlockList();
for (const [net, prefix] of [
  ['0.0.0.0', 8],
  ['10.0.0.0', 8],
  ['100.64.0.0', 10],
  ['127.0.0.0', 8],
  ['169.254.0.0', 16],
  ['172.16.0.0', 12],
  ['192.0.0.0', 24],
  ['192.168.0.0', 16],
  ['198.18.0.0', 15],
  ['224.0.0.0', 4],
  ['240.0.0.0', 4],
] as const) {
  blocked.addSubnet(net, prefix, 'ipv4');
}
for (const [net, prefix] of [
  ['::', 128],
  ['::1', 128],
  ['fc00::', 7],
  ['fe80::', 10],
  ['ff00::', 8],
] as const) {
  blocked.addSubnet(net, prefix, 'ipv6');
}

export class BlockedAddressError extends Error {}

/** True for loopback, private, link-local, carrier-grade NAT, multicast and reserved addresses. */
export function isPrivateAddress(address: string): boolean {
  const family = isIP(address);
  if (family === 4) return blocked.check(address, 'ipv4');
  if (family === 6) {
    const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
    if (mapped?.[1]) return blocked.check(mapped[1], 'ipv4');
    return blocked.check(address, 'ipv6');
  }
  return true;
}

/**
 * The refusal for a URL whose host is written as an IP address ('127.0.0.1', '[::1]'): Node
 * connects to those without calling `lookup`, so `guardedLookup` never sees them.
 */
export function refusedLiteralAddress(
  hostname: string,
  options: WebhookGuardOptions = {},
): BlockedAddressError | undefined {
  const address = hostname.replace(/^\[(.*)\]$/, '$1');
  if (isIP(address) === 0 || !isPrivateAddress(address)) return undefined;
  const allowed = new Set(
    (options.allow ?? []).map((h) => h.toLowerCase().replace(/^\[(.*)\]$/, '$1')),
  );
  if (allowed.has(address.toLowerCase())) return undefined;
  return new BlockedAddressError(
    `refused to call ${hostname}: ${address} is a private or loopback address (allow it with RUTA_WEBHOOK_ALLOW)`,
  );
}

/**
 * A `lookup` for http.request that refuses private targets after DNS resolution, so the address
 * checked is the address connected to (no DNS-rebinding gap).
 */
export function guardedLookup(hostname: string, options: WebhookGuardOptions = {}) {
  const allowed = new Set((options.allow ?? []).map((h) => h.toLowerCase()));
  return (
    host: string,
    lookupOptions: dns.LookupOptions,
    callback: (
      error: NodeJS.ErrnoException | null,
      address: string | dns.LookupAddress[],
      family?: number,
    ) => void,
  ) => {
    dns.lookup(host, { ...lookupOptions, all: true }, (error, addresses) => {
      if (error) return callback(error, '', 0);
      const list = addresses as dns.LookupAddress[];
      const refused = list.find((a) => isPrivateAddress(a.address));
      if (refused && !allowed.has(hostname.toLowerCase()) && !allowed.has(refused.address)) {
        return callback(
          new BlockedAddressError(
            `refused to call ${hostname}: it resolves to ${refused.address}, a private or loopback address (allow it with RUTA_WEBHOOK_ALLOW)`,
          ) as NodeJS.ErrnoException,
          '',
          0,
        );
      }
      if (lookupOptions.all) return callback(null, list);
      const first = list[0];
      return first
        ? callback(null, first.address, first.family)
        : callback(new Error(`no address for ${host}`), '', 0);
    });
  };
}
