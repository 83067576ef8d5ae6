import { NANP_DEFAULT_ZONE, nanpAreaCodes } from './nanp-area-codes';
import {
  BRAZIL_DEFAULT_ZONE,
  brazilAreaCodes,
  countryZones,
  MEXICO_DEFAULT_ZONE,
  mexicoAreaCodes,
  spainAreaCodes,
} from './phone-time-zones';

type AreaTable = { codes: Map<string, string>; fallback: string };

const byCode = (table: Record<string, string[]>): Map<string, string> =>
  new Map(
    Object.entries(table).flatMap(([zone, codes]) => codes.map((code) => [code, zone] as const)),
  );

const areaTables: Record<string, AreaTable> = {
  '1': { codes: byCode(nanpAreaCodes), fallback: NANP_DEFAULT_ZONE },
  '52': { codes: byCode(mexicoAreaCodes), fallback: MEXICO_DEFAULT_ZONE },
  '55': { codes: byCode(brazilAreaCodes), fallback: BRAZIL_DEFAULT_ZONE },
  '34': { codes: byCode(spainAreaCodes), fallback: countryZones['34'] ?? 'Europe/Madrid' },
};

/**
 * The likely time zone of a phone number in E.164 (`+5215512345678`), from its country calling
 * code and, for the US/Canada/Caribbean, Mexico, Brazil and Spain, its area code. Spaces, dashes
 * and a missing '+' are tolerated. `undefined` for countries not in the table.
 */
export function defaultTimeZoneForPhone(e164: string | null | undefined): string | undefined {
  if (!e164) return undefined;
  const digits = e164.replace(/[\s\-().]/g, '').replace(/^\+/, '');
  if (!/^\d{8,15}$/.test(digits)) return undefined;
  for (const length of [3, 2, 1]) {
    const country = digits.slice(0, length);
    let national = digits.slice(length);
    const areas = areaTables[country];
    if (areas) {
      // Mexican mobiles are still often written (and sent by WhatsApp) with a '1' after +52.
      if (country === '52' && national.length === 11 && national.startsWith('1')) {
        national = national.slice(1);
      }
      return (
        areas.codes.get(national.slice(0, 3)) ??
        areas.codes.get(national.slice(0, 2)) ??
        areas.fallback
      );
    }
    const zone = countryZones[country];
    if (zone) return zone;
  }
  return undefined;
}

const validity = new Map<string, boolean>();

/** Whether the runtime knows this IANA zone name. */
export function isValidTimeZone(timeZone: string | null | undefined): timeZone is string {
  if (!timeZone) return false;
  let valid = validity.get(timeZone);
  if (valid === undefined) {
    try {
      new Intl.DateTimeFormat('en-US', { timeZone });
      valid = true;
    } catch {
      valid = false;
    }
    validity.set(timeZone, valid);
  }
  return valid;
}

/** The zone to schedule a contact in: its own if valid, else from its phone, else `fallback`. */
export function contactTimeZone(
  contact: { timeZone?: string | null; phone?: string | null },
  fallback = 'UTC',
): string {
  if (isValidTimeZone(contact.timeZone)) return contact.timeZone;
  const fromPhone = defaultTimeZoneForPhone(contact.phone);
  return fromPhone && isValidTimeZone(fromPhone) ? fromPhone : fallback;
}
