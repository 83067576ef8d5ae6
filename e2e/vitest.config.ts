import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

// Browser stories: one real stack per run (stack.ts), files run one after another (one browser each).
export default defineConfig({
  root: fileURLToPath(new URL('..', import.meta.url)),
  test: {
    include: ['e2e/stories/**/*.spec.ts'],
    globalSetup: ['e2e/stack.ts'],
    fileParallelism: false,
    testTimeout: 120_000,
    hookTimeout: 240_000,
    pool: 'forks',
  },
});
