import {
  asRecord,
  defined,
  type Json,
  MalformedDeliveryError,
  type MappedDelivery,
  type SourceContact,
  type SourceEvent,
  text,
} from '../types';
import { commerceProperties, type Item, quantity } from './commerce';

/**
 * The Segment spec as its HTTP Tracking API takes it
 * (https://segment.com/docs/connections/sources/catalog/libraries/server/http-api/): `track`,
 * `identify`, `page` and `batch`; `messageId` is the event id, `userId` the contact's external id,
 * `anonymousId` the contact until an identify names it, `traits` its attributes. The e-commerce
 * spec's names (https://segment.com/docs/connections/spec/ecommerce/v2/) become Ruta's: "Checkout
 * Started" → `checkout_started`, "Order Completed" → `order_placed`, joined by `order_id`.
 */
export const SEGMENT_TYPES = ['track', 'identify', 'page', 'screen', 'group', 'alias'] as const;

const TRAIT_FIELDS = new Set([
  'email',
  'phone',
  'firstName',
  'first_name',
  'lastName',
  'last_name',
  'name',
  'id',
  'userId',
]);

const SPEC_EVENTS: Record<string, string> = {
  'checkout started': 'checkout_started',
  'order completed': 'order_placed',
};

/** "Product Viewed" → product_viewed; a name Ruta cannot keep falls back to `segment_event`. */
export function rutaEventName(event: string): string {
  const spec = SPEC_EVENTS[event.trim().toLowerCase()];
  if (spec) return spec;
  const snake = event
    .trim()
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .toLowerCase()
    .replace(/[^a-z0-9_.-]+/g, '_')
    .replace(/^_+|_+$/g, '')
    .slice(0, 100);
  return /^[a-z][a-z0-9_.-]*$/.test(snake) ? snake : 'segment_event';
}

function products(value: unknown): Item[] {
  if (!Array.isArray(value)) return [];
  return value.map((raw) => {
    const p = asRecord(raw);
    return defined({
      title: text(p.name),
      quantity: quantity(p.quantity),
      price: text(p.price),
      sku: text(p.sku),
      productId: text(p.product_id),
      variantId: text(p.variant),
    });
  });
}

function splitName(name: string | undefined): { firstName?: string; lastName?: string } {
  if (!name) return {};
  const [first, ...rest] = name.split(/\s+/);
  return defined({ firstName: first, lastName: rest.length ? rest.join(' ') : undefined });
}

/** The contact a message is about, from its ids and traits (identify) or context.traits. */
function segmentContact(message: Json, traits: Json): SourceContact {
  const userId = text(message.userId);
  const anonymousId = text(message.anonymousId);
  const attributes = Object.fromEntries(
    Object.entries(traits).filter(([key, value]) => !TRAIT_FIELDS.has(key) && value !== undefined),
  );
  const named = splitName(text(traits.name));
  return defined({
    externalId: userId,
    anonymousId,
    email: text(traits.email),
    phone: text(traits.phone),
    phoneCountry:
      text(asRecord(traits.address).country)?.length === 2
        ? text(asRecord(traits.address).country)?.toUpperCase()
        : undefined,
    firstName: text(traits.firstName) ?? text(traits.first_name) ?? named.firstName,
    lastName: text(traits.lastName) ?? text(traits.last_name) ?? named.lastName,
    attributes: Object.keys(attributes).length ? attributes : undefined,
  });
}

function trackEvent(message: Json, id: string): SourceEvent {
  const event = text(message.event);
  if (!event) throw new MalformedDeliveryError('a track call without its event name');
  const name = rutaEventName(event);
  const properties = asRecord(message.properties);
  const commerce = name === 'checkout_started' || name === 'order_placed';
  const total = text(properties.revenue) ?? text(properties.total) ?? text(properties.value);
  return defined({
    id,
    name,
    properties: commerce
      ? {
          ...properties,
          ...commerceProperties({
            source: 'segment',
            cartId:
              text(properties.order_id) ?? text(properties.checkout_id) ?? text(properties.cart_id),
            total,
            currency: text(properties.currency),
            items: products(properties.products),
            cartUrl: text(properties.cart_url) ?? text(properties.url),
            extra: defined({ segment_event: event }),
          }),
        }
      : { ...properties, ...(name !== event ? { segment_event: event } : {}) },
    timestamp: text(message.timestamp) ?? text(message.originalTimestamp),
  });
}

/** One Segment message (a call, or one entry of a batch) → what it becomes. */
export function mapSegmentMessage(raw: unknown, typeFromPath?: string): MappedDelivery {
  const message = asRecord(raw);
  const type = text(message.type) ?? typeFromPath;
  if (!type) throw new MalformedDeliveryError('a message without its type');
  if (!text(message.userId) && !text(message.anonymousId))
    throw new MalformedDeliveryError('a message needs a userId or an anonymousId');
  const id = text(message.messageId) ?? text(message.requestId);
  const context = asRecord(message.context);
  switch (type) {
    case 'identify':
      return {
        items: [
          {
            contact: segmentContact(message, {
              ...asRecord(context.traits),
              ...asRecord(message.traits),
            }),
          },
        ],
      };
    case 'track': {
      if (!id) throw new MalformedDeliveryError('a track call without its messageId');
      return {
        items: [
          {
            contact: segmentContact(message, asRecord(context.traits)),
            event: trackEvent(message, id),
          },
        ],
      };
    }
    case 'page':
    case 'screen':
      return { items: [], ignored: `a ${type} call: kept as it came, it starts nothing` };
    default:
      return { items: [], ignored: `a ${type} call: Ruta does not use it` };
  }
}

/** The body of /v1/{type}, or of /v1/batch (its top-level context applies to every call). */
export function segmentMessages(body: unknown, typeFromPath: string): Json[] {
  const record = asRecord(body);
  if (typeFromPath !== 'batch') return [{ ...record, type: text(record.type) ?? typeFromPath }];
  if (!Array.isArray(record.batch))
    throw new MalformedDeliveryError('a batch without its batch array');
  const shared = asRecord(record.context);
  return record.batch.map((entry) => {
    const message = asRecord(entry);
    return { ...message, context: { ...shared, ...asRecord(message.context) } };
  });
}
