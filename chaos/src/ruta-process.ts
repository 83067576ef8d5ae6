import { type ChildProcess, spawn } from 'node:child_process';
import { openSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { freePort } from '@ruta/platform';

const REPO = fileURLToPath(new URL('../../', import.meta.url));
const LAUNCHER = path.join(REPO, 'platform/src/cli/start.ts');

export interface RutaPorts {
  api: number;
  temporal: number;
  temporalUi: number;
  postgres: number;
}

export interface Pids {
  launcher?: number;
  temporal?: number;
  postgres?: number;
  api?: number;
  workers?: number[];
}

/**
 * Ruta as `npm start` runs it (the launcher: Temporal dev server, embedded PostgreSQL, workers and
 * API, each kept up), on fixed free ports and one data folder, so it can be stopped and started
 * again over the same data. Its output goes to `ruta.log` in the data folder.
 */
export class RutaProcess {
  readonly apiKey = 'ruta_chaos_key_0123456789abcdef';
  private launcher: ChildProcess | undefined;

  private constructor(
    readonly dataDir: string,
    readonly ports: RutaPorts,
    readonly workers: number,
  ) {}

  static async create(dataDir: string, workers: number): Promise<RutaProcess> {
    const ports = {
      api: await freePort(),
      temporal: await freePort(),
      temporalUi: await freePort(),
      postgres: await freePort(),
    };
    return new RutaProcess(dataDir, ports, workers);
  }

  get baseUrl(): string {
    return `http://127.0.0.1:${this.ports.api}`;
  }

  /** Ruta's own database (the embedded cluster's fixed development password). */
  get databaseUrl(): string {
    return `postgres://postgres:ruta-embedded@127.0.0.1:${this.ports.postgres}/ruta`;
  }

  /** Starts the launcher and resolves once the API reports healthy. */
  async start(timeoutMs = 240_000): Promise<number> {
    const started = Date.now();
    const log = openSync(path.join(this.dataDir, 'ruta.log'), 'a');
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      RUTA_PORT: String(this.ports.api),
      RUTA_PUBLIC_URL: this.baseUrl,
      TEMPORAL_PORT: String(this.ports.temporal),
      TEMPORAL_UI_PORT: String(this.ports.temporalUi),
      RUTA_EMBEDDED_PG_PORT: String(this.ports.postgres),
      RUTA_DATA_DIR: this.dataDir,
      RUTA_WORKERS: String(this.workers),
      RUTA_ADMIN_EMAIL: 'chaos@ruta.local',
      RUTA_ADMIN_PASSWORD: 'chaos-password-123',
      RUTA_API_KEY: this.apiKey,
      RUTA_INGEST_RATE: '1000',
      RUTA_INGEST_BURST: '5000',
      LOG_FORMAT: 'json',
      LOG_LEVEL: 'info',
    };
    for (const key of Object.keys(env)) {
      if (key.startsWith('VITEST') || key === 'NODE_OPTIONS' || key === 'DATABASE_URL')
        delete env[key];
    }
    delete env.TEMPORAL_ADDRESS;
    this.launcher = spawn(process.execPath, ['--import', 'tsx', LAUNCHER], {
      cwd: REPO,
      env,
      stdio: ['ignore', log, log],
    });
    const exited = new Promise<never>((_, reject) =>
      this.launcher?.once('exit', (code) =>
        reject(
          new Error(`Ruta's launcher exited during start (${code}); see ${this.dataDir}/ruta.log`),
        ),
      ),
    );
    await Promise.race([this.waitHealthy(timeoutMs), exited]);
    return Date.now() - started;
  }

  /** Resolves once GET /api/health answers ok (PostgreSQL and Temporal both reachable). */
  async waitHealthy(timeoutMs: number): Promise<number> {
    const started = Date.now();
    for (;;) {
      const res = await fetch(`${this.baseUrl}/api/health`, {
        signal: AbortSignal.timeout(5_000),
      }).catch(() => undefined);
      if (res?.ok) return Date.now() - started;
      if (Date.now() - started > timeoutMs)
        throw new Error(`Ruta was not healthy within ${timeoutMs / 1000} s`);
      await new Promise((r) => setTimeout(r, 200));
    }
  }

  async pids(): Promise<Pids> {
    for (let attempt = 0; ; attempt++) {
      try {
        return JSON.parse(
          await readFile(path.join(this.dataDir, 'processes.json'), 'utf8'),
        ) as Pids;
      } catch (error) {
        if (attempt >= 20) throw error;
        await new Promise((r) => setTimeout(r, 50));
      }
    }
  }

  /** Ctrl-C: the launcher stops everything it started. */
  async stop(timeoutMs = 90_000): Promise<void> {
    const launcher = this.launcher;
    if (!launcher || launcher.exitCode !== null || launcher.signalCode !== null) return;
    const done = new Promise<void>((resolve) => launcher.once('exit', () => resolve()));
    launcher.kill('SIGINT');
    const timer = setTimeout(() => launcher.kill('SIGKILL'), timeoutMs);
    await done;
    clearTimeout(timer);
  }

  /** Freezes the launcher (SIGSTOP) so a process it supervises stays down until `resume`. */
  pauseSupervision(): void {
    this.launcher?.kill('SIGSTOP');
  }

  resumeSupervision(): void {
    this.launcher?.kill('SIGCONT');
  }
}

export function kill(pid: number | undefined, signal: NodeJS.Signals = 'SIGKILL'): boolean {
  if (!pid) return false;
  try {
    process.kill(pid, signal);
    return true;
  } catch {
    return false;
  }
}
