import { isGrpcServiceError } from '@temporalio/client';

/** Codes the `postgres` driver and PostgreSQL give when the database cannot take a query now. */
const DATABASE_DOWN = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'CONNECT_TIMEOUT',
  'CONNECTION_CLOSED',
  'CONNECTION_ENDED',
  'CONNECTION_DESTROYED',
  '57P01', // admin_shutdown
  '57P02', // crash_shutdown
  '57P03', // cannot_connect_now (starting up, recovering)
  '53300', // too_many_connections
  '08000',
  '08001',
  '08003',
  '08004',
  '08006',
]);

import type { Context, MiddlewareHandler } from 'hono';
import type { AppEnv } from '../deps';
import { problemBody, problemResponse } from './problem';

/** Seconds a client should wait before retrying while the database is unavailable. */
export const RETRY_AFTER_SECONDS = 5;

/** After PostgreSQL failed a request, requests in the next second answer 503 without trying it. */
const DOWN_FOR_MS = 1_000;

/** When each pool last failed a request because PostgreSQL was down. */
const downSince = new WeakMap<object, number>();

/** 503 with Retry-After: nothing was stored, the same request may be sent again. */
export function databaseUnavailable(c: Context) {
  c.header('Retry-After', String(RETRY_AFTER_SECONDS));
  return problemResponse(c, problemBody('database_unavailable', { seconds: RETRY_AFTER_SECONDS }));
}

/** Remembers that PostgreSQL just failed a request (see `whileDatabaseDown`). */
export function markDatabaseDown(pool: object): void {
  downSince.set(pool, Date.now());
}

/**
 * While PostgreSQL is down, a request answers 503 at once instead of queueing behind the pool's
 * reconnect attempts (which held answers 3–4 s under load in the chaos suite): one request a
 * second still tries, so the first after PostgreSQL is back goes through.
 */
export function whileDatabaseDown(): MiddlewareHandler<AppEnv> {
  return async function answerWhileDatabaseDown(c, next) {
    if (c.req.path === '/api/health') return next(); // health reports the outage itself
    const pool = c.get('deps').sql;
    const since = downSince.get(pool);
    if (since !== undefined && Date.now() - since < DOWN_FOR_MS) return databaseUnavailable(c);
    if (since !== undefined) downSince.delete(pool);
    await next();
  };
}

/** True when the error says PostgreSQL is down or restarting (the request may be retried as is). */
export function isDatabaseUnavailable(error: unknown): boolean {
  for (let e: unknown = error, depth = 0; e && depth < 4; depth++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string' && DATABASE_DOWN.has(code)) return true;
    e = (e as { cause?: unknown }).cause;
  }
  return false;
}

/** How long a request waits for Temporal to take a call before answering `engine_unavailable`. */
export const ENGINE_CALL_MS = 5_000;

/** gRPC codes the Temporal client gives when the engine cannot take a call now. */
const ENGINE_DOWN = new Set([
  14, // UNAVAILABLE
  4, // DEADLINE_EXCEEDED (our own deadline while it did not answer)
]);

/**
 * True when a Temporal call failed because Temporal could not be reached or did not answer in
 * time (the client's `ServiceError` wraps the gRPC error as its cause).
 */
export function isEngineUnavailable(error: unknown): boolean {
  for (let e: unknown = error, depth = 0; e && depth < 4; depth++) {
    if (isGrpcServiceError(e) && ENGINE_DOWN.has(e.code)) return true;
    e = (e as { cause?: unknown }).cause;
  }
  return false;
}

/** 503 with Retry-After: Temporal did not take the call; the client may send it again. */
export function engineUnavailable(c: Context) {
  c.header('Retry-After', String(RETRY_AFTER_SECONDS));
  return problemResponse(c, problemBody('engine_unavailable', { seconds: RETRY_AFTER_SECONDS }));
}
