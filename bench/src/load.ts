/** Runs `task(i)` for i in [0, total) with `concurrency` callers; returns the wall time in ms. */
export async function closedLoop(
  total: number,
  concurrency: number,
  task: (i: number) => Promise<unknown>,
): Promise<{ ms: number; errors: number; firstError?: unknown }> {
  let next = 0;
  let errors = 0;
  let firstError: unknown;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: Math.min(concurrency, total) }, async () => {
      for (;;) {
        const i = next++;
        if (i >= total) return;
        try {
          await task(i);
        } catch (error) {
          errors += 1;
          firstError ??= error;
        }
      }
    }),
  );
  return { ms: performance.now() - started, errors, firstError };
}

/**
 * Starts `task(i)` at a fixed rate whatever the answers (open loop: a slow system does not slow
 * the arrivals down, so its latency is not hidden); resolves when every task has settled.
 */
export async function openLoop(
  total: number,
  perSecond: number,
  task: (i: number) => Promise<unknown>,
): Promise<{ errors: number; firstError?: unknown }> {
  const interval = 1000 / perSecond;
  const started = performance.now();
  const pending: Promise<unknown>[] = [];
  let errors = 0;
  let firstError: unknown;
  for (let i = 0; i < total; i++) {
    const due = started + i * interval;
    const wait = due - performance.now();
    if (wait > 1) await new Promise((r) => setTimeout(r, wait));
    pending.push(
      task(i).catch((error) => {
        errors += 1;
        firstError ??= error;
      }),
    );
  }
  await Promise.all(pending);
  return { errors, firstError };
}

export async function until<T>(
  what: string,
  check: () => Promise<T | undefined | false>,
  timeoutMs: number,
  everyMs = 250,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, everyMs));
  }
}
