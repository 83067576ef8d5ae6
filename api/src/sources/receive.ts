import { SecretsKeyError } from '@ruta/platform';
import { SOURCE_PLATFORMS, type SourcePlatform } from '@ruta/shared';
import { type Context, Hono } from 'hono';
import type { AppEnv } from '../deps';
import { problemBody, problemResponse } from '../http/problem';
import { mapDelivery, processDelivery, storeDelivery } from './deliveries';
import { SHOPIFY_HEADERS } from './platforms/shopify';
import { isWooPing, WOO_HEADERS } from './platforms/woocommerce';
import { verifyHmac } from './signatures';
import { fullSourceConfig, type SourceRow, sourceById, sourceByWriteKey } from './source-store';
import { MalformedDeliveryError, type MappedDelivery } from './types';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export const PLATFORM_NAMES: Record<SourcePlatform, string> = {
  shopify: 'Shopify',
  tiendanube: 'Tiendanube',
  woocommerce: 'WooCommerce',
  segment: 'Segment',
};

/** How each store signs its webhooks: the header, the secret, the encoding of the HMAC-SHA256. */
const SIGNING: Record<
  Exclude<SourcePlatform, 'segment'>,
  { header: string; secret: string; encoding: 'base64' | 'hex' }
> = {
  shopify: { header: SHOPIFY_HEADERS.signature, secret: 'clientSecret', encoding: 'base64' },
  woocommerce: { header: WOO_HEADERS.signature, secret: 'webhookSecret', encoding: 'base64' },
  // https://tiendanube.github.io/api-documentation/resources/webhook: lowercase hex.
  tiendanube: { header: 'x-linkedstore-hmac-sha256', secret: 'appSecret', encoding: 'hex' },
};

/** The topic and delivery id of a store's webhook, from its headers (Tiendanube: its body). */
function describe(c: Context<AppEnv>, platform: SourcePlatform, body: string) {
  if (platform === 'shopify')
    return {
      topic: c.req.header(SHOPIFY_HEADERS.topic) ?? '',
      deliveryId: c.req.header(SHOPIFY_HEADERS.deliveryId),
    };
  if (platform === 'woocommerce')
    return {
      topic: c.req.header(WOO_HEADERS.topic) ?? '',
      deliveryId: c.req.header(WOO_HEADERS.deliveryId),
    };
  try {
    const parsed = JSON.parse(body) as { event?: unknown; id?: unknown };
    const topic = typeof parsed.event === 'string' ? parsed.event : '';
    // Tiendanube may send a notice twice; order/updated legitimately repeats (the order is read anew).
    const repeats = topic === 'order/updated' || parsed.id === undefined;
    return { topic, deliveryId: topic && !repeats ? `${topic}:${parsed.id}` : undefined };
  } catch {
    return { topic: '', deliveryId: undefined };
  }
}

const malformed = (c: Context<AppEnv>, platform: SourcePlatform, error: unknown) => {
  if (error instanceof MalformedDeliveryError)
    return problemResponse(
      c,
      problemBody('malformed_delivery', {
        platform: PLATFORM_NAMES[platform],
        reason: error.message,
      }),
    );
  throw error;
};

/**
 * Verified, mapped (a malformed body is refused with 400 and never kept), stored raw, then
 * processed. A delivery id seen before is answered again without processing it twice; a processing
 * failure keeps the delivery for replay and still answers 200 (retrying the same bytes cannot fix
 * a bug, and the delivery holds them).
 */
async function acceptDelivery(
  c: Context<AppEnv>,
  source: SourceRow,
  topic: string,
  deliveryId: string | undefined,
  body: string,
) {
  let mapped: MappedDelivery;
  try {
    mapped = mapDelivery(source.platform, topic, body);
  } catch (error) {
    return malformed(c, source.platform, error);
  }
  const deps = c.get('deps');
  const { row, repeat } = await storeDelivery(deps.sql, {
    source,
    topic,
    deliveryId,
    contentType: c.req.header('content-type'),
    body,
  });
  if (repeat && (row.status === 'processed' || row.status === 'ignored'))
    return { id: row.id, duplicate: true as const, status: row.status };
  const result = await processDelivery(deps, source, row, mapped);
  return { id: row.id, duplicate: false as const, status: result.status };
}

