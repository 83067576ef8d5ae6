import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { createSql } from '@ruta/platform';
import { Client, Connection } from '@temporalio/client';
import { WorkflowIdReusePolicy } from '@temporalio/common';
import { z } from 'zod';

/**
 * The hand-written HTTP handler a team would put in front of its own Temporal cart workflow: it
 * checks the key, validates the event, stores the contact and the event in one statement and
 * enrolls with `signalWithStart` (one workflow per contact and cart), then answers 202. The same
 * work `POST /api/events` does for one journey, without Ruta's generality (no journeys to match,
 * no pilot groups, no outbox).
 */
const Event = z.object({
  id: z.string().min(1).max(200),
  name: z.string().min(1).max(120),
  contact: z.object({
    externalId: z.string().min(1).max(200),
    phone: z.string().max(32).optional(),
    firstName: z.string().max(120).optional(),
    consent: z.record(z.string(), z.boolean()).default({}),
  }),
  properties: z.record(z.string(), z.unknown()).default({}),
});

async function main() {
  const { DATABASE_URL, TEMPORAL_ADDRESS, BENCH_TASK_QUEUE, HW_PORT, HW_KEY } = process.env;
  if (!DATABASE_URL || !TEMPORAL_ADDRESS || !BENCH_TASK_QUEUE || !HW_PORT || !HW_KEY)
    throw new Error(
      'DATABASE_URL, TEMPORAL_ADDRESS, BENCH_TASK_QUEUE, HW_PORT, HW_KEY are required',
    );
  const sql = createSql(DATABASE_URL, { max: 20 });
  const connection = await Connection.connect({ address: TEMPORAL_ADDRESS });
  const client = new Client({ connection });

  async function receive(req: IncomingMessage, res: ServerResponse) {
    if (req.method !== 'POST' || req.url !== '/events')
      return reply(res, 404, { error: 'not found' });
    if (req.headers.authorization !== `Bearer ${HW_KEY}`) return reply(res, 401, { error: 'key' });
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const parsed = Event.safeParse(JSON.parse(Buffer.concat(chunks).toString('utf8') || 'null'));
    if (!parsed.success) return reply(res, 400, { error: parsed.error.issues });
    const event = parsed.data;
    const [stored] = await sql<{ contact_id: string; event_id: string }[]>`
      with c as (
        insert into hw_contacts (external_id, phone, first_name, consent)
        values (${event.contact.externalId}, ${event.contact.phone ?? null},
                ${event.contact.firstName ?? null}, ${sql.json(event.contact.consent)})
        on conflict (external_id) do update set phone = coalesce(excluded.phone, hw_contacts.phone),
          first_name = coalesce(excluded.first_name, hw_contacts.first_name),
          consent = hw_contacts.consent || excluded.consent, updated_at = now()
        returning id
      )
      insert into hw_events (client_event_id, contact_id, name, properties)
      select ${event.id}, c.id, ${event.name}, ${sql.json(event.properties as never)} from c
      returning contact_id, id as event_id`;
    if (!stored) throw new Error('event not stored');
    const cartId = String(event.properties.cart_id ?? event.id);
    const workflowId = `hw-cart/${stored.contact_id}/${cartId}`;
    await client.workflow.signalWithStart('handwrittenCartWorkflow', {
      taskQueue: BENCH_TASK_QUEUE as string,
      workflowId,
      args: [
        {
          contactId: stored.contact_id,
          eventId: stored.event_id,
          cartTotal: String(event.properties.cart_total ?? ''),
          cartUrl: String(event.properties.cart_url ?? ''),
          timeoutMs: 24 * 3_600_000,
        },
      ],
      signal: 'enroll',
      signalArgs: [{ eventId: stored.event_id }],
      workflowIdReusePolicy: WorkflowIdReusePolicy.ALLOW_DUPLICATE,
    });
    reply(res, 202, { contactId: stored.contact_id, workflowId });
  }

  const server = createServer((req, res) => {
    receive(req, res).catch((error) => reply(res, 500, { error: String(error) }));
  });
  server.listen(Number(HW_PORT), '127.0.0.1');
  process.once('SIGTERM', () => {
    server.close(async () => {
      await sql.end({ timeout: 5 });
      await connection.close();
      process.exit(0);
    });
  });
}

function reply(res: ServerResponse, status: number, body: unknown) {
  if (res.headersSent) return;
  res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
