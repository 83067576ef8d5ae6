import { type ChildProcess, spawn } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';

export const REPO = fileURLToPath(new URL('../../', import.meta.url));

/** What the workers' probes report over IPC (see probe.ts). */
export type ProbeMessage =
  | {
      t: 'activity';
      workflowId: string;
      type: string;
      /** When the activity's code started running in the worker (ms, this machine's clock). */
      startedAt: number;
      /** When the server scheduled it (ms, same clock: the server runs on this machine). */
      scheduledAt: number;
    }
  | { t: 'waiting'; workflowId: string; at: number }
  | { t: 'ready' };

/** Names of the Node children by pid (for per-process CPU accounting, cpu.ts). */
export const childNames = new Map<number, string>();

export interface NodeChild {
  name: string;
  child: ChildProcess;
  pid: number;
  output(): string;
  /** Resolves on the next probe message that satisfies `match`. */
  next(match: (m: ProbeMessage) => boolean, timeoutMs?: number): Promise<ProbeMessage>;
  onMessage(listener: (m: ProbeMessage) => void): () => void;
  rssMb(): Promise<number>;
  stop(): Promise<void>;
}

/**
 * An entry point as its own Node process, with an IPC channel for probes: TypeScript through tsx,
 * compiled JavaScript (`.mjs`/`.js`, as the worker ships) as it is, after `nodeFlags`.
 */
export function spawnNode(
  name: string,
  entry: string,
  env: NodeJS.ProcessEnv,
  args: string[] = [],
  nodeFlags: string[] = [],
): NodeChild {
  const childEnv: NodeJS.ProcessEnv = { ...process.env, ...env };
  delete childEnv.NODE_OPTIONS;
  // BENCH_CPU_PROF=<dir>: every child writes a V8 CPU profile there when it exits.
  const profile = process.env.BENCH_CPU_PROF
    ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_CPU_PROF}`]
    : [];
  const loader = entry.endsWith('.ts') ? ['--import', 'tsx'] : [];
  const child = spawn(process.execPath, [...profile, ...nodeFlags, ...loader, entry, ...args], {
    cwd: REPO,
    env: childEnv,
    stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
  });
  const lines: string[] = [];
  const keep = (chunk: Buffer) => {
    lines.push(chunk.toString());
    if (lines.length > 200) lines.splice(0, lines.length - 200);
    if (process.env.BENCH_VERBOSE) process.stderr.write(`[${name}] ${chunk}`);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  const listeners = new Set<(m: ProbeMessage) => void>();
  child.on('message', (m) => {
    for (const listener of listeners) listener(m as ProbeMessage);
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  if (child.pid === undefined) throw new Error(`${name} did not start`);
  const pid = child.pid;
  childNames.set(pid, name);
  const self: NodeChild = {
    name,
    child,
    pid,
    output: () => lines.join(''),
    onMessage(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    next(match, timeoutMs = 120_000) {
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => {
          off();
          reject(new Error(`${name}: no probe message in time.\n${self.output()}`));
        }, timeoutMs);
        const off = self.onMessage((m) => {
          if (!match(m)) return;
          clearTimeout(timer);
          off();
          resolve(m);
        });
        child.once('exit', (code) => {
          clearTimeout(timer);
          reject(new Error(`${name} exited (${code}).\n${self.output()}`));
        });
      });
    },
    rssMb: () => rssMb(pid),
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      await exited;
      clearTimeout(timer);
    },
  };
  return self;
}

/** Resident set size of a process, from /proc (Linux). */
export async function rssMb(pid: number): Promise<number> {
  const status = await readFile(`/proc/${pid}/status`, 'utf8');
  const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? Number.NaN);
  return kb / 1024;
}

/** Samples a resident size (one process's, or a group's sum) every `everyMs` until stopped; returns the peak. */
export function sampleRss(read: () => Promise<number>, everyMs = 250) {
  let peak = 0;
  let last = 0;
  const timer = setInterval(() => {
    read()
      .then((mb) => {
        last = mb;
        peak = Math.max(peak, mb);
      })
      .catch(() => {});
  }, everyMs);
  return {
    stop() {
      clearInterval(timer);
      return { peak, last };
    },
  };
}

/**
 * Several processes of one kind as one (the scale-out pass: N workers): probe messages from any
 * of them, RSS summed, stopped together. CPU is already summed per name (cpu.ts).
 */
export function childGroup(children: NodeChild[]): NodeChild {
  const [first] = children;
  if (!first) throw new Error('an empty process group');
  const self: NodeChild = {
    name: first.name,
    child: first.child,
    pid: first.pid,
    output: () => children.map((c) => c.output()).join('\n'),
    onMessage(listener) {
      const offs = children.map((c) => c.onMessage(listener));
      return () => {
        for (const off of offs) off();
      };
    },
    next(match, timeoutMs) {
      return Promise.race(children.map((c) => c.next(match, timeoutMs)));
    },
    rssMb: async () =>
      (await Promise.all(children.map((c) => c.rssMb()))).reduce((a, b) => a + b, 0),
    async stop() {
      await Promise.all(children.map((c) => c.stop()));
    },
  };
  return self;
}
