import { TRIGGER_NODE_ID } from '@ruta/shared/workflow';
import { continueAsNew, workflowInfo } from '@temporalio/workflow';
import { local } from './activities';
import { dispatch } from './dispatch';
import { foldEngagement } from './engagement';
import { flush } from './journal';
import { RunContext } from './run-context';
import { installSignalHandlers, installStartingStateQuery } from './signal-handlers';
import type { JourneyRunInput, RunResult } from './types';

/** A safety net under the per-node loop bounds (`maxVisits`): no run takes more steps than this. */
export const MAX_STEPS_PER_RUN = 1_000;
/** Signals a run hands to its continuation; older ones live on as engagement facts. */
const CARRIED_SIGNALS = 50;

/**
 * One run of one journey version for one contact: walks the graph from the trigger, one handler
 * per node kind, until an exit, an unconnected output, a goal or a removal ends it.
 */
export async function journeyWorkflow(input: JourneyRunInput): Promise<RunResult> {
  installStartingStateQuery(input);
  const contact =
    input.carried?.contact ??
    input.contact ??
    (await local.loadContact({ workspaceId: input.workspaceId, contactId: input.contactId }));
  const ctx = new RunContext(input, contact);
  installSignalHandlers(ctx);
  if (!input.carried) {
    ctx.record(TRIGGER_NODE_ID, 'entered', {
      event: input.triggerEvent?.name,
      entryKey: input.entryKey,
      group: input.group,
      preview: input.preview !== undefined,
      version: input.version,
    });
  }

  let nodeId = input.carried ? input.carried.nextNodeId : ctx.next(TRIGGER_NODE_ID, 'next');
  let outcome = 'completed';
  while (nodeId !== undefined) {
    if (ctx.interrupt) break;
    if (workflowInfo().continueAsNewSuggested) {
      await flush(ctx);
      return continueAsNew<typeof journeyWorkflow>({ ...input, carried: carry(ctx, nodeId) });
    }
    const node = ctx.node(nodeId);
    const visit = (ctx.visits[nodeId] ?? 0) + 1;
    ctx.steps += 1;
    if (ctx.steps > MAX_STEPS_PER_RUN || (node.maxVisits !== undefined && visit > node.maxVisits)) {
      ctx.record(nodeId, 'visited', { visit, refused: 'loop_limit' });
      outcome = 'loop_limit';
      break;
    }
    ctx.visits[nodeId] = visit;
    ctx.currentNodeId = nodeId;
    ctx.record(nodeId, 'visited', { visit });
    const result = await dispatch(ctx, node, nodeId, visit);
    if (ctx.interrupt) break;
    if ('end' in result) {
      outcome = result.end;
      break;
    }
    ctx.record(nodeId, 'took', result.detail, result.port);
    const next = ctx.next(nodeId, result.port);
    if (next === undefined) {
      outcome = result.port;
      break;
    }
    nodeId = next;
  }
  return finish(ctx, ctx.interrupt?.outcome ?? outcome);
}

async function finish(ctx: RunContext, outcome: string): Promise<RunResult> {
  if (outcome === 'converted' && !ctx.convertedAt) ctx.convertedAt = new Date().toISOString();
  ctx.status = 'completed';
  ctx.outcome = outcome;
  ctx.waitingFor = undefined;
  ctx.record(ctx.currentNodeId ?? TRIGGER_NODE_ID, 'ended', {
    outcome,
    ...(ctx.interrupt?.detail ?? {}),
  });
  await flush(ctx);
  return { outcome, ...(ctx.convertedAt ? { convertedAt: ctx.convertedAt } : {}) };
}

function carry(ctx: RunContext, nextNodeId: string): NonNullable<JourneyRunInput['carried']> {
  return {
    nextNodeId,
    visits: ctx.visits,
    steps: ctx.steps,
    journalSeq: ctx.seq,
    sent: ctx.sent.slice(-20),
    // Consumed signals too: a branch right after a wait_for reads the reply the wait consumed.
    received: ctx.received.slice(-CARRIED_SIGNALS),
    engagement: foldEngagement(ctx.engagementBefore, ctx.received.slice(0, -CARRIED_SIGNALS)),
    saved: ctx.saved,
    convertedAt: ctx.convertedAt,
    startedAt: ctx.startedAt,
    contact: ctx.contact,
    deliveries: ctx.recentDeliveries(),
    ...(ctx.fallbackOnStatus ? { fallbackOnStatus: true } : {}),
  };
}
