import type { Profile } from './options';

/**
 * The dev server per profile: `default` as the Temporal CLI ships it; `tuned` with Ruta's
 * LOW_LATENCY_DYNAMIC_CONFIG (platform/src/temporal/dev-server.ts), which `npm start` and the
 * tests use.
 */
export function devServerSettings(profile: Profile): { lowLatency: boolean } {
  return { lowLatency: profile === 'tuned' };
}
