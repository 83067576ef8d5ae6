import type { ReplyRouting, WaitingFor } from '@ruta/engine';

/** The message the provider (or the sandbox phone) says the reply answers, with its run. */
export interface AnsweredMessage {
  id: string;
  runId: string | null;
  workflowId: string | null;
  runActive: boolean;
}

/** One of the contact's runs in flight, with its newest outbound message on the reply's channel. */
export interface CandidateRun {
  runId: string;
  workflowId: string;
  waitingFor: WaitingFor | null;
  /** When the run last wrote its checkpoint (it writes one at every durable wait). */
  checkpointAt: Date;
  lastMessage: { id: string; at: Date; status: string } | null;
}

export interface ReplyTarget {
  runId: string;
  workflowId: string;
  /** The message the reply is taken to answer in that run. */
  messageId?: string;
}

export interface ReplyDecision {
  /** `none`: no journey waits for it; the reply stays on the contact's timeline. */
  routedBy: ReplyRouting | 'none';
  targets: ReplyTarget[];
  /** The message marked as replied. */
  repliedMessageId?: string;
  /** Why nobody got it, for the timeline. */
  note?: 'run_ended' | 'none_waiting';
}

/** The run waits for a reply now (older runs did not say which signals they wait for: maybe). */
function waitsForReply(run: CandidateRun): boolean {
  return run.waitingFor?.kind === 'signals' && run.waitingFor.reply !== false;
}

/**
 * Its newest message went out after its last checkpoint (or is still going out): the run is
 * between a send and its next wait, and the reply is most likely to that message.
 */
function betweenSendAndWait(run: CandidateRun): boolean {
  const last = run.lastMessage;
  if (!last) return false;
  return last.status === 'pending' || last.at.getTime() > run.checkpointAt.getTime();
}

/**
 * Where a reply goes (DESIGN §8.1), one rule for every channel:
 * 1. an opt-out (STOP, BAJA, PARAR, SAIR…) is contact-wide: every run in flight hears it;
 * 2. the provider names the message answered → that message's run only (nobody, if it ended);
 * 3. otherwise → the one run, among those waiting for a reply on that channel (or between a send
 *    there and their wait), whose newest message on that channel is the newest;
 * 4. none → kept on the contact ("no journey was waiting").
 */
export function routeReply(input: {
  optOut: boolean;
  answered?: AnsweredMessage;
  runs: CandidateRun[];
}): ReplyDecision {
  const { answered, runs } = input;
  if (input.optOut) {
    return {
      routedBy: 'opt_out',
      targets: runs.map((run) => ({
        runId: run.runId,
        workflowId: run.workflowId,
        ...(run.lastMessage ? { messageId: run.lastMessage.id } : {}),
      })),
      ...(answered ? { repliedMessageId: answered.id } : {}),
    };
  }
  if (answered) {
    if (answered.runId && answered.workflowId && answered.runActive) {
      return {
        routedBy: 'context',
        targets: [
          { runId: answered.runId, workflowId: answered.workflowId, messageId: answered.id },
        ],
        repliedMessageId: answered.id,
      };
    }
    return { routedBy: 'context', targets: [], repliedMessageId: answered.id, note: 'run_ended' };
  }
  let best: CandidateRun | undefined;
  for (const run of runs) {
    if (!run.lastMessage || !(waitsForReply(run) || betweenSendAndWait(run))) continue;
    if (!best?.lastMessage || run.lastMessage.at.getTime() > best.lastMessage.at.getTime())
      best = run;
  }
  if (!best?.lastMessage) return { routedBy: 'none', targets: [], note: 'none_waiting' };
  return {
    routedBy: 'latest_message',
    targets: [{ runId: best.runId, workflowId: best.workflowId, messageId: best.lastMessage.id }],
    repliedMessageId: best.lastMessage.id,
  };
}
