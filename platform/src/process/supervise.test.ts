import { afterEach, describe, expect, test } from 'vitest';
import { createLogger } from '../logger';
import { spawnManaged } from './child';
import { type Supervisor, supervise } from './supervise';

const log = createLogger('test', 'silent');
let supervisor: Supervisor | undefined;
afterEach(async () => {
  await supervisor?.stop();
  supervisor = undefined;
});

/** A real child process that runs until killed. */
function sleeper() {
  const child = spawnManaged(
    'sleeper',
    process.execPath,
    ['-e', 'setInterval(() => {}, 1e6)'],
    log,
  );
  return Promise.resolve({
    exited: child.exited,
    pid: child.process.pid,
    stop: () => child.stop(1_000),
  });
}

async function until(check: () => boolean, timeoutMs = 10_000) {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 50));
  }
}

function alive(pid: number | undefined): boolean {
  if (!pid) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

describe('supervise', () => {
  test('a process killed with SIGKILL is started again; stop() ends it for good', async () => {
    const pids: (number | undefined)[] = [];
    supervisor = await supervise('sleeper', sleeper, log, {
      initialDelayMs: 50,
      onStart: (p) => pids.push(p.pid),
    });
    const first = supervisor.current()?.pid;
    process.kill(first as number, 'SIGKILL');
    await until(() => pids.length === 2 && supervisor?.current() !== undefined);
    expect(supervisor.restarts()).toBe(1);
    const second = supervisor.current()?.pid;
    expect(second).not.toBe(first);
    expect(alive(second)).toBe(true);
    await supervisor.stop();
    await new Promise((r) => setTimeout(r, 300));
    expect(alive(second)).toBe(false);
    expect(pids).toHaveLength(2);
  });

  test('a start that fails is tried again with backoff', async () => {
    let calls = 0;
    supervisor = await supervise(
      'flaky',
      async () => {
        calls += 1;
        if (calls === 2) throw new Error('port still taken');
        return sleeper();
      },
      log,
      { initialDelayMs: 50 },
    );
    process.kill(supervisor.current()?.pid as number, 'SIGKILL');
    await until(() => calls === 3 && supervisor?.current() !== undefined);
    expect(alive(supervisor.current()?.pid)).toBe(true);
  });
});
