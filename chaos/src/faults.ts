import { kill, type RutaProcess } from './ruta-process';

/** One fault injected, and how long Ruta took to be whole again. */
export interface FaultRecord {
  kind:
    | 'worker_sigkill'
    | 'temporal_sigkill'
    | 'temporal_down'
    | 'postgres_sigkill'
    | 'postgres_down'
    | 'ruta_restart';
  /** Seconds since traffic started. */
  at: number;
  /** How long it stayed down on purpose (outages), in seconds. */
  heldDownSeconds?: number;
  /** From the fault to Ruta answering healthy again (a worker: to its replacement running), ms. */
  recoveredMs: number;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export class Faults {
  readonly records: FaultRecord[] = [];
  constructor(
    private readonly ruta: RutaProcess,
    private readonly startedAt: number,
  ) {}

  private at(): number {
    return Math.round((Date.now() - this.startedAt) / 100) / 10;
  }

  /**
   * SIGKILLs a random worker every `everySeconds` until `done()`; each comes back on its own (the
   * launcher restarts it), and its recovery is timed in the background.
   */
  async killWorkers(everySeconds: number, done: () => boolean): Promise<void> {
    const recoveries: Promise<void>[] = [];
    while (!done()) {
      await sleep(everySeconds * 1_000);
      if (done()) break;
      const workers = (await this.ruta.pids()).workers ?? [];
      const slot = Math.floor(Math.random() * workers.length);
      const victim = workers[slot];
      const at = this.at();
      const killed = Date.now();
      if (!kill(victim)) continue;
      recoveries.push(
        (async () => {
          for (let i = 0; i < 600; i++) {
            await sleep(100);
            const now = (await this.ruta.pids().catch(() => ({ workers: [] as number[] })))
              .workers?.[slot];
            if (now && now !== victim) break;
          }
          this.records.push({ kind: 'worker_sigkill', at, recoveredMs: Date.now() - killed });
        })(),
      );
    }
    await Promise.all(recoveries);
  }

  /** SIGKILLs Temporal or PostgreSQL; the launcher starts it again at once. */
  async sigkill(what: 'temporal' | 'postgres'): Promise<void> {
    const at = this.at();
    const killed = Date.now();
    kill((await this.ruta.pids())[what]);
    await sleep(500);
    await this.ruta.waitHealthy(180_000);
    this.records.push({
      kind: what === 'temporal' ? 'temporal_sigkill' : 'postgres_sigkill',
      at,
      recoveredMs: Date.now() - killed,
    });
  }

  /**
   * Temporal or PostgreSQL down for `seconds`: the launcher is frozen so it cannot restart it,
   * the process is SIGKILLed, and after the outage the launcher resumes and restarts it.
   */
  async outage(what: 'temporal' | 'postgres', seconds: number): Promise<void> {
    const at = this.at();
    this.ruta.pauseSupervision();
    const killed = Date.now();
    try {
      kill((await this.ruta.pids())[what]);
      await sleep(seconds * 1_000);
    } finally {
      this.ruta.resumeSupervision();
    }
    await sleep(500);
    await this.ruta.waitHealthy(180_000);
    this.records.push({
      kind: what === 'temporal' ? 'temporal_down' : 'postgres_down',
      at,
      heldDownSeconds: seconds,
      recoveredMs: Date.now() - killed,
    });
  }

  /** Ctrl-C on the whole of Ruta with runs waiting, then `npm start` again on the same data. */
  async restartRuta(): Promise<void> {
    const at = this.at();
    const stopped = Date.now();
    await this.ruta.stop();
    await this.ruta.start();
    this.records.push({ kind: 'ruta_restart', at, recoveredMs: Date.now() - stopped });
  }
}
