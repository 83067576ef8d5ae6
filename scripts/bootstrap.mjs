#!/usr/bin/env node
// `npm start` / `npm test` on a fresh clone: needs only Node ≥ 20.19 and npm.
// Gets pnpm (without corepack, which cannot verify current pnpm releases on Node 20), installs the
// workspace's dependencies when the lockfile changed, then runs the command. Dependency-free on purpose.
import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const rootPackage = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8'));
const pnpmVersion = rootPackage.packageManager.replace(/^pnpm@/, '');

const commands = {
  start: ['node', ['--import', 'tsx', 'platform/src/cli/start.ts']],
  test: ['pnpm', ['run', '--silent', 'test:all']],
  'test:integration': ['pnpm', ['exec', 'vitest', 'run', '--project', 'integration']],
  'test:e2e': ['pnpm', ['--filter', '@ruta/e2e', 'run', 'test']],
  bench: ['pnpm', ['--filter', '@ruta/bench', 'run', 'bench']],
  'test:chaos': ['pnpm', ['--filter', '@ruta/chaos', 'run', 'chaos']],
};

function fail(message) {
  process.stderr.write(`\n${message}\n`);
  process.exit(1);
}

function checkNode() {
  const [major, minor] = process.versions.node.split('.').map(Number);
  if (major < 20 || (major === 20 && minor < 19)) {
    fail(
      `Ruta needs Node.js 20.19 or newer; this is ${process.versions.node}. Install a current Node.js LTS and try again.`,
    );
  }
}

function cacheDir() {
  const base = process.env.XDG_CACHE_HOME?.trim() || path.join(os.homedir(), '.cache');
  return path.join(base, 'ruta');
}

/** pnpm on PATH when it is the pinned major; otherwise the pinned version installed once into Ruta's cache. */
function findPnpm() {
  const onPath = spawnSync('pnpm', ['--version'], { encoding: 'utf8' });
  if (onPath.status === 0 && onPath.stdout.trim().split('.')[0] === pnpmVersion.split('.')[0])
    return 'pnpm';
  const prefix = path.join(cacheDir(), 'pnpm', pnpmVersion);
  const bin = path.join(prefix, 'node_modules', '.bin', 'pnpm');
  if (!existsSync(bin)) {
    console.log(`Installing pnpm ${pnpmVersion} into ${prefix} (one time)…`);
    mkdirSync(prefix, { recursive: true });
    const npm = spawnSync(
      'npm',
      [
        'install',
        '--prefix',
        prefix,
        '--no-audit',
        '--no-fund',
        '--loglevel=error',
        `pnpm@${pnpmVersion}`,
      ],
      {
        stdio: 'inherit',
      },
    );
    if (npm.status !== 0 || !existsSync(bin))
      fail(
        `Could not install pnpm ${pnpmVersion} with npm. Install it yourself (npm i -g pnpm@${pnpmVersion}) and try again.`,
      );
  }
  return bin;
}

function installFingerprint() {
  const hash = createHash('sha256');
  hash.update(readFileSync(path.join(root, 'pnpm-lock.yaml')));
  hash.update(readFileSync(path.join(root, 'pnpm-workspace.yaml')));
  hash.update(process.versions.node);
  return hash.digest('hex');
}

function ensureDependencies(pnpm) {
  const stamp = path.join(root, 'node_modules', '.ruta-install');
  const fingerprint = installFingerprint();
  if (existsSync(stamp) && readFileSync(stamp, 'utf8') === fingerprint) return;
  console.log('Installing dependencies (pnpm install)…');
  const result = spawnSync(pnpm, ['install', '--frozen-lockfile', '--prefer-offline'], {
    cwd: root,
    stdio: 'inherit',
  });
  if (result.status !== 0) fail('pnpm install failed (see above).');
  writeFileSync(stamp, fingerprint);
}

function run(pnpm, name, extraArgs) {
  const entry = commands[name];
  if (!entry) fail(`Unknown command "${name}". Use one of: ${Object.keys(commands).join(', ')}.`);
  const [command, args] = entry;
  const binDir = path.dirname(pnpm === 'pnpm' ? '' : pnpm);
  const env = {
    ...process.env,
    PATH: pnpm === 'pnpm' ? process.env.PATH : `${binDir}${path.delimiter}${process.env.PATH}`,
  };
  const child = spawn(command === 'node' ? process.execPath : pnpm, [...args, ...extraArgs], {
    cwd: root,
    stdio: 'inherit',
    env,
  });
  // Ctrl-C reaches the child directly (same process group); wait for it to finish its shutdown.
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
    process.on(signal, () => {
      if (signal !== 'SIGINT') child.kill(signal);
    });
  }
  child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
}

checkNode();
const [name = 'start', ...extraArgs] = process.argv.slice(2);
const pnpm = findPnpm();
ensureDependencies(pnpm);
run(pnpm, name, extraArgs);
