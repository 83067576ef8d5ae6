import { z } from '@hono/zod-openapi';
import {
  SegmentSourceConfig,
  ShopifySourceConfig,
  SourcePlatform,
  TiendanubeSourceConfig,
  WooCommerceSourceConfig,
} from '@ruta/shared';

const name = z.string().trim().min(1).max(120);

export const CreateSource = z
  .discriminatedUnion('platform', [
    z.object({ platform: z.literal('shopify'), name, config: ShopifySourceConfig }),
    z.object({ platform: z.literal('tiendanube'), name, config: TiendanubeSourceConfig }),
    z.object({ platform: z.literal('woocommerce'), name, config: WooCommerceSourceConfig }),
    z.object({
      platform: z.literal('segment'),
      name,
      config: SegmentSourceConfig.default({}),
    }),
  ])
  .openapi('CreateSource');
export type CreateSource = z.infer<typeof CreateSource>;

/**
 * Config fields are merged into the stored ones: a secret left out (or empty) keeps its value, and
 * `null` clears an optional field. The platform cannot change.
 */
export const UpdateSource = z
  .object({
    name: name.optional(),
    platform: SourcePlatform.optional(),
    config: z.record(z.string(), z.unknown()).optional(),
  })
  .openapi('UpdateSource');
export type UpdateSource = z.infer<typeof UpdateSource>;

export const SourceView = z
  .object({
    id: z.string(),
    platform: SourcePlatform,
    name: z.string(),
    /** The fields that may be shown; secrets never appear. */
    config: z.record(z.string(), z.unknown()),
    /** Which secret fields are stored. */
    secretsSet: z.array(z.string()),
    /** Where the platform sends its webhooks (a Segment source: its webhook destination). */
    webhookUrl: z.string(),
    /** A Segment source: the base of its Segment-compatible HTTP API (`/v1/track`, …). */
    apiBaseUrl: z.string().optional(),
    /** A Segment source: the first characters of its write key (the key is shown once). */
    writeKeyPrefix: z.string().optional(),
    /** Only in the answer that created a Segment source. */
    writeKey: z.string().optional(),
    lastDeliveryAt: z.string().nullable(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .openapi('Source');
export type SourceView = z.infer<typeof SourceView>;

export const SourceList = z.object({ items: z.array(SourceView) }).openapi('SourceList');

/** What a delivery became (sources/apply.ts). */
const DeliveryOutcome = z
  .object({
    events: z.array(
      z.object({
        name: z.string(),
        id: z.string(),
        status: z.enum(['accepted', 'duplicate']),
        contactId: z.string(),
        enrollments: z.array(z.record(z.string(), z.unknown())).optional(),
      }),
    ),
    contactId: z.string().optional(),
    contactIds: z.array(z.string()),
    skipped: z.array(z.string()).openapi({ description: 'Items that named nobody Ruta can reach' }),
    ignored: z.string().optional(),
    enrollments: z.array(z.record(z.string(), z.unknown())).optional(),
  })
  .openapi('SourceDeliveryOutcome');

export const DeliveryView = z
  .object({
    id: z.string(),
    topic: z.string(),
    deliveryId: z.string().nullable(),
    status: z.enum(['received', 'processed', 'ignored', 'failed']),
    test: z.boolean(),
    /** What it became: events with their names, ids and statuses, and the contacts. */
    outcome: DeliveryOutcome.nullable(),
    /** Why processing failed (replay it once fixed). */
    error: z.string().nullable(),
    /** Why it became nothing (ignored or failed), in a sentence; null when it became something. */
    reason: z.string().nullable(),
    body: z.string().nullable(),
    receivedAt: z.string(),
    processedAt: z.string().nullable(),
  })
  .openapi('SourceDelivery');
export type DeliveryView = z.infer<typeof DeliveryView>;
