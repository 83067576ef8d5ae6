import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vitest/config';
import { precompress } from './scripts/precompress';

const repoRoot = fileURLToPath(new URL('.', import.meta.url));
const editorRoot = fileURLToPath(new URL('./editor', import.meta.url));

// One config: `vite build` builds the editor; `vitest` runs every package's tests.
export default defineConfig({
  root: editorRoot,
  plugins: [react(), precompress()],
  build: { outDir: 'dist', emptyOutDir: true, chunkSizeWarningLimit: 1500 },
  server: { proxy: { '/api': 'http://127.0.0.1:3000', '/webhooks': 'http://127.0.0.1:3000' } },
  test: {
    root: repoRoot,
    projects: [
      {
        root: repoRoot,
        test: {
          name: 'unit',
          include: [
            'shared/src/**/*.test.ts',
            'editor/src/**/*.test.ts',
            'engine/src/channels/**/*.test.ts',
            'engine/src/enrollment/**/*.test.ts',
            'platform/src/secrets.test.ts',
            'platform/src/logger.test.ts',
            'platform/src/net/**/*.test.ts',
            'platform/src/config.test.ts',
            'api/src/webhooks/providers/**/*.test.ts',
            'api/src/sources/platforms/**/*.test.ts',
            'api/src/http/json-scan.test.ts',
            'scripts/**/*.test.ts',
          ],
          exclude: ['**/*.integration.test.ts', '**/node_modules/**'],
        },
      },
      {
        root: repoRoot,
        plugins: [react()],
        test: {
          name: 'editor-dom',
          include: ['editor/src/**/*.test.tsx'],
          environment: 'jsdom',
        },
      },
      {
        root: repoRoot,
        test: {
          name: 'integration',
          include: [
            'platform/src/**/*.test.ts',
            'engine/src/workflows/**/*.test.ts',
            'engine/src/*.test.ts',
            'engine/src/activities/**/*.test.ts',
            'engine/src/outbox/**/*.test.ts',
            'api/src/**/*.test.ts',
            'bench/**/*.test.ts',
            'engine/src/channels/**/*.integration.test.ts',
          ],
          exclude: [
            'platform/src/secrets.test.ts',
            'platform/src/logger.test.ts',
            'platform/src/net/**',
            'platform/src/config.test.ts',
            'api/src/webhooks/providers/**',
            'api/src/sources/platforms/**',
            'api/src/http/json-scan.test.ts',
            '**/node_modules/**',
          ],
          globalSetup: ['platform/src/testing/global-setup.ts'],
          setupFiles: ['platform/src/testing/quiet-temporal.ts'],
          pool: 'forks',
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
    ],
  },
});
