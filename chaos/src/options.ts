/** How big a run is: CI runs `small`, RELIABILITY.md reports `full`. */
export interface ChaosOptions {
  size: 'small' | 'full';
  /** Carts abandoned (each one run). */
  carts: number;
  /** Carts posted per second. */
  rate: number;
  /** Seconds between worker SIGKILLs during traffic. */
  workerKillEverySeconds: number;
  /** How long Temporal and PostgreSQL are held down in the long outages. */
  temporalOutageSeconds: number;
  postgresOutageSeconds: number;
  /** Where the JSON report goes. */
  out: string | undefined;
  /** Keep the data folder (and Ruta's log) even when every check passed. */
  keep: boolean;
}

export function parseOptions(argv: string[]): ChaosOptions {
  const flag = (name: string) => {
    const i = argv.indexOf(`--${name}`);
    return i >= 0 ? argv[i + 1] : undefined;
  };
  const size = flag('size') === 'full' ? 'full' : 'small';
  const base: ChaosOptions =
    size === 'full'
      ? {
          size,
          carts: 1_000,
          rate: 8,
          workerKillEverySeconds: 5,
          temporalOutageSeconds: 20,
          postgresOutageSeconds: 10,
          out: undefined,
          keep: false,
        }
      : {
          size,
          carts: 60,
          rate: 4,
          workerKillEverySeconds: 5,
          temporalOutageSeconds: 8,
          postgresOutageSeconds: 5,
          out: undefined,
          keep: false,
        };
  const carts = flag('carts');
  const rate = flag('rate');
  return {
    ...base,
    ...(carts ? { carts: Number(carts) } : {}),
    ...(rate ? { rate: Number(rate) } : {}),
    out: flag('out'),
    keep: argv.includes('--keep'),
  };
}
