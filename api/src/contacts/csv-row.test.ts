import { describe, expect, test } from 'vitest';
import { describeColumns, mapColumns } from './csv-columns';
import { sniffDelimiter } from './csv-records';
import { attributeValue, validateRow } from './csv-row';
import { normalizePhone, parseYesNo } from './fields';

describe('CSV rows', () => {
  test('headers: known fields (a few Spanish names too), consent, attributes in snake_case', () => {
    const { columns, problems } = mapColumns([
      ' External ID ',
      'Teléfono',
      'Correo',
      'consent_WhatsApp',
      'Ciudad de envío',
    ]);
    expect(problems).toEqual([]);
    expect(describeColumns(columns)).toEqual({
      'External ID': 'external_id',
      Teléfono: 'phone',
      Correo: 'email',
      consent_WhatsApp: 'consent.whatsapp',
      'Ciudad de envío': 'attributes.ciudad_de_envio',
    });
    expect(mapColumns(['phone', 'Phone ']).problems).toMatchObject([
      { column: 'Phone', message: 'fills the same field as the column "phone"' },
    ]);
    expect(mapColumns(['name', '']).problems.map((p) => p.column)).toEqual(['#2', 'external_id']);
  });

  test('cells: phones as people write them, yes/no in Spanish, typed attributes', () => {
    expect(normalizePhone('+52 1 (55) 1234-5678')).toBe('+5215512345678');
    expect(normalizePhone('0057 300 123 4567')).toBe('+573001234567');
    expect(normalizePhone('55 1234 5678')).toBeUndefined();
    expect(['Sí', 'SI', 'yes', 'TRUE', '1'].map(parseYesNo)).toEqual([
      true,
      true,
      true,
      true,
      true,
    ]);
    expect(['No', 'false', '0', 'quizás'].map(parseYesNo)).toEqual([
      false,
      false,
      false,
      undefined,
    ]);
    expect(
      ['42', '-3.5', 'true', '007', '12345678901234567890', 'básico'].map(attributeValue),
    ).toEqual([42, -3.5, true, '007', '12345678901234567890', 'básico']);
  });

  test('every problem of a row is reported with its line and column', () => {
    const { columns } = mapColumns(['phone', 'email', 'time_zone', 'consent_sms', 'tags']);
    expect(
      validateRow(columns, ['5512345678', 'a@', 'Mars/Olympus', 'tal vez', 'a|b'], 7).errors,
    ).toMatchObject([
      { line: 7, column: 'phone', code: 'not_phone', message: expect.stringContaining('E.164') },
      { line: 7, column: 'email', code: 'not_email', message: expect.stringContaining('email') },
      {
        line: 7,
        column: 'time_zone',
        code: 'not_time_zone',
        message_es: expect.stringContaining('zona horaria IANA'),
      },
      {
        line: 7,
        column: 'consent_sms',
        code: 'not_yes_no',
        message_pt: expect.stringContaining('sim/não'),
      },
    ]);
    expect(validateRow(columns, ['', '', '', 'sí'], 8).errors).toMatchObject([
      { line: 8, column: 'phone', message: 'the row needs an external_id, a phone or an email' },
    ]);
    expect(
      validateRow(columns, ['+5215512345678', '', 'america/bogota', 'no', ' vip | vip |x '], 9).row,
    ).toEqual({
      line: 9,
      phone: '+5215512345678',
      timeZone: 'America/Bogota',
      tags: ['vip', 'x'],
      consent: { sms: false },
      attributes: {},
    });
  });

  test('a NUL character (which PostgreSQL cannot store) is a problem on its cell, not a failed upload', () => {
    const { columns } = mapColumns(['external_id', 'first_name', 'notes']);
    expect(validateRow(columns, ['c-1', 'Ana\u0000', 'a\u0000b'], 3).errors).toMatchObject([
      { line: 3, column: 'first_name', message: expect.stringContaining('NUL') },
      { line: 3, column: 'notes', message: expect.stringContaining('NUL') },
    ]);
  });

  test('the delimiter is the header line’s: comma, semicolon or tab, ignoring quoted text', () => {
    expect(sniffDelimiter(Buffer.from('\uFEFFphone;name;"a,b,c"\n+52,x'))).toBe(';');
    expect(sniffDelimiter(Buffer.from('phone\tname\n'))).toBe('\t');
    expect(sniffDelimiter(Buffer.from('phone,name'))).toBe(',');
    expect(sniffDelimiter(Buffer.from('phone'))).toBe(',');
  });
});
