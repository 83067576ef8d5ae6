import type { Sql } from '@ruta/platform';
import type { Client } from '@temporalio/client';
import { WorkflowIdReusePolicy } from '@temporalio/common';

/** As Ruta's sweep: pages of 500 contacts, eight enrollments of a page in flight at once. */
const PAGE = 500;
const IN_FLIGHT = 8;

/**
 * The hand-written sweep's one activity, the way a team writes "send everyone in the segment our
 * WhatsApp": read a page of the segment (the condition in SQL), start each contact's workflow
 * (`signalWithStart`, one id per contact and campaign, so a retried page never starts one twice)
 * and say where the next page starts. Run by the bare worker; compared with Ruta's segment sweep.
 */
export function createHandwrittenSweepActivities(sql: Sql, client: Client, taskQueue: string) {
  return {
    async hwSweepPage(input: { campaign: string; after?: string }): Promise<{
      started: number;
      next?: string;
    }> {
      const rows = await sql<{ id: string }[]>`
        select id from hw_contacts
        where last_order_at < now() - interval '60 days' and (consent ->> 'whatsapp')::boolean
          ${input.after ? sql`and id > ${input.after}` : sql``}
        order by id limit ${PAGE}`;
      let next = 0;
      await Promise.all(
        Array.from({ length: Math.min(IN_FLIGHT, rows.length) }, async () => {
          for (let i = next++; i < rows.length; i = next++) {
            const contactId = (rows[i] as { id: string }).id;
            await client.workflow.signalWithStart('handwrittenCartWorkflow', {
              taskQueue,
              workflowId: `hw-sweep/${input.campaign}/${contactId}`,
              args: [
                {
                  contactId,
                  eventId: input.campaign,
                  cartTotal: '',
                  cartUrl: '',
                  timeoutMs: 24 * 3_600_000,
                },
              ],
              signal: 'enroll',
              signalArgs: [{ eventId: input.campaign }],
              workflowIdReusePolicy: WorkflowIdReusePolicy.ALLOW_DUPLICATE,
            });
          }
        }),
      );
      return {
        started: rows.length,
        ...(rows.length === PAGE ? { next: rows.at(-1)?.id } : {}),
      };
    },
  };
}

export type HandwrittenSweepActivities = ReturnType<typeof createHandwrittenSweepActivities>;
