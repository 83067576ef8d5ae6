import { describe, expect, test } from 'vitest';
import { contactTimeZone, defaultTimeZoneForPhone, isValidTimeZone } from './default-time-zone';
import { nanpAreaCodes } from './nanp-area-codes';
import { brazilAreaCodes, countryZones, mexicoAreaCodes, spainAreaCodes } from './phone-time-zones';

describe('defaultTimeZoneForPhone', () => {
  test.each([
    ['+52 55 1234 5678', 'America/Mexico_City'],
    ['+5215512345678', 'America/Mexico_City'], // old mobile format with the extra 1
    ['+52 33 1234 5678', 'America/Mexico_City'],
    ['+52 81 1234 5678', 'America/Mexico_City'],
    ['+52 664 123 4567', 'America/Tijuana'],
    ['+521 664 123 4567', 'America/Tijuana'],
    ['+52 686 123 4567', 'America/Tijuana'],
    ['+52 662 123 4567', 'America/Hermosillo'],
    ['+52 998 123 4567', 'America/Cancun'],
    ['+52 614 123 4567', 'America/Chihuahua'],
    ['+52 656 123 4567', 'America/Ciudad_Juarez'],
    ['+52 669 123 4567', 'America/Mazatlan'],
    ['+55 11 91234-5678', 'America/Sao_Paulo'],
    ['+55 21 91234-5678', 'America/Sao_Paulo'],
    ['+55 92 91234-5678', 'America/Manaus'],
    ['+55 65 91234-5678', 'America/Cuiaba'],
    ['+55 67 91234-5678', 'America/Campo_Grande'],
    ['+55 68 91234-5678', 'America/Rio_Branco'],
    ['+55 85 91234-5678', 'America/Fortaleza'],
    ['+55 81 91234-5678', 'America/Recife'],
    ['+55 91 91234-5678', 'America/Belem'],
    ['+54 11 1234-5678', 'America/Argentina/Buenos_Aires'],
    ['+54 9 351 123 4567', 'America/Argentina/Buenos_Aires'],
    ['+57 310 123 4567', 'America/Bogota'],
    ['+56 9 1234 5678', 'America/Santiago'],
    ['+51 912 345 678', 'America/Lima'],
    ['+593 99 123 4567', 'America/Guayaquil'],
    ['+598 94 123 456', 'America/Montevideo'],
    ['+595 981 123456', 'America/Asuncion'],
    ['+591 7123 4567', 'America/La_Paz'],
    ['+58 412 1234567', 'America/Caracas'],
    ['+502 5123 4567', 'America/Guatemala'],
    ['+506 8312 3456', 'America/Costa_Rica'],
    ['+507 6123 4567', 'America/Panama'],
    ['+1 809 555 0123', 'America/Santo_Domingo'],
    ['+1 787 555 0123', 'America/Puerto_Rico'],
    ['+1 212 555 0123', 'America/New_York'],
    ['+1 213 555 0123', 'America/Los_Angeles'],
    ['+1 713 555 0123', 'America/Chicago'],
    ['+1 602 555 0123', 'America/Phoenix'],
    ['+1 305 555 0123', 'America/New_York'],
    ['+34 612 345 678', 'Europe/Madrid'],
    ['+34 928 123 456', 'Atlantic/Canary'],
    ['5215512345678', 'America/Mexico_City'], // no '+'
  ])('%s → %s', (phone, zone) => {
    expect(defaultTimeZoneForPhone(phone)).toBe(zone);
  });

  test.each([['+81 90 1234 5678'], ['+44 7700 900123'], ['+52 55'], ['not a phone'], ['']])(
    '%j → undefined',
    (phone) => {
      expect(defaultTimeZoneForPhone(phone)).toBeUndefined();
    },
  );

  test('every zone in the tables is known to the runtime', () => {
    const zones = [
      ...Object.values(countryZones),
      ...[mexicoAreaCodes, brazilAreaCodes, spainAreaCodes, nanpAreaCodes].flatMap(Object.keys),
    ];
    expect(zones.filter((zone) => !isValidTimeZone(zone))).toEqual([]);
  });

  test('no area code is listed under two zones', () => {
    for (const table of [mexicoAreaCodes, brazilAreaCodes, nanpAreaCodes]) {
      const codes = Object.values(table).flat();
      expect(codes.length).toBe(new Set(codes).size);
    }
  });
});

describe('contactTimeZone', () => {
  test('prefers the contact’s own zone, then the phone, then the fallback', () => {
    expect(contactTimeZone({ timeZone: 'America/Lima', phone: '+5215512345678' })).toBe(
      'America/Lima',
    );
    expect(contactTimeZone({ timeZone: 'Mars/Olympus', phone: '+5215512345678' })).toBe(
      'America/Mexico_City',
    );
    expect(contactTimeZone({ phone: '+81 90 1234 5678' }, 'America/Bogota')).toBe('America/Bogota');
    expect(contactTimeZone({})).toBe('UTC');
  });
});
