import { buildTemplateContext, type Channel, renderTemplate } from '@ruta/shared';
import type { TriggerEventSnapshot } from '../workflows/journey/types';
import { loadContactRow, toSnapshot } from './contact-row';
import type { ActivityDeps } from './deps';
import { notifyHandoff } from './handoff-notify';
import { runScopedKey } from './run-key';

export interface HandoffRequest {
  workspaceId: string;
  runId: string;
  contactId: string;
  journeyName: string;
  triggerEvent?: TriggerEventSnapshot;
  queue: string;
  note?: string;
  /** The step that hands off (absent in runs started before the inbox). */
  nodeId?: string;
  /** The run waits for the agent's close. */
  waits?: boolean;
  /** The channel the run last sent on: where the agent answers. */
  lastChannel?: Channel;
  /** The customer's last reply the run received (what they tapped or wrote). */
  lastReply?: { channel: Channel; text: string | null; buttonId: string | null; at: string };
  idempotencyKey: string;
}

/** What the customer last did, for the agent: the newest inbound message since the run began. */
interface LastInbound {
  channel: Channel;
  text: string | null;
  button_id: string | null;
  received_at: Date;
}

export function createHandoffActivities(deps: ActivityDeps) {
  const { sql } = deps;
  return {
    /**
     * Hands the conversation to a person: a conversation in the queue's inbox with what the agent
     * needs (the trigger event — the cart —, what the customer tapped or wrote, the channel to
     * answer on). Idempotent: `created` is false when an earlier attempt made it; `notify` says
     * whether the queue has anyone to tell (emails, a webhook), so a run calls no activity for it
     * otherwise.
     */
    async createHandoff(
      input: HandoffRequest,
    ): Promise<{ taskId: string; created: boolean; notify: boolean }> {
      const contact = toSnapshot(await loadContactRow(sql, input.workspaceId, input.contactId));
      let note = input.note ?? null;
      if (note) {
        const rendered = await renderTemplate(
          note,
          buildTemplateContext({
            contact,
            event: input.triggerEvent
              ? { name: input.triggerEvent.name, properties: input.triggerEvent.properties }
              : null,
            journey: { name: input.journeyName },
          }),
        );
        note = rendered.ok ? rendered.text : note;
      }
      const [stored] = await sql<LastInbound[]>`
        select i.channel, i.text, i.button_id, i.received_at from inbound_messages i
        where i.contact_id = ${input.contactId}
          and i.received_at >= (select started_at from runs where id = ${input.runId})
        order by i.received_at desc limit 1`;
      const last = input.lastReply
        ? {
            channel: input.lastReply.channel,
            text: input.lastReply.text,
            button_id: input.lastReply.buttonId,
            received_at: new Date(input.lastReply.at),
          }
        : stored;
      const channel: Channel | null =
        input.lastChannel ??
        last?.channel ??
        (contact.phone ? 'whatsapp' : contact.email ? 'email' : null);
      const context = {
        ...(input.triggerEvent
          ? { event: { name: input.triggerEvent.name, properties: input.triggerEvent.properties } }
          : {}),
        ...(last
          ? {
              lastInbound: {
                channel: last.channel,
                text: last.text,
                buttonId: last.button_id,
                at: last.received_at.toISOString(),
              },
            }
          : {}),
      };
      const key = await runScopedKey(sql, 'handoff_tasks', [input.idempotencyKey], input.runId);
      const [task] = await sql<{ id: string; created: boolean; notify: boolean }[]>`
        insert into handoff_tasks (workspace_id, run_id, journey_id, node_id, contact_id, queue, note,
                                   channel, context, waits, idempotency_key)
        values (${input.workspaceId}, ${input.runId},
                (select journey_id from runs where id = ${input.runId}), ${input.nodeId ?? null},
                ${input.contactId}, ${input.queue}, ${note}, ${channel}, ${sql.json(context as never)},
                ${input.waits ?? false}, ${key})
        on conflict (idempotency_key) do update set queue = excluded.queue
        returning id, (xmax = 0) as created,
          exists (select 1 from handoff_queues q
                  where q.workspace_id = ${input.workspaceId} and q.queue = ${input.queue}
                    and (q.webhook_url is not null or cardinality(q.notify_user_ids) > 0)) as notify`;
      if (!task) throw new Error('handoff task not recorded');
      return { taskId: task.id, created: task.created, notify: task.notify };
    },

    /**
     * Tells the queue a conversation waits: its signed webhook and, by email through the
     * workspace's SMTP channel, the members it names (the inbox's badge needs nothing). At least
     * once: a retry may repeat a webhook, which carries the hand-off id to recognise it.
     */
    async notifyHandoff(input: {
      handoffId: string;
    }): Promise<{ webhook: string; emails: number }> {
      return notifyHandoff(deps, input.handoffId);
    },
  };
}
