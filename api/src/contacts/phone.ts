import { type CountryCode, parsePhoneNumberFromString } from 'libphonenumber-js';

/**
 * A phone number as a store has it (+52 55 1234 5678, 55 1234 5678, 0055…) in E.164, read in the
 * given country when it has no prefix; undefined when it is not a valid number.
 */
export function toE164(raw: string | undefined, country: string | undefined): string | undefined {
  if (!raw) return undefined;
  const parsed = parsePhoneNumberFromString(raw, (country as CountryCode | undefined) ?? undefined);
  if (!parsed?.isValid()) return undefined;
  return parsed.number;
}
