import { describe, expect, test } from 'vitest';
import { describeColumns, mapColumns, parseTarget } from './csv-columns';
import { validateRow } from './csv-row';

describe('CSV columns read as the marketer says', () => {
  test('a mapping overrides the automatic reading of the columns it names, and only those', () => {
    const headers = ['Nombre', 'WhatsApp del cliente', 'Correo', 'Talla'];
    expect(describeColumns(mapColumns(headers).columns)).toEqual({
      Nombre: 'first_name',
      'WhatsApp del cliente': 'attributes.whatsapp_del_cliente',
      Correo: 'email',
      Talla: 'attributes.talla',
    });
    const mapped = mapColumns(headers, {
      ' WhatsApp del cliente ': 'phone',
      Correo: 'consent.email',
      Talla: 'attributes.Talla de ropa',
    });
    expect(mapped.problems).toEqual([]);
    expect(describeColumns(mapped.columns)).toEqual({
      Nombre: 'first_name',
      'WhatsApp del cliente': 'phone',
      Correo: 'consent.email',
      Talla: 'attributes.talla_de_ropa',
    });
    const row = validateRow(mapped.columns, ['Ana', '+52 55 1234 5678', 'sí', 'M'], 2);
    expect(row.row).toMatchObject({
      phone: '+525512345678',
      consent: { email: true },
      attributes: { talla_de_ropa: 'M' },
    });
  });

  test('an ignored column is read for nothing, whatever it holds; an unnamed one can be ignored', () => {
    const mapped = mapColumns(['phone', 'Notas', ''], { Notas: 'ignore', '#3': 'ignore' });
    expect(mapped.problems).toEqual([]);
    expect(describeColumns(mapped.columns)).toEqual({
      phone: 'phone',
      Notas: 'ignore',
      '#3': 'ignore',
    });
    const row = validateRow(mapped.columns, ['+5215512345678', 'llamar \u0000 luego', 'x'], 2);
    expect(row).toEqual({
      row: { line: 2, phone: '+5215512345678', tags: [], consent: {}, attributes: {} },
      errors: [],
    });
    // Two ignored columns never fill the same thing twice.
    expect(mapColumns(['phone', 'a', 'b'], { a: 'ignore', b: 'ignore' }).problems).toEqual([]);
    // Without the mapping the unnamed column is still a problem.
    expect(mapColumns(['phone', 'Notas', '']).problems.map((p) => p.code)).toEqual([
      'column_unnamed',
    ]);
  });

  test('a target that does not exist, or a column not in the file, is refused naming the column', () => {
    for (const target of ['telefono', 'consent.fax', 'attributes.', 'attributes.¿?', 'Phone'])
      expect(mapColumns(['Celular', 'Nombre'], { Nombre: target }), target).toEqual({
        columns: [],
        problems: [],
        refused: { code: 'mapping_target_unknown', params: { column: 'Nombre', target } },
      });
    expect(mapColumns(['Celular', 'Nombre'], { Cel: 'phone' }).refused).toEqual({
      code: 'mapping_column_unknown',
      params: { column: 'Cel', headers: 'Celular, Nombre' },
    });
    expect(parseTarget('consent.sms')).toEqual({ kind: 'consent', channel: 'sms' });
    expect(parseTarget('time_zone')).toEqual({ kind: 'field', field: 'time_zone' });
    expect(parseTarget(`attributes.${'a'.repeat(101)}`)).toBeUndefined();
  });

  test('a file still needs a column that identifies the contact once remapped', () => {
    const headers = ['Celular', 'Nombre'];
    expect(mapColumns(headers).problems).toEqual([]);
    for (const mapping of [{ Celular: 'ignore' }, { Celular: 'attributes.celular' }])
      expect(mapColumns(headers, mapping).problems.map((p) => p.code)).toEqual([
        'identity_column_missing',
      ]);
    // …and remapping can give it one.
    expect(mapColumns(['Cliente', 'Nombre']).problems.map((p) => p.code)).toEqual([
      'identity_column_missing',
    ]);
    expect(mapColumns(['Cliente', 'Nombre'], { Cliente: 'external_id' }).problems).toEqual([]);
    // Two columns read as the same field are a problem, as they are without a mapping.
    expect(mapColumns(headers, { Nombre: 'phone' }).problems).toMatchObject([
      { column: 'Nombre', code: 'column_repeated', params: { previous: 'Celular' } },
    ]);
  });
});
