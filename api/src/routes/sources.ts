import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import { audit } from '../audit/audit-log';
import type { AppEnv } from '../deps';
import { notFound, problem } from '../http/problem';
import { validationHook } from '../http/validation';
import {
  findDelivery,
  listDeliveries,
  mapDelivery,
  processDelivery,
  storeDelivery,
} from '../sources/deliveries';
import { ensurePollSchedule, removePollSchedule } from '../sources/poll-schedule';
import { asTestDelivery, sampleDelivery } from '../sources/samples';
import {
  CreateSource,
  DeliveryView,
  SourceList,
  SourceView,
  UpdateSource,
} from '../sources/source-schemas';
import {
  createSource,
  findSource,
  listSources,
  sourceView,
  updateSource,
} from '../sources/source-store';
import { IdParam, json, jsonBody, problemResponses } from './schemas';

const tags = ['Sources'];

const DeliveryParams = IdParam.extend({
  deliveryId: z
    .string()
    .uuid()
    .openapi({ param: { name: 'deliveryId', in: 'path' } }),
});
const DeliveryQuery = z.object({ limit: z.coerce.number().int().min(1).max(200).default(20) });
const ReplayResult = z
  .object({
    id: z.string(),
    ok: z.boolean(),
    status: z.string().optional(),
    outcome: z.record(z.string(), z.unknown()).optional(),
    error: z.string().optional(),
  })
  .openapi('SourceDeliveryReplay');

