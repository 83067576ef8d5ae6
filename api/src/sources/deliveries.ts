import { TiendanubeApiError, tiendanubeGet } from '@ruta/engine';
import { isOutboundError, type Sql, STRICT_OUTBOUND } from '@ruta/platform';
import type { SourcePlatform } from '@ruta/shared';
import type { AppDeps } from '../deps';
import { applyDelivery, type DeliveryOutcome } from './apply';
import { parseJsonKeepingIds } from './json';
import { mapSegmentMessage, segmentMessages } from './platforms/segment';
import { mapShopify } from './platforms/shopify';
import {
  mapTiendanubeCheckout,
  mapTiendanubeOrder,
  TIENDANUBE_ORDER_EVENTS,
  tiendanubeNotice,
} from './platforms/tiendanube';
import { mapWooCommerce } from './platforms/woocommerce';
import type { DeliveryView } from './source-schemas';
import { fullSourceConfig, type SourceRow, sourceById } from './source-store';
import type { MappedDelivery } from './types';

/** A delivery's body as the platform sent it → what it becomes (throws MalformedDeliveryError). */
export function mapDelivery(platform: SourcePlatform, topic: string, body: string): MappedDelivery {
  switch (platform) {
    case 'shopify':
      return mapShopify(topic, parseJsonKeepingIds(body));
    case 'woocommerce':
      return mapWooCommerce(topic, parseJsonKeepingIds(body));
    case 'segment': {
      const mapped = segmentMessages(parseJsonKeepingIds(body), topic).map((m) =>
        mapSegmentMessage(m),
      );
      const items = mapped.flatMap((m) => m.items);
      const ignored = mapped.map((m) => m.ignored).filter(Boolean);
      return {
        items,
        ...(items.length === 0 && ignored.length ? { ignored: ignored.join('; ') } : {}),
      };
    }
    case 'tiendanube': {
      if (topic === 'checkout') return mapTiendanubeCheckout(parseJsonKeepingIds(body));
      const notice = tiendanubeNotice(parseJsonKeepingIds(body));
      if (!TIENDANUBE_ORDER_EVENTS.has(notice.event))
        return { items: [], ignored: `Tiendanube event ${notice.event} is not one Ruta uses` };
      return {
        items: [],
        fetchOrder: { id: notice.id, event: notice.event, storeId: notice.storeId },
      };
    }
  }
}

export interface StoredDelivery {
  id: string;
  workspace_id: string;
  source_id: string;
  platform: SourcePlatform;
  topic: string;
  delivery_id: string | null;
  body: string;
  status: 'received' | 'processed' | 'ignored' | 'failed';
  outcome: Record<string, unknown> | null;
  erased_at: Date | null;
}

/**
 * Stores the verified delivery as it came, before anything else happens to it. A delivery id seen
 * before answers the stored one (`repeat`), so a platform's retry is not kept twice.
 */
export async function storeDelivery(
  sql: Sql,
  delivery: {
    source: SourceRow;
    topic: string;
    deliveryId: string | undefined;
    contentType: string | undefined;
    body: string;
    test?: boolean;
  },
): Promise<{ row: StoredDelivery; repeat: boolean }> {
  const { source } = delivery;
  const [row] = await sql<StoredDelivery[]>`
    insert into source_deliveries (workspace_id, source_id, platform, topic, delivery_id, content_type, body, test)
    values (${source.workspace_id}, ${source.id}, ${source.platform}, ${delivery.topic},
            ${delivery.deliveryId ?? null}, ${delivery.contentType ?? null}, ${delivery.body}, ${delivery.test ?? false})
    on conflict (source_id, delivery_id) where delivery_id is not null do nothing
    returning *`;
  if (row) return { row, repeat: false };
  const [earlier] = await sql<StoredDelivery[]>`
    select * from source_deliveries where source_id = ${source.id} and delivery_id = ${delivery.deliveryId ?? null}`;
  if (!earlier) throw new Error('source delivery neither stored nor found');
  return { row: earlier, repeat: true };
}

export type ProcessResult =
  | { ok: true; status: 'processed' | 'ignored'; outcome: DeliveryOutcome }
  | { ok: false; status: 'failed' | 'received'; error: string };

