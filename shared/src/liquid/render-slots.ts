/**
 * At most `max` tasks at once; the rest wait their turn in order. Plain promises (no clock, no
 * I/O), so it runs in the browser, in workers and in the API alike.
 */
export function createSlots(max: number) {
  let active = 0;
  const waiting: (() => void)[] = [];
  return {
    get active() {
      return active;
    },
    get waiting() {
      return waiting.length;
    },
    async run<T>(task: () => Promise<T>): Promise<T> {
      if (active < max) active++;
      else await new Promise<void>((resolve) => waiting.push(resolve));
      try {
        return await task();
      } finally {
        const next = waiting.shift();
        if (next) next();
        else active--;
      }
    },
  };
}

/**
 * Renders one process runs at once: each may hold up to the engine's memory limit while it runs,
 * so a burst of sends (a worker runs up to 100 activities at once) cannot multiply it.
 */
export const RENDER_CONCURRENCY = 4;
export const renderSlots = createSlots(RENDER_CONCURRENCY);
