import { readdir, readFile } from 'node:fs/promises';
import { childNames } from './processes';

/** CPU seconds used so far, per process tree under this process (Linux /proc). */
export type CpuSnapshot = Map<string, number>;

const TICKS_PER_SECOND = 100; // USER_HZ on Linux

interface Proc {
  pid: number;
  ppid: number;
  comm: string;
  seconds: number;
}

async function readProc(pid: number): Promise<Proc | undefined> {
  try {
    const stat = await readFile(`/proc/${pid}/stat`, 'utf8');
    // comm is in parentheses and may hold spaces: split after the last ')'.
    const close = stat.lastIndexOf(')');
    const comm = stat.slice(stat.indexOf('(') + 1, close);
    const fields = stat.slice(close + 2).split(' ');
    // After comm: state(0) ppid(1) … utime(11) stime(12) cutime(13) cstime(14)
    const ticks = Number(fields[11]) + Number(fields[12]) + Number(fields[13]) + Number(fields[14]);
    return { pid, ppid: Number(fields[1]), comm, seconds: ticks / TICKS_PER_SECOND };
  } catch {
    return undefined; // gone meanwhile
  }
}

/**
 * Sums CPU time per child of this process (with all its descendants: PostgreSQL's backends, the
 * dev server's threads), labelled with `names` where the pid is known, else the command name.
 * The bench process itself (its load generators) is `bench`.
 */
export async function cpuSnapshot(names: Map<number, string>): Promise<CpuSnapshot> {
  const pids = (await readdir('/proc')).filter((d) => /^\d+$/.test(d)).map(Number);
  const procs = (await Promise.all(pids.map(readProc))).filter((p): p is Proc => p !== undefined);
  const byPid = new Map(procs.map((p) => [p.pid, p]));
  const self = process.pid;
  const totals: CpuSnapshot = new Map();
  for (const proc of procs) {
    // Walk up to the direct child of this process.
    let top: Proc | undefined = proc;
    while (top && top.ppid !== self && top.pid !== self) top = byPid.get(top.ppid);
    if (!top) continue;
    const label = top.pid === self ? 'bench' : (names.get(top.pid) ?? top.comm);
    totals.set(label, (totals.get(label) ?? 0) + proc.seconds);
  }
  return totals;
}

/** CPU seconds per process between two snapshots, largest first, rounded to 0.1 s. */
export function cpuBetween(before: CpuSnapshot, after: CpuSnapshot): Record<string, number> {
  const used = [...after].map(([label, s]) => [label, s - (before.get(label) ?? 0)] as const);
  return Object.fromEntries(
    used
      .filter(([, s]) => s >= 0.05)
      .sort((a, b) => b[1] - a[1])
      .map(([label, s]) => [label, Math.round(s * 10) / 10]),
  );
}

/** A meter over one phase: `const m = await cpuMeter(names); …; const used = await m.stop();`. */
export async function cpuMeter(names: Map<number, string> = childNames) {
  const before = await cpuSnapshot(names);
  return { stop: async () => cpuBetween(before, await cpuSnapshot(names)) };
}
