import { createHash, timingSafeEqual } from 'node:crypto';

/**
 * Constant-time equality of two secrets or signatures of any length: both sides are hashed to
 * 32 bytes first, so neither the content nor the length of the expected value leaks through
 * timing.
 */
export function constantTimeEqual(a: string | Uint8Array, b: string | Uint8Array): boolean {
  const digest = (v: string | Uint8Array) => createHash('sha256').update(v).digest();
  return timingSafeEqual(digest(a), digest(b));
}
