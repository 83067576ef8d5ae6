import type { Logger } from '../logger';

/** A started process as the supervisor sees it. */
export interface Supervisable {
  /** Resolves with the exit code (or signal name) once the process has ended. */
  readonly exited: Promise<number | string>;
  readonly pid: number | undefined;
  stop(): Promise<void>;
}

export interface Supervisor {
  readonly name: string;
  /** The process running now (undefined while it restarts). */
  current(): Supervisable | undefined;
  /** How many times it was restarted. */
  restarts(): number;
  /** Stops it for good (no restart). */
  stop(): Promise<void>;
}

export interface SuperviseOptions {
  /** First restart delay; doubles on each quick failure up to `maxDelayMs` (defaults 1 s, 30 s). */
  initialDelayMs?: number;
  maxDelayMs?: number;
  /** A process that ran this long was not crash-looping: its restart waits the first delay (default 10 s). */
  healthyAfterMs?: number;
  /** Told each time a process (re)starts, e.g. to write down its pid. */
  onStart?: (process: Supervisable) => void;
}

/**
 * Keeps one process running (DESIGN §8.5): starts it, and when it exits without being asked to,
 * logs why and starts it again after a backoff (1 s, 2 s, 4 s … 30 s while it keeps dying at once;
 * back to 1 s once a process ran 10 s). A start that throws is retried the same way. `stop()` ends it for good.
 */
export async function supervise(
  name: string,
  start: () => Promise<Supervisable>,
  log: Logger,
  options: SuperviseOptions = {},
): Promise<Supervisor> {
  const initial = options.initialDelayMs ?? 1_000;
  const max = options.maxDelayMs ?? 30_000;
  const healthyAfter = options.healthyAfterMs ?? 10_000;
  let running: Supervisable | undefined = await start();
  options.onStart?.(running);
  let stopping = false;
  let restarts = 0;
  let delay = initial;
  let wake: (() => void) | undefined;

  const sleep = (ms: number) =>
    new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, ms);
      wake = () => {
        clearTimeout(timer);
        resolve();
      };
    });

  const loop = (async () => {
    while (!stopping) {
      const current = running;
      if (!current) break;
      const startedAt = Date.now();
      const code = await current.exited;
      running = undefined;
      if (stopping) break;
      if (Date.now() - startedAt >= healthyAfter) delay = initial;
      log.error(
        { child: name, code, restartInMs: delay, restarts },
        `${name} exited unexpectedly (${code}); restarting it`,
      );
      for (;;) {
        await sleep(delay);
        delay = Math.min(delay * 2, max);
        if (stopping) return;
        try {
          running = await start();
          if (stopping) {
            await running.stop();
            return;
          }
          restarts += 1;
          options.onStart?.(running);
          log.warn({ child: name, pid: running.pid, restarts }, `${name} restarted`);
          break;
        } catch (error) {
          log.error(
            { child: name, err: error, restartInMs: delay },
            `${name} could not be restarted; trying again`,
          );
        }
      }
    }
  })();

  return {
    name,
    current: () => running,
    restarts: () => restarts,
    async stop() {
      stopping = true;
      wake?.();
      await running?.stop();
      await loop;
    },
  };
}
