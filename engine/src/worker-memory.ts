/**
 * The worker's workflow cache, chosen from a memory budget rather than a count (BENCHMARKS.md,
 * "Worker memory": the cache is what a worker's memory grows with; everything else is flat).
 *
 * Measured on the compiled worker with docker-compose.yml's flags, 10,000 runs waiting: 100
 * cached → 261 MB, 250 → 352 MB, 1,000 → 586 MB (0.36–0.6 MB per cached run; 0.2 at 2,000
 * waiting). The constants take the steeper slope, so a budget is a ceiling, not a guess.
 */
export const WORKER_BASE_MB = 240;
export const CACHED_RUN_MB = 0.6;
/** Shipped budget: the target for a worker with 10,000 runs waiting. */
export const DEFAULT_WORKER_MEMORY_MB = 300;
/** Fewer cached runs than this and a run replays between two steps of one activation burst. */
export const MIN_CACHED_RUNS = 10;
/** V8 heap the worker needs besides the cache (the bundle, the SDK, activities' buffers). */
const HEAP_BASE_MB = 150;

export interface CacheChoice {
  maxCachedWorkflows: number;
  /** What set it: the budget, or the V8 heap limit (the budget asked for more than it holds). */
  limitedBy: 'budget' | 'heap';
}

/**
 * How many runs to keep cached within `budgetMb` of resident memory, never more than the V8 heap
 * (`--max-old-space-size`) can hold: a cache larger than the heap only makes V8 collect until the
 * worker fails.
 */
export function cacheForMemoryBudget(budgetMb: number, heapLimitMb: number): CacheChoice {
  // (the small epsilon keeps 60 / 0.6 at 100, not 99.999…)
  const byBudget = Math.floor((budgetMb - WORKER_BASE_MB) / CACHED_RUN_MB + 1e-9);
  const byHeap = Math.floor((heapLimitMb - HEAP_BASE_MB) / CACHED_RUN_MB + 1e-9);
  const limitedBy = byHeap < byBudget ? 'heap' : 'budget';
  return {
    maxCachedWorkflows: Math.max(MIN_CACHED_RUNS, Math.min(byBudget, byHeap)),
    limitedBy,
  };
}
