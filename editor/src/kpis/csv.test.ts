import { expect, test } from 'vitest';
import { toCsv } from './csv';

test('cells with separators, quotes and line breaks are quoted (RFC 4180)', () => {
  expect(
    toCsv([
      ['Mensaje', 'Enviados'],
      ['Recordar, el carrito', 3],
      ['Dijo "hola"\nadiós', 0],
    ]),
  ).toBe('Mensaje,Enviados\r\n"Recordar, el carrito",3\r\n"Dijo ""hola""\nadiós",0');
});
