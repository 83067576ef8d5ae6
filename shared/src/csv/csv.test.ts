import { expect, test } from 'vitest';
import { csvCell, toCsv } from './index';

test('separators, quotes and line breaks are quoted (RFC 4180)', () => {
  expect(
    toCsv([
      ['Mensaje', 'Enviados'],
      ['Recordar, el carrito', 3],
      ['Dijo "hola"\nadiós', 0],
    ]),
  ).toBe('Mensaje,Enviados\r\n"Recordar, el carrito",3\r\n"Dijo ""hola""\nadiós",0');
});

test('a cell never becomes a formula in a spreadsheet; numbers and phones stay as they are', () => {
  expect(csvCell('=HYPERLINK("http://x")')).toBe('"\'=HYPERLINK(""http://x"")"');
  expect(csvCell('@SUM(A1)')).toBe("'@SUM(A1)");
  expect(csvCell('+525512345678')).toBe('+525512345678');
  expect(csvCell(-3.5)).toBe('-3.5');
  expect(csvCell(null)).toBe('');
});
