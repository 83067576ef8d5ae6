import { parseArgs } from 'node:util';

/** Which server and worker settings a run uses: `default` as shipped before tuning, `tuned` after. */
export type Profile = 'default' | 'tuned';

export interface BenchOptions {
  smoke: boolean;
  /** Runs waiting at once for latency and memory (the size: 10,000). */
  waiting: number;
  /** Concurrent callers for enrollment (both sides). */
  concurrency: number;
  /** Replies measured for latency, and the rate they arrive at (open loop). */
  replies: number;
  replyRate: number;
  /** Seconds of autocannon per ingest target. */
  ingestSeconds: number;
  ingestConnections: number;
  /** Which measurements to run (1–6). */
  only: Set<number>;
  /** The dev server's store: an SQLite file (as `npm start`) or memory. */
  temporalDb: 'file' | 'memory';
  profile: Profile;
  /** PostgreSQL of the machine for ingest (#5); `off` skips it. */
  machinePg: string | undefined;
  /** Extra Ruta passes in #4, one per worker cache size (each enrolls its own population). */
  cacheSizes: number[];
  /** Contacts in #7's segment sweep (both sides). */
  sweep: number;
  /** A second Ruta pass with this many API processes and workers on one Temporal (0: none). */
  scaleOut: number;
  out: string;
  rebuildEditor: boolean;
}

const HELP = `pnpm bench [options]     Ruta against the bare Temporal engine, side by side (BENCHMARKS.md)

  --smoke                 tiny run (50 runs, no machine PostgreSQL): checks the harness, numbers mean little
  --scale <n>             runs waiting at once for #2 and #4 (default 10000; env BENCH_SCALE)
  --concurrency <n>       concurrent enrollment callers, both sides (default 50)
  --replies <n>           replies measured for #2 (default 600)    --reply-rate <n> per second (default 10)
  --ingest-seconds <n>    autocannon duration per database (default 15)  --ingest-connections <n> (default 50)
  --only <list>           measurements to run, e.g. 1,2,4 (default 1-6; 7, the segment sweep, on request)
  --sweep <n>             contacts in #7's segment sweep, both sides (default 10000; smoke 50)
  --temporal-db <file|memory>   dev server store (default file, as npm start)
  --profile <default|tuned>     server dynamic config and worker options (default tuned)
  --machine-pg <url|off>  the machine's PostgreSQL for #5 (default postgres://postgres@127.0.0.1:5432/postgres)
  --cache-sizes <list>    extra Ruta passes for #4, one per worker cache size, e.g. 100,500
  --scale-out <n>         one more Ruta pass with n API processes (round robin) and n workers, as
                          docker compose --scale worker=n runs them (with #1: the capacity check)
  --out <dir>             where results go (default bench/results)
  --rebuild-editor        run vite build even when editor/dist exists`;

export function parseOptions(argv: string[]): BenchOptions {
  const { values } = parseArgs({
    args: argv,
    options: {
      smoke: { type: 'boolean', default: false },
      scale: { type: 'string' },
      concurrency: { type: 'string' },
      replies: { type: 'string' },
      'reply-rate': { type: 'string' },
      'ingest-seconds': { type: 'string' },
      'ingest-connections': { type: 'string' },
      only: { type: 'string' },
      'temporal-db': { type: 'string' },
      profile: { type: 'string' },
      'machine-pg': { type: 'string' },
      'cache-sizes': { type: 'string' },
      'scale-out': { type: 'string' },
      sweep: { type: 'string' },
      out: { type: 'string' },
      'rebuild-editor': { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
    allowPositionals: false,
  });
  if (values.help) {
    console.log(HELP);
    process.exit(0);
  }
  const smoke = values.smoke === true || process.env.BENCH_SMOKE === '1';
  const int = (raw: string | undefined, fallback: number) => {
    if (raw === undefined) return fallback;
    const n = Number(raw);
    if (!Number.isFinite(n) || n <= 0) throw new Error(`expected a positive number, got "${raw}"`);
    return Math.round(n);
  };
  const waiting = int(values.scale ?? process.env.BENCH_SCALE, smoke ? 50 : 10_000);
  const profile = (values.profile ?? process.env.BENCH_PROFILE ?? 'tuned') as Profile;
  if (profile !== 'default' && profile !== 'tuned')
    throw new Error('--profile is default or tuned');
  const temporalDb = (values['temporal-db'] ?? 'file') as 'file' | 'memory';
  if (temporalDb !== 'file' && temporalDb !== 'memory')
    throw new Error('--temporal-db is file or memory');
  const machinePgRaw =
    values['machine-pg'] ??
    process.env.BENCH_MACHINE_PG ??
    (smoke ? 'off' : 'postgres://postgres@127.0.0.1:5432/postgres');
  return {
    smoke,
    waiting,
    concurrency: int(values.concurrency, smoke ? 10 : 50),
    replies: Math.min(int(values.replies, smoke ? 20 : 600), waiting),
    // 50/s saturates two shared cores (replies then queue for seconds on both sides): BENCHMARKS.md.
    replyRate: int(values['reply-rate'], 10),
    ingestSeconds: int(values['ingest-seconds'], smoke ? 2 : 15),
    ingestConnections: int(values['ingest-connections'], smoke ? 10 : 50),
    only: new Set(
      (values.only ?? '1,2,3,4,5,6')
        .split(',')
        .map((s) => Number(s.trim()))
        .filter((n) => n >= 1 && n <= 7),
    ),
    temporalDb,
    profile,
    machinePg: machinePgRaw === 'off' ? undefined : machinePgRaw,
    cacheSizes: (values['cache-sizes'] ?? '')
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean)
      .map((s) => int(s, 0)),
    sweep: int(values.sweep, smoke ? 50 : 10_000),
    scaleOut: values['scale-out'] === undefined ? 0 : int(values['scale-out'], 0),
    out: values.out ?? new URL('../results', import.meta.url).pathname,
    rebuildEditor: values['rebuild-editor'] === true,
  };
}