/** `/api/sources`: the stores and CDPs that send events (their webhooks are public, signed). */
export const sources = new OpenAPIHono<AppEnv>({ defaultHook: validationHook })
  .openapi(
    createRoute({
      method: 'get',
      path: '/',
      tags,
      summary: "The workspace's stores and CDPs, newest first (secrets are never returned)",
      responses: { 200: json(SourceList, 'Sources'), ...problemResponses },
    }),
    async (c) => {
      const { sql, config } = c.get('deps');
      const rows = await listSources(sql, c.get('auth').workspaceId);
      return c.json({ items: rows.map((r) => sourceView(r, config.publicUrl)) }, 200);
    },
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/',
      tags,
      summary:
        'Connect a Shopify, Tiendanube or WooCommerce store or a Segment-compatible source; a Segment source’s write key is in this answer only',
      request: { body: jsonBody(CreateSource) },
      responses: { 201: json(SourceView, 'Created'), ...problemResponses },
    }),
    async (c) => {
      const { sql, secrets, config } = c.get('deps');
      const { row, writeKey } = await createSource(
        sql,
        secrets,
        c.get('auth').workspaceId,
        c.req.valid('json'),
      );
      await ensurePollSchedule(c.get('deps'), row);
      await audit(
        c,
        'source.created',
        { type: 'source', id: row.id, label: row.name },
        { platform: row.platform },
      );
      return c.json(
        { ...sourceView(row, config.publicUrl), ...(writeKey ? { writeKey } : {}) },
        201,
      );
    },
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/{id}',
      tags,
      summary: 'One source',
      request: { params: IdParam },
      responses: { 200: json(SourceView, 'Source'), ...problemResponses },
    }),
    async (c) => {
      const { sql, config } = c.get('deps');
      const { id } = c.req.valid('param');
      const row = await findSource(sql, c.get('auth').workspaceId, id);
      if (!row) throw notFound('source', id);
      return c.json(sourceView(row, config.publicUrl), 200);
    },
  )
  .openapi(
    createRoute({
      method: 'patch',
      path: '/{id}',
      tags,
      summary: 'Rename or change config; a secret left out or empty keeps its stored value',
      request: { params: IdParam, body: jsonBody(UpdateSource) },
      responses: { 200: json(SourceView, 'Updated'), ...problemResponses },
    }),
    async (c) => {
      const { sql, secrets, config } = c.get('deps');
      const { id } = c.req.valid('param');
      const row = await findSource(sql, c.get('auth').workspaceId, id);
      if (!row) throw notFound('source', id);
      const patch = c.req.valid('json');
      const updated = await updateSource(sql, secrets, row, patch);
      await ensurePollSchedule(c.get('deps'), updated);
      await audit(
        c,
        'source.updated',
        { type: 'source', id, label: updated.name },
        { platform: updated.platform, fields: Object.keys(patch.config ?? {}).sort() },
      );
      return c.json(sourceView(updated, config.publicUrl), 200);
    },
  )
  .openapi(
    createRoute({
      method: 'delete',
      path: '/{id}',
      tags,
      summary: 'Disconnect a source (its webhooks are refused from now on; its events stay)',
      request: { params: IdParam },
      responses: { 204: { description: 'Removed' }, ...problemResponses },
    }),
    async (c) => {
      const { sql } = c.get('deps');
      const { id } = c.req.valid('param');
      const [removed] = await sql<{ name: string; platform: string }[]>`
        delete from sources where id = ${id} and workspace_id = ${c.get('auth').workspaceId}
        returning name, platform`;
      if (!removed) throw notFound('source', id);
      await removePollSchedule(c.get('deps'), { id, platform: removed.platform });
      await audit(
        c,
        'source.deleted',
        { type: 'source', id, label: removed.name },
        { platform: removed.platform },
      );
      return c.body(null, 204);
    },
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/{id}/deliveries',
      tags,
      summary:
        'Recent deliveries, newest first: the raw body, and what each became (events, contacts) or why it was ignored or failed',
      request: { params: IdParam, query: DeliveryQuery },
      responses: {
        200: json(z.object({ items: z.array(DeliveryView) }), 'Deliveries'),
        ...problemResponses,
      },
    }),
    async (c) => {
      const { sql } = c.get('deps');
      const { id } = c.req.valid('param');
      const source = await findSource(sql, c.get('auth').workspaceId, id);
      if (!source) throw notFound('source', id);
      return c.json({ items: await listDeliveries(sql, id, c.req.valid('query').limit) }, 200);
    },
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/{id}/deliveries/{deliveryId}/replay',
      tags,
      summary:
        'Process a stored delivery again (after a failure was fixed); its events stay deduplicated',
      request: { params: DeliveryParams },
      responses: { 200: json(ReplayResult, 'Processed again'), ...problemResponses },
    }),
    async (c) => {
      const deps = c.get('deps');
      const { id, deliveryId } = c.req.valid('param');
      const source = await findSource(deps.sql, c.get('auth').workspaceId, id);
      if (!source) throw notFound('source', id);
      const delivery = await findDelivery(deps.sql, id, deliveryId);
      if (!delivery) throw notFound('delivery', deliveryId);
      if (delivery.erased_at) throw problem('delivery_erased', {});
      const result = await processDelivery(deps, source, delivery);
      return c.json(
        result.ok
          ? { id: deliveryId, ok: true, status: result.status, outcome: result.outcome as never }
          : { id: deliveryId, ok: false, error: result.error },
        200,
      );
    },
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/{id}/test',
      tags,
      summary:
        "Send a test event: a sample of the platform's checkout, mapped and ingested like a real delivery for a test contact (as `source_test`, so no journey messages anyone)",
      request: { params: IdParam },
      responses: {
        200: json(DeliveryView, 'The test delivery and what it became'),
        ...problemResponses,
      },
    }),
    async (c) => {
      const deps = c.get('deps');
      const { id } = c.req.valid('param');
      const source = await findSource(deps.sql, c.get('auth').workspaceId, id);
      if (!source) throw notFound('source', id);
      const sample = sampleDelivery(source.platform);
      const mapped = asTestDelivery(id, mapDelivery(source.platform, sample.topic, sample.body));
      const { row } = await storeDelivery(deps.sql, {
        source,
        topic: sample.topic,
        deliveryId: undefined,
        contentType: 'application/json',
        body: sample.body,
        test: true,
      });
      // The test contact is marked as one: sweeps and segment journeys leave it alone.
      await deps.sql`
        insert into contacts (workspace_id, external_id, email, first_name, last_name, test_contact)
        values (${source.workspace_id}, ${`ruta-test:${id}`}, 'prueba@ruta.invalid', 'Prueba', 'Ruta', true)
        on conflict (workspace_id, external_id) where external_id is not null
        do update set test_contact = true`;
      await processDelivery(deps, source, row, mapped);
      const [view] = await listDeliveries(deps.sql, id, 1, row.id);
      return c.json(view as never, 200);
    },
  );
