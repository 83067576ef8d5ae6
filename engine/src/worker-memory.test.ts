import { expect, test } from 'vitest';
import {
  CACHED_RUN_MB,
  cacheForMemoryBudget,
  DEFAULT_WORKER_MEMORY_MB,
  MIN_CACHED_RUNS,
  WORKER_BASE_MB,
} from './worker-memory';

test('the shipped budget with the shipped heap (512 MB) caches what fits in 300 MB', () => {
  const choice = cacheForMemoryBudget(DEFAULT_WORKER_MEMORY_MB, 512);
  expect(choice).toEqual({ maxCachedWorkflows: 100, limitedBy: 'budget' });
  // What it promises: the base plus the cached runs stays within the budget.
  expect(WORKER_BASE_MB + choice.maxCachedWorkflows * CACHED_RUN_MB).toBeLessThanOrEqual(300);
});

test('a larger budget caches more, until the V8 heap is what limits it', () => {
  expect(cacheForMemoryBudget(650, 4096)).toEqual({
    maxCachedWorkflows: 683,
    limitedBy: 'budget',
  });
  expect(cacheForMemoryBudget(2000, 512)).toEqual({ maxCachedWorkflows: 603, limitedBy: 'heap' });
});

test('a budget below what the worker needs anyway still keeps a few runs cached', () => {
  expect(cacheForMemoryBudget(100, 512).maxCachedWorkflows).toBe(MIN_CACHED_RUNS);
});
