import { buildTemplateContext, renderTemplate } from '@ruta/shared';
import type { TriggerEventSnapshot } from '../workflows/journey/types';
import { loadContactRow, toSnapshot } from './contact-row';
import type { ActivityDeps } from './deps';
import { runScopedKey } from './run-key';

export interface HandoffRequest {
  workspaceId: string;
  runId: string;
  contactId: string;
  journeyName: string;
  triggerEvent?: TriggerEventSnapshot;
  queue: string;
  note?: string;
  idempotencyKey: string;
}

export function createHandoffActivities({ sql }: ActivityDeps) {
  return {
    /** Hands the conversation to a person: an open task in the team's inbox (idempotent). */
    async createHandoff(input: HandoffRequest): Promise<{ taskId: string }> {
      let note = input.note ?? null;
      if (note) {
        const contact = toSnapshot(await loadContactRow(sql, input.workspaceId, input.contactId));
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
      const key = await runScopedKey(sql, 'handoff_tasks', [input.idempotencyKey], input.runId);
      const [task] = await sql<{ id: string }[]>`
        insert into handoff_tasks (workspace_id, run_id, contact_id, queue, note, idempotency_key)
        values (${input.workspaceId}, ${input.runId}, ${input.contactId}, ${input.queue}, ${note}, ${key})
        on conflict (idempotency_key) do update set queue = excluded.queue
        returning id`;
      if (!task) throw new Error('handoff task not recorded');
      return { taskId: task.id };
    },
  };
}
