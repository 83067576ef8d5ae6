import { randomBytes } from 'node:crypto';
import { NativeConnection, Worker } from '@temporalio/worker';
import { describe, expect, test } from 'vitest';
import { harness } from '../testing/index';
import { waitForWorker } from './worker-ready';

describe('waitForWorker (the launcher knows a worker is up without credentials)', () => {
  test('waits for a poller on the task queue, and gives up when none comes', async () => {
    const { temporalAddress } = harness();
    const taskQueue = `ready-${randomBytes(4).toString('hex')}`;
    await expect(waitForWorker(temporalAddress, 'default', taskQueue, 500)).rejects.toThrow(
      taskQueue,
    );

    const connection = await NativeConnection.connect({ address: temporalAddress });
    const worker = await Worker.create({
      connection,
      taskQueue,
      activities: { idle: async () => undefined },
    });
    const running = worker.run();
    try {
      await waitForWorker(temporalAddress, 'default', taskQueue, 30_000);
    } finally {
      worker.shutdown();
      await running;
      await connection.close();
    }
  }, 60_000);
});
