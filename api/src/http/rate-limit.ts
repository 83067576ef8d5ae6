import type { MiddlewareHandler } from 'hono';
import type { AppEnv } from '../deps';
import { problemBody, problemResponse } from './problem';

export interface RateLimitOptions {
  /** Sustained requests per second per workspace. */
  perSecond: number;
  /** How many may arrive at once before the limit applies. */
  burst: number;
}

/**
 * A token bucket per workspace (in this API process): ingest stays fair between workspaces and a
 * runaway integration gets 429 with Retry-After instead of starving everyone.
 */
export function rateLimit(options: RateLimitOptions): MiddlewareHandler<AppEnv> {
  const buckets = new Map<string, { tokens: number; at: number }>();
  return async function limitRate(c, next) {
    const key = c.get('auth')?.workspaceId ?? c.req.header('x-forwarded-for') ?? 'anonymous';
    const now = Date.now();
    const bucket = buckets.get(key) ?? { tokens: options.burst, at: now };
    bucket.tokens = Math.min(
      options.burst,
      bucket.tokens + ((now - bucket.at) / 1000) * options.perSecond,
    );
    bucket.at = now;
    if (bucket.tokens < 1) {
      buckets.set(key, bucket);
      const retryAfter = Math.ceil((1 - bucket.tokens) / options.perSecond);
      c.header('Retry-After', String(retryAfter));
      return problemResponse(
        c,
        problemBody('rate_limited', { perSecond: options.perSecond, retryAfter }),
      );
    }
    bucket.tokens -= 1;
    buckets.set(key, bucket);
    await next();
  };
}
