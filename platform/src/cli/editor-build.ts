import { fileURLToPath } from 'node:url';
import type { Logger } from '../logger';

export const REPO_ROOT = fileURLToPath(new URL('../../../', import.meta.url));

/** Builds the editor with the root vite.config.ts (Vite 8 takes a second or two). */
export async function buildEditor(log: Logger): Promise<string> {
  const started = Date.now();
  const { build } = await import('vite');
  await build({ configFile: `${REPO_ROOT}vite.config.ts`, logLevel: 'warn' });
  log.info({ ms: Date.now() - started }, 'editor built');
  return `${REPO_ROOT}editor/dist`;
}
