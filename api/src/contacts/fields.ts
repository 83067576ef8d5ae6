import { isValidTimeZone } from '@ruta/shared';

export const CHANNELS = ['whatsapp', 'sms', 'email', 'rcs'] as const;
export type ContactChannel = (typeof CHANNELS)[number];

export const E164 = /^\+[1-9]\d{6,14}$/;
export const E164_EXAMPLE = '+5215512345678';

/** `Lucía Pérez` → `lucia perez`: what search and header matching compare. */
export function fold(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toLowerCase();
}

/**
 * A phone as people write it in a spreadsheet (`+52 55 1234-5678`, `0052 (55) 1234 5678`) in E.164,
 * or `undefined` when it has no country code or is not a number at all. Never guesses a country.
 */
export function normalizePhone(raw: string): string | undefined {
  let phone = raw.trim().replace(/[\s\-().]/g, '');
  if (phone.startsWith('00')) phone = `+${phone.slice(2)}`;
  return E164.test(phone) ? phone : undefined;
}

/** The runtime's own spelling of a valid IANA zone (`america/mexico_city` → `America/Mexico_City`). */
export function canonicalTimeZone(raw: string): string | undefined {
  const zone = raw.trim();
  if (!isValidTimeZone(zone)) return undefined;
  return new Intl.DateTimeFormat('en-US', { timeZone: zone }).resolvedOptions().timeZone;
}

const YES = new Set(['yes', 'y', 'true', 'si', '1']);
const NO = new Set(['no', 'n', 'false', '0']);

/** A consent cell: yes/no, sí/no, true/false, 1/0 (any case); `undefined` when it is none of them. */
export function parseYesNo(raw: string): boolean | undefined {
  const value = fold(raw.trim());
  if (YES.has(value)) return true;
  if (NO.has(value)) return false;
  return undefined;
}

export const LOCALE = /^[A-Za-z]{2,3}([-_][A-Za-z0-9]{2,8}){0,3}$/;

/** Consent as stored: one record per channel, with when and how it was given or withdrawn. */
export function consentRecords(
  consent: Partial<Record<ContactChannel, boolean>>,
  /** `event`: the events API (a machine); `import`: a CSV; `api`: the contacts API (a person). */
  source: 'api' | 'import' | 'event',
  at = new Date().toISOString(),
): Record<string, { granted: boolean; at: string; source: string }> {
  const records: Record<string, { granted: boolean; at: string; source: string }> = {};
  for (const channel of CHANNELS) {
    const granted = consent[channel];
    if (granted !== undefined) records[channel] = { granted, at, source };
  }
  return records;
}
