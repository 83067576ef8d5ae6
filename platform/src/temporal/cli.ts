import { execFile } from 'node:child_process';
import { access, constants, mkdir, readdir, rename } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import type { Logger } from '../logger';
import { rutaCacheDir } from '../paths';

const run = promisify(execFile);

/** The newest Temporal CLI that `go install` can build (Server 1.29.1, UI 2.42.1). */
export const TEMPORAL_CLI_VERSION = 'v1.5.1';
const GO_PACKAGE = `github.com/temporalio/cli/cmd/temporal@${TEMPORAL_CLI_VERSION}`;

export class TemporalCliUnavailableError extends Error {}

interface Attempt {
  source: string;
  problem: string;
}

async function isExecutable(file: string): Promise<boolean> {
  try {
    await access(file, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** True when `temporal --version` runs and names a server build. */
async function answersVersion(file: string): Promise<boolean> {
  try {
    const { stdout } = await run(file, ['--version'], { timeout: 30_000 });
    return /temporal version/i.test(stdout);
  } catch {
    return false;
  }
}

async function onPath(name: string, env: NodeJS.ProcessEnv): Promise<string | undefined> {
  for (const dir of (env.PATH ?? '').split(path.delimiter)) {
    if (!dir) continue;
    const candidate = path.join(dir, name);
    if (await isExecutable(candidate)) return candidate;
  }
  return undefined;
}

async function goVersion(): Promise<[number, number] | undefined> {
  try {
    const { stdout } = await run('go', ['env', 'GOVERSION'], { timeout: 30_000 });
    const match = /go(\d+)\.(\d+)/.exec(stdout);
    return match ? [Number(match[1]), Number(match[2])] : undefined;
  } catch {
    return undefined;
  }
}

async function buildWithGo(cacheDir: string, log: Logger): Promise<string> {
  const version = await goVersion();
  if (!version) throw new Error('Go is not installed (no `go` on PATH).');
  const [major, minor] = version;
  if (major < 1 || (major === 1 && minor < 25)) {
    throw new Error(`Go ${major}.${minor} is too old; ${GO_PACKAGE} needs Go ≥ 1.25.`);
  }
  const staging = `${cacheDir}.building-${process.pid}`;
  await mkdir(staging, { recursive: true });
  log.info(
    { package: GO_PACKAGE },
    'building the Temporal dev server, one time, about 3 minutes (cached for every later start)',
  );
  const started = Date.now();
  await run('go', ['install', GO_PACKAGE], {
    env: { ...process.env, GOBIN: staging, CGO_ENABLED: '0' },
    timeout: 30 * 60_000,
    maxBuffer: 64 * 1024 * 1024,
  });
  await mkdir(cacheDir, { recursive: true });
  const target = path.join(cacheDir, 'temporal');
  await rename(path.join(staging, 'temporal'), target);
  log.info({ seconds: Math.round((Date.now() - started) / 1000) }, 'Temporal dev server built');
  return target;
}

/** Last resort where there is internet: the Temporal SDK's own cached download of the CLI. */
async function downloadWithSdk(cacheDir: string, log: Logger): Promise<string> {
  const downloadDir = path.join(cacheDir, 'sdk-download');
  await mkdir(downloadDir, { recursive: true });
  log.info('downloading the Temporal dev server through the Temporal SDK');
  const { TestWorkflowEnvironment } = await import('@temporalio/testing');
  const env = await TestWorkflowEnvironment.createLocal({
    server: { executable: { type: 'cached-download', downloadDir } },
  });
  await env.teardown();
  for (const entry of await readdir(downloadDir)) {
    const candidate = path.join(downloadDir, entry);
    if (entry.startsWith('temporal') && (await isExecutable(candidate))) return candidate;
  }
  throw new Error(`the SDK download finished but no temporal binary is in ${downloadDir}.`);
}

/**
 * Yields a working `temporal` CLI, trying in order: TEMPORAL_CLI_PATH, `temporal` on PATH,
 * the cached build, `go install` into the cache, the SDK's download.
 */
export async function provisionTemporalCli(
  log: Logger,
  env: NodeJS.ProcessEnv = process.env,
): Promise<string> {
  const attempts: Attempt[] = [];
  const explicit = env.TEMPORAL_CLI_PATH?.trim();
  if (explicit) {
    if (await answersVersion(explicit)) return explicit;
    attempts.push({
      source: `TEMPORAL_CLI_PATH=${explicit}`,
      problem: 'does not run `temporal --version`',
    });
  }
  const fromPath = await onPath('temporal', env);
  if (fromPath && (await answersVersion(fromPath))) return fromPath;
  attempts.push({ source: '`temporal` on PATH', problem: fromPath ? 'does not run' : 'not found' });

  const cacheDir = path.join(rutaCacheDir(env), 'temporal-cli', TEMPORAL_CLI_VERSION);
  const cached = path.join(cacheDir, 'temporal');
  if (await answersVersion(cached)) return cached;
  attempts.push({ source: `cached build ${cached}`, problem: 'not built yet' });

  try {
    return await buildWithGo(cacheDir, log);
  } catch (error) {
    attempts.push({ source: `go install ${GO_PACKAGE}`, problem: (error as Error).message });
  }
  try {
    return await downloadWithSdk(cacheDir, log);
  } catch (error) {
    attempts.push({ source: 'Temporal SDK download', problem: (error as Error).message });
  }
  throw new TemporalCliUnavailableError(
    [
      'No Temporal dev server could be found or made. Tried:',
      ...attempts.map((a) => `  - ${a.source}: ${a.problem}`),
      'Any one of these fixes it:',
      '  - install the Temporal CLI and put `temporal` on PATH, or set TEMPORAL_CLI_PATH to it;',
      `  - install Go ≥ 1.25 so Ruta can build it (go install ${GO_PACKAGE});`,
      '  - allow internet access so the Temporal SDK can download it;',
      '  - or point TEMPORAL_ADDRESS at a Temporal server you already run.',
    ].join('\n'),
  );
}
