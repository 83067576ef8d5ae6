/** What the Vitest global setup hands every test file (through `inject('ruta')`). */
export interface HarnessInfo {
  temporalAddress: string;
  /** A URL on the test PostgreSQL server (any database); suites get their own database from the template. */
  serverUrl: string;
  templateDatabase: string;
  /** Temporal CLI used by the run (tests that start their own server, e.g. durability tests). */
  temporalCliPath: string | undefined;
}

declare module 'vitest' {
  export interface ProvidedContext {
    ruta: HarnessInfo;
  }
}
