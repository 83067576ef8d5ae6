import type { Sql } from '@ruta/platform';
import type { ProviderRegistry } from './provider';
import { createSandboxProvider } from './sandbox';

/** Every workspace on the sandbox: the default until real channels are configured. */
export function sandboxOnlyRegistry(sql: Sql): ProviderRegistry {
  const sandbox = createSandboxProvider(sql);
  return { providerFor: async () => sandbox };
}