/** Processes a stored delivery and records what it became; a failure is kept for replay. */
export async function processDelivery(
  deps: AppDeps,
  source: SourceRow,
  delivery: StoredDelivery,
  mapped?: MappedDelivery,
): Promise<ProcessResult> {
  try {
    let resolved = mapped ?? mapDelivery(source.platform, delivery.topic, delivery.body);
    if (resolved.fetchOrder)
      resolved = await readTiendanubeOrder(deps, source, resolved.fetchOrder);
    const outcome = await applyDelivery(
      deps,
      {
        workspaceId: source.workspace_id,
        defaultCountry: (source.config.defaultCountry as string | undefined) ?? undefined,
      },
      resolved,
    );
    const status =
      outcome.events.length === 0 && outcome.contactIds.length === 0 ? 'ignored' : 'processed';
    await deps.sql`
      update source_deliveries set status = ${status}, outcome = ${deps.sql.json(outcome as never)},
        error = null, processed_at = now()
      where id = ${delivery.id}`;
    return { ok: true, status, outcome };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    // The store's API unreachable or busy: left `received`, the background pass tries again later.
    const transient =
      isOutboundError(error) ||
      (error instanceof TiendanubeApiError && (error.status === 429 || error.status >= 500));
    deps.log.error(
      { err: error, deliveryId: delivery.id, transient },
      transient
        ? 'source delivery not processed yet; retried later'
        : 'source delivery failed; kept for replay',
    );
    await deps.sql`
      update source_deliveries set status = ${transient ? 'received' : 'failed'}, error = ${message},
        processed_at = now()
      where id = ${delivery.id}`;
    return { ok: false, status: transient ? 'received' : 'failed', error: message };
  }
}

/** A Tiendanube webhook names an order; its content is read from the store's API. */
async function readTiendanubeOrder(
  deps: AppDeps,
  source: SourceRow,
  order: { id: string; event: string; storeId: string },
): Promise<MappedDelivery> {
  const config = fullSourceConfig(source, deps.secrets);
  if (String(config.storeId) !== order.storeId)
    return { items: [], ignored: `the webhook is about store ${order.storeId}, not this source's` };
  const body = await tiendanubeGet({
    baseUrl: deps.config.providerApiUrls?.tiendanube,
    storeId: order.storeId,
    accessToken: String(config.accessToken ?? ''),
    path: `/orders/${encodeURIComponent(order.id)}`,
    policy: deps.config.outbound ?? STRICT_OUTBOUND,
  });
  if (body === undefined) return { items: [], ignored: `Tiendanube has no order ${order.id}` };
  return mapTiendanubeOrder(body, order.event);
}

export async function findDelivery(sql: Sql, sourceId: string, id: string) {
  const [row] = await sql<StoredDelivery[]>`
    select * from source_deliveries where id = ${id} and source_id = ${sourceId}`;
  return row;
}

export async function listDeliveries(
  sql: Sql,
  sourceId: string,
  limit: number,
  only?: string,
): Promise<DeliveryView[]> {
  const rows = await sql<
    (StoredDelivery & {
      test: boolean;
      error: string | null;
      received_at: Date;
      processed_at: Date | null;
    })[]
  >`
    select * from source_deliveries
    where source_id = ${sourceId} and (${only ?? null}::uuid is null or id = ${only ?? null})
    order by received_at desc, id limit ${limit}`;
  return rows.map((row) => ({
    id: row.id,
    topic: row.topic,
    deliveryId: row.delivery_id,
    status: row.status,
    test: row.test,
    outcome: row.outcome as DeliveryView['outcome'],
    error: row.error,
    reason: deliveryReason(row),
    body: row.erased_at ? null : row.body,
    receivedAt: row.received_at.toISOString(),
    processedAt: row.processed_at?.toISOString() ?? null,
  }));
}

/**
 * Deliveries stored but not processed: read by a Tiendanube source's schedule (abandoned
 * checkouts), or whose request died before processing. Every API process runs this; a row is
 * leased by stamping `processed_at`, so two processes do not take the same one.
 */
export async function processPendingDeliveries(deps: AppDeps): Promise<number> {
  const rows = await deps.sql<StoredDelivery[]>`
    update source_deliveries set processed_at = now()
    where id in (
      select id from source_deliveries
      where status = 'received' and received_at < now() - interval '2 seconds'
        and (processed_at is null or processed_at < now() - interval '2 minutes')
      order by received_at limit 50
      for update skip locked)
    returning *`;
  for (const row of rows) {
    const source = await sourceById(deps.sql, row.source_id);
    if (source) await processDelivery(deps, source, row);
  }
  return rows.length;
}

function deliveryReason(row: StoredDelivery & { error: string | null }): string | null {
  if (row.status === 'failed') return row.error;
  if (row.status !== 'ignored') return null;
  const outcome = row.outcome as Partial<DeliveryOutcome> | null;
  return [outcome?.ignored, ...(outcome?.skipped ?? [])].filter(Boolean).join('; ') || null;
}