async function storeWebhook(c: Context<AppEnv>) {
  const platform = c.req.param('platform') as SourcePlatform;
  const id = c.req.param('sourceId') ?? '';
  const known = (SOURCE_PLATFORMS as readonly string[]).includes(platform);
  const source = known && UUID.test(id) ? await sourceById(c.get('deps').sql, id) : undefined;
  if (!source || source.platform !== platform)
    return problemResponse(
      c,
      problemBody('unknown_source', {
        platform: known ? PLATFORM_NAMES[platform] : platform,
        sourceId: id,
      }),
    );
  const raw = new Uint8Array(await c.req.arrayBuffer());
  const body = Buffer.from(raw).toString('utf8');
  if (platform === 'segment') return segmentCall(c, body, undefined, source);
  // WooCommerce pings a new webhook's address with `webhook_id=<id>`: answered, nothing kept.
  if (platform === 'woocommerce' && isWooPing(body)) return c.json({ received: 'ping' }, 200);
  const signing = SIGNING[platform];
  const { secrets, log } = c.get('deps');
  if (!secrets)
    return problemResponse(c, problemBody('secrets_key_missing', { purpose: 'webhooks' }));
  let secret: string | undefined;
  try {
    secret = fullSourceConfig(source, secrets)[signing.secret] as string | undefined;
  } catch (error) {
    if (!(error instanceof SecretsKeyError)) throw error;
    log.error({ sourceId: source.id }, 'source secret does not open: RUTA_SECRETS_KEY changed?');
  }
  if (!secret || !verifyHmac(secret, raw, c.req.header(signing.header), signing.encoding)) {
    log.warn({ sourceId: source.id, platform }, 'source delivery refused: bad signature');
    return problemResponse(
      c,
      problemBody('bad_source_signature', {
        platform: PLATFORM_NAMES[platform],
        header: signing.header,
      }),
    );
  }
  const { topic, deliveryId } = describe(c, platform, body);
  const accepted = await acceptDelivery(c, source, topic, deliveryId, body);
  if (accepted instanceof Response) return accepted;
  return c.json(
    { received: accepted.id, status: accepted.status, duplicate: accepted.duplicate },
    200,
  );
}

/** The write key: Basic auth's user name (Segment's HTTP API), else `writeKey` in the body. */
function writeKeyOf(c: Context<AppEnv>, body: string): string | undefined {
  const header = c.req.header('authorization') ?? '';
  const basic = /^Basic\s+(\S+)$/i.exec(header)?.[1];
  if (basic) {
    const decoded = Buffer.from(basic, 'base64').toString('utf8');
    const user = decoded.split(':', 1)[0];
    if (user) return user;
  }
  const bearer = /^Bearer\s+(\S+)$/i.exec(header)?.[1];
  if (bearer) return bearer;
  try {
    const parsed = JSON.parse(body) as { writeKey?: unknown };
    return typeof parsed.writeKey === 'string' ? parsed.writeKey : undefined;
  } catch {
    return undefined;
  }
}

/**
 * One Segment HTTP API call (`/v1/track`, `/v1/identify`, `/v1/page`, `/v1/batch`, or a webhook
 * destination posting single messages), answered as Segment does: 200 `{"success": true}`.
 */
async function segmentCall(
  c: Context<AppEnv>,
  body: string,
  typeFromPath: string | undefined,
  named?: SourceRow,
) {
  const deps = c.get('deps');
  const key = writeKeyOf(c, body);
  const source = key ? await sourceByWriteKey(deps.sql, key) : undefined;
  if (!source || (named && named.id !== source.id))
    return problemResponse(c, problemBody('bad_write_key', {}));
  let type = typeFromPath;
  let messageId: string | undefined;
  try {
    const parsed = JSON.parse(body) as Record<string, unknown>;
    type ??= Array.isArray(parsed.batch)
      ? 'batch'
      : typeof parsed.type === 'string'
        ? parsed.type
        : undefined;
    if (type !== 'batch' && typeof parsed.messageId === 'string') messageId = parsed.messageId;
  } catch {
    return malformed(c, 'segment', new MalformedDeliveryError('the body is not JSON'));
  }
  if (!type)
    return malformed(c, 'segment', new MalformedDeliveryError('a message without its type'));
  const accepted = await acceptDelivery(c, source, type, messageId, body);
  if (accepted instanceof Response) return accepted;
  return c.json({ success: true }, 200);
}

export const sourceWebhooks = new Hono<AppEnv>().post('/:platform/:sourceId', storeWebhook);

/** Segment's HTTP Tracking API, for Segment, RudderStack or Jitsu pointed at Ruta. */
export const segmentApi = new Hono<AppEnv>().post(
  '/:type{track|identify|page|screen|group|alias|batch|import}',
  async (c) => {
    const raw = await c.req.arrayBuffer();
    const type = c.req.param('type');
    return segmentCall(c, Buffer.from(raw).toString('utf8'), type === 'import' ? 'batch' : type);
  },
);
