import { randomUUID } from 'node:crypto';
import {
  deliverNow,
  handoffClosedSignal,
  OUTBOX_RETURNING,
  outboxRows,
  type SendOutcome,
  type SendRequest,
} from '@ruta/engine';
import { agentSendReason, escapeHtml, type SendContent, WHATSAPP_WINDOW_MS } from '@ruta/shared';
import { type AppDeps, enrollmentTarget } from '../deps';
import { problem } from '../http/problem';
import { ENGINE_CALL_MS } from '../http/unavailable';
import { type HandoffRow, markClosed } from './store';

/** How long it waits for the send itself (the provider's answer) before telling the agent to retry. */
const AGENT_SEND_WAIT_MS = 30_000;

/**
 * Liquid would read `{{ … }}` in what an agent writes: their words go out exactly as written
 * (`raw`), and the one sequence `raw` cannot hold is broken up with an invisible space.
 */
export function literal(text: string): string {
  return `{% raw %}${text.replace(/endraw/g, 'end\u200Braw')}{% endraw %}`;
}

export interface AgentMessageInput {
  text?: string;
  template?: { name: string; language: string; params: string[] };
  subject?: string;
  clientId?: string;
}

function contentFor(
  channel: SendRequest['node']['channel'],
  row: HandoffRow,
  input: AgentMessageInput,
): SendContent {
  const text = input.text ?? '';
  switch (channel) {
    case 'whatsapp':
      return {
        whatsapp: {
          ...(input.text ? { text: literal(text) } : {}),
          ...(input.template
            ? {
                template: {
                  name: input.template.name,
                  language: input.template.language,
                  params: input.template.params.map(literal),
                },
              }
            : {}),
          buttons: [],
        },
      };
    case 'sms':
      return { sms: { text: literal(text) } };
    case 'rcs':
      return { rcs: { text: literal(text), buttons: [] } };
    case 'email':
      return {
        email: {
          subject: literal(input.subject ?? `Re: ${row.journey_name ?? row.queue}`),
          html: literal(`<p>${escapeHtml(text).replace(/\n/g, '<br>')}</p>`),
          text: literal(text),
        },
      };
  }
}

/**
 * An agent's answer, on the channel the customer was reached on: free text inside WhatsApp's
 * 24-hour window, an approved template outside it. Sent by a Temporal workflow through the
 * journey's own send activity (consent, idempotency, the message row, statuses, cost); the
 * first answer stops the hand-off's waiting clock and takes it for the agent.
 */
export async function sendAgentMessage(
  deps: AppDeps,
  row: HandoffRow,
  agent: { userId: string | null },
  input: AgentMessageInput,
) {
  if (row.status === 'closed') throw problem('handoff_closed', { result: row.result });
  if (!input.text && !input.template) throw problem('handoff_message_empty', {});
  const channel = row.channel ?? (row.phone ? 'whatsapp' : row.email ? 'email' : null);
  if (!channel || !row.run_id) throw problem('handoff_no_channel', {});
  if (channel !== 'whatsapp' && !input.text) throw problem('handoff_message_empty', {});
  if (channel === 'whatsapp' && !input.template) {
    const last = row.last_inbound_at?.whatsapp ? Date.parse(row.last_inbound_at.whatsapp) : 0;
    if (Date.now() - last >= WHATSAPP_WINDOW_MS)
      throw problem('handoff_window_closed', {
        closedAt: last ? new Date(last + WHATSAPP_WINDOW_MS).toISOString() : null,
      });
  }
  const workflowId = `${deps.config.workflowIdPrefix ?? ''}agent-message/${row.id}/${input.clientId ?? randomUUID()}`;
  const request: Omit<SendRequest, 'journeyNow'> = {
    runId: row.run_id,
    workflowId,
    workspaceId: row.workspace_id,
    journeyId: row.journey_id as string,
    journeyName: row.journey_name ?? row.queue,
    contactId: row.contact_id,
    nodeId: row.node_id ?? 'handoff',
    visit: 1,
    node: { channel, fallbackChannels: [], content: contentFor(channel, row, input) },
    ...(row.context.event
      ? {
          triggerEvent: {
            name: row.context.event.name,
            properties: row.context.event.properties,
            occurredAt: row.created_at.toISOString(),
          },
        }
      : {}),
    holdout: false,
    preview: false,
    agent: { handoffId: row.id, userId: agent.userId },
  };
  // Bounded: while Temporal does not answer the agent is told so at once (503, engine_unavailable)
  // instead of waiting on the client's retries; sending again with the same clientId joins the
  // same workflow, so the customer gets the message once.
  const { temporal } = deps;
  const handle = await temporal.withDeadline(Date.now() + ENGINE_CALL_MS, () =>
    temporal.workflow.start<(r: typeof request) => Promise<SendOutcome>>('agentMessageWorkflow', {
      taskQueue: deps.config.taskQueue,
      workflowId,
      workflowIdConflictPolicy: 'USE_EXISTING',
      args: [request],
    }),
  );
  const outcome = await temporal.withDeadline(Date.now() + AGENT_SEND_WAIT_MS, () =>
    handle.result(),
  );
  if (outcome.status === 'failed') {
    const first = outcome.reasons[0];
    if (first?.reason === 'window_closed')
      throw problem('handoff_window_closed', { closedAt: null });
    throw problem('handoff_not_sent', {
      channel,
      reason: agentSendReason(first?.reason ?? 'unknown', first?.message ?? 'not sent'),
    });
  }
  if (outcome.status === 'deferred') throw new Error('an agent message is never deferred');
  await deps.sql`
    update handoff_tasks set first_response_at = coalesce(first_response_at, now()),
      assigned_to = coalesce(assigned_to, ${agent.userId}),
      assigned_at = coalesce(assigned_at, now()), status = 'assigned'
    where id = ${row.id} and status <> 'closed'`;
  return { messageId: outcome.messageId, channel: outcome.channel, status: outcome.status };
}

/**
 * Closes the conversation with its result. A run waiting for it is told through the signal outbox
 * (so a close while Temporal blips still reaches it) and goes on by that result.
 */
export async function closeHandoff(
  deps: AppDeps,
  row: HandoffRow,
  result: 'sold' | 'solved' | 'no_sale',
  userId: string | null,
): Promise<void> {
  if (row.status === 'closed') throw problem('handoff_closed', { result: row.result });
  const { sql } = deps;
  const rows = await sql.begin(async (tx): Promise<Record<string, unknown>[]> => {
    if (!(await markClosed(tx as never, row, result, userId)))
      throw problem('handoff_closed', { result: null });
    if (!row.waits || !row.run_id) return [];
    return tx<Record<string, unknown>[]>`
      insert into signal_outbox (workspace_id, run_id, workflow_id, kind, signal, payload)
      select r.workspace_id, r.id, r.workflow_id, 'signal', ${handoffClosedSignal.name}::text,
             ${sql.json({ handoffId: row.id, result, ...(userId ? { by: userId } : {}) })}
      from runs r where r.id = ${row.run_id} and r.status = 'active'
      returning ${sql.unsafe(OUTBOX_RETURNING)}`;
  });
  await deliverNow({ ...enrollmentTarget(deps), log: deps.log }, outboxRows(rows));
}
