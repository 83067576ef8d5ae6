import type { ActivityInboundCallsInterceptor, WorkerOptions } from '@temporalio/worker';
import type { ProbeMessage } from './processes';

function report(message: ProbeMessage) {
  process.send?.(message);
}

/**
 * Worker interceptors that report each (non-local) activity's start to the benchmark over IPC:
 * the moment the worker begins running the activity's code. Both workers use the same probe, so
 * "activity started" means the same thing for Ruta and for the bare workflow.
 */
export const probeInterceptors: WorkerOptions['interceptors'] = {
  activity: [
    (ctx) => ({
      inbound: {
        async execute(input, next) {
          const info = ctx.info;
          if (!info.isLocal) {
            report({
              t: 'activity',
              workflowId: info.workflowExecution?.workflowId ?? '',
              type: info.activityType,
              startedAt: Date.now(),
              scheduledAt: info.currentAttemptScheduledTimestampMs,
            });
          }
          return next(input);
        },
      } satisfies ActivityInboundCallsInterceptor,
    }),
  ],
};

/** The workflow sink bare workflows call when they start waiting (not called during replay). */
export const probeSinks: WorkerOptions['sinks'] = {
  bench: {
    waiting: {
      fn: (info) => report({ t: 'waiting', workflowId: info.workflowId, at: Date.now() }),
      callDuringReplay: false,
    },
  },
};

export function reportReady() {
  report({ t: 'ready' });
}
