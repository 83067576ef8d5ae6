import { isIP } from 'node:net';

/**
 * Which IP addresses Ruta may connect to for a tenant: only public unicast ones. Everything in the
 * IANA special-purpose registries that is not globally reachable is refused (loopback, private,
 * link-local, CGNAT, multicast, reserved, documentation, unspecified), and IPv6 forms that carry
 * an IPv4 address (IPv4-mapped, IPv4-compatible, NAT64, 6to4) are judged by that IPv4 address.
 */

type Prefix = readonly [bytes: readonly number[], bits: number, what: string];

const IPV4_REFUSED: readonly Prefix[] = [
  [[0, 0, 0, 0], 8, 'unspecified ("this network")'],
  [[10, 0, 0, 0], 8, 'private'],
  [[100, 64, 0, 0], 10, 'carrier-grade NAT'],
  [[127, 0, 0, 0], 8, 'loopback'],
  [[169, 254, 0, 0], 16, 'link-local'],
  [[172, 16, 0, 0], 12, 'private'],
  [[192, 0, 0, 0], 24, 'IETF protocol assignments'],
  [[192, 0, 2, 0], 24, 'documentation'],
  [[192, 88, 99, 0], 24, '6to4 relay anycast'],
  [[192, 168, 0, 0], 16, 'private'],
  [[198, 18, 0, 0], 15, 'benchmarking'],
  [[198, 51, 100, 0], 24, 'documentation'],
  [[203, 0, 113, 0], 24, 'documentation'],
  [[224, 0, 0, 0], 4, 'multicast'],
  [[240, 0, 0, 0], 4, 'reserved'],
];

const IPV6_REFUSED: readonly Prefix[] = [
  [[0x01, 0x00, 0, 0, 0, 0, 0, 0], 64, 'discard-only'],
  [[0x20, 0x01, 0x00, 0x00], 32, 'Teredo'],
  [[0x20, 0x01, 0x00, 0x10], 28, 'ORCHID'],
  [[0x20, 0x01, 0x00, 0x20], 28, 'ORCHIDv2'],
  [[0x20, 0x01, 0x0d, 0xb8], 32, 'documentation'],
  [[0x3f, 0xff], 20, 'documentation'],
  [[0x00, 0x64, 0xff, 0x9b, 0x00, 0x01], 48, 'local-use NAT64'],
  [[0x5f, 0x00], 16, 'segment routing'],
  [[0xfc], 7, 'unique local (private)'],
  [[0xfe, 0x80], 10, 'link-local'],
  [[0xfe, 0xc0], 10, 'site-local'],
  [[0xff], 8, 'multicast'],
];

/** IPv6 prefixes whose low bits carry an IPv4 address: [prefix, bits, byte offset of the IPv4]. */
const EMBEDS_IPV4: readonly [readonly number[], number, number][] = [
  [[0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff], 96, 12], // IPv4-mapped ::ffff:a.b.c.d
  [[0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0], 96, 12], // IPv4-compatible ::a.b.c.d (and :: and ::1)
  [[0x00, 0x64, 0xff, 0x9b, 0, 0, 0, 0, 0, 0, 0, 0], 96, 12], // NAT64 64:ff9b::a.b.c.d
  [[0x20, 0x02], 16, 2], // 6to4 2002:AABB:CCDD::
];

/** Why an address may not be reached for a tenant, or undefined when it is public. */
export function refusedAddressReason(address: string): string | undefined {
  const ip = address.replace(/^\[(.*)\]$/, '$1');
  const family = isIP(ip);
  if (family === 4) return ipv4Reason(ipv4Bytes(ip));
  if (family === 6) return ipv6Reason(ipv6Bytes(ip));
  return 'not an IP address';
}

/** True only for public unicast addresses. */
export function isPublicAddress(address: string): boolean {
  return refusedAddressReason(address) === undefined;
}

function ipv4Reason(bytes: readonly number[]): string | undefined {
  return IPV4_REFUSED.find(([prefix, bits]) => matches(bytes, prefix, bits))?.[2];
}

function ipv6Reason(bytes: readonly number[]): string | undefined {
  if (bytes.every((b, i) => b === (i === 15 ? 1 : 0))) return 'loopback';
  for (const [prefix, bits, offset] of EMBEDS_IPV4) {
    if (!matches(bytes, prefix, bits)) continue;
    const embedded = ipv4Reason(bytes.slice(offset, offset + 4));
    return embedded ? `${embedded} (an IPv4 address inside IPv6)` : undefined;
  }
  return IPV6_REFUSED.find(([prefix, bits]) => matches(bytes, prefix, bits))?.[2];
}

/** Do the first `bits` bits of `bytes` equal the prefix's? */
export function matches(
  bytes: readonly number[],
  prefix: readonly number[],
  bits: number,
): boolean {
  for (let bit = 0; bit < bits; bit += 8) {
    const mask = bits - bit >= 8 ? 0xff : (0xff << (8 - (bits - bit))) & 0xff;
    if (((bytes[bit / 8] ?? 0) & mask) !== ((prefix[bit / 8] ?? 0) & mask)) return false;
  }
  return true;
}

export function ipv4Bytes(ip: string): number[] {
  return ip.split('.').map(Number);
}

/** The 16 bytes of a valid IPv6 address (`::` expanded, a trailing dotted IPv4 included). */
export function ipv6Bytes(ip: string): number[] {
  let text = ip.toLowerCase().replace(/%.*$/, '');
  const dotted = /(\d+\.\d+\.\d+\.\d+)$/.exec(text)?.[1];
  if (dotted) {
    const [a, b, c, d] = ipv4Bytes(dotted) as [number, number, number, number];
    text = `${text.slice(0, -dotted.length)}${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`;
  }
  const [head = '', tail] = text.split('::');
  const groups = (part: string) => (part ? part.split(':') : []);
  const left = groups(head);
  const right = tail === undefined ? [] : groups(tail);
  const hextets = [...left, ...Array(8 - left.length - right.length).fill('0'), ...right];
  return hextets.flatMap((h) => {
    const value = Number.parseInt(h, 16);
    return [value >> 8, value & 0xff];
  });
}

/** An address as bytes; an IPv4-mapped IPv6 address counts as its IPv4 address. */
export function addressBytes(address: string): { family: 4 | 6; bytes: number[] } | undefined {
  const ip = address.replace(/^\[(.*)\]$/, '$1');
  const family = isIP(ip);
  if (family === 4) return { family: 4, bytes: ipv4Bytes(ip) };
  if (family !== 6) return undefined;
  const bytes = ipv6Bytes(ip);
  const mapped =
    bytes.slice(0, 10).every((b) => b === 0) && bytes[10] === 0xff && bytes[11] === 0xff;
  return mapped ? { family: 4, bytes: bytes.slice(12) } : { family: 6, bytes };
}
