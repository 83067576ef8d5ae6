/** A contact as a platform describes it; the phone is raw (normalised to E.164 when applied). */
export interface SourceContact {
  externalId?: string;
  /** A Segment anonymousId: the contact until an identify names it. */
  anonymousId?: string;
  phone?: string;
  /** Where the phone number was written (ISO 3166-1 alpha-2), when the platform says. */
  phoneCountry?: string;
  email?: string;
  firstName?: string;
  lastName?: string;
  attributes?: Record<string, unknown>;
  consent?: Partial<Record<'whatsapp' | 'sms' | 'email', boolean>>;
}

export interface SourceEvent {
  /** Stable for the same fact, so a repeated or reordered delivery is a duplicate. */
  id: string;
  name: string;
  properties: Record<string, unknown>;
  timestamp?: string;
}

/** What one delivery becomes: contacts to update, each with the events about it. */
export interface MappedDelivery {
  items: { contact: SourceContact; event?: SourceEvent }[];
  /** Why nothing came of it (a topic Ruta does not use, a status that means nothing yet). */
  ignored?: string;
  /** What must be read from the store's API first (Tiendanube's webhooks name only an id). */
  fetchOrder?: { id: string; event: string; storeId: string };
}

export class MalformedDeliveryError extends Error {
  override readonly name = 'MalformedDeliveryError';
}

export type Json = Record<string, unknown>;

export const asRecord = (value: unknown): Json =>
  value && typeof value === 'object' && !Array.isArray(value) ? (value as Json) : {};

/** A string, or a number written as one; undefined for anything else or empty. */
export function text(value: unknown): string | undefined {
  if (typeof value === 'string') return value.trim() === '' ? undefined : value.trim();
  if (typeof value === 'number' || typeof value === 'bigint') return String(value);
  return undefined;
}

/** Only the keys whose value is defined (optional properties stay absent). */
export function defined<T extends Json>(record: T): T {
  return Object.fromEntries(Object.entries(record).filter(([, v]) => v !== undefined)) as T;
}
