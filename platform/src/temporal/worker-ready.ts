import { Connection } from '@temporalio/client';

/** TASK_QUEUE_TYPE_ACTIVITY: Ruta's worker runs workflows and activities on one task queue. */
const ACTIVITY_TASKS = 2;

/**
 * Resolves once a worker polls the task queue: the launcher's readiness check, read from Temporal
 * itself (no credentials, no workflow started, nothing written).
 */
export async function waitForWorker(
  address: string,
  namespace: string,
  taskQueue: string,
  timeoutMs: number,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  const connection = await Connection.connect({ address, connectTimeout: 5_000 });
  try {
    while (Date.now() < deadline) {
      const described = await connection.workflowService
        .describeTaskQueue({
          namespace,
          taskQueue: { name: taskQueue },
          taskQueueType: ACTIVITY_TASKS,
        })
        .catch(() => undefined);
      if ((described?.pollers?.length ?? 0) > 0) return;
      await new Promise((r) => setTimeout(r, 250));
    }
  } finally {
    await connection.close();
  }
  throw new Error(`No Ruta worker polled the task queue ${taskQueue} within ${timeoutMs / 1000} s`);
}
