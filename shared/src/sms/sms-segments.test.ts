import { describe, expect, test } from 'vitest';
import { smsCount, smsSegments } from './sms-segments';

describe('smsSegments', () => {
  test('plain GSM-7 text fits 160 characters in one segment, then 153 per segment', () => {
    expect(smsSegments('a'.repeat(160))).toBe(1);
    expect(smsSegments('a'.repeat(161))).toBe(2);
    expect(smsSegments('a'.repeat(306))).toBe(2);
    expect(smsSegments('a'.repeat(307))).toBe(3);
  });

  test('ñ, ¿ and ¡ stay in GSM-7; the extension table costs two septets', () => {
    expect(smsCount('¿Mañana? ¡Sí!').encoding).toBe('UCS-2'); // í is not GSM-7
    expect(smsCount('¿Manana? ¡Ya, niño!').encoding).toBe('GSM-7');
    expect(smsCount('€[]').units).toBe(6);
    expect(smsSegments('€'.repeat(80))).toBe(1);
    expect(smsSegments('€'.repeat(81))).toBe(2);
  });

  test('one accent outside GSM-7 switches the whole text to UCS-2: 70, then 67 per segment', () => {
    const text = `Tu carrito está listo ${'x'.repeat(48)}`;
    expect(text.length).toBe(70);
    expect(smsCount(text)).toEqual({ encoding: 'UCS-2', units: 70, segments: 1, perSegment: 70 });
    expect(smsSegments(`${text}x`)).toBe(2);
    expect(smsSegments('á'.repeat(134))).toBe(2);
    expect(smsSegments('á'.repeat(135))).toBe(3);
  });

  test('emoji take two UCS-2 units', () => {
    expect(smsCount('👋').units).toBe(2);
    expect(smsSegments('👋'.repeat(35))).toBe(1);
    expect(smsSegments('👋'.repeat(36))).toBe(2);
  });

  test.each([
    ['Hola Ana, tu carrito te espera', 1],
    ['¿Te ayudamos? ¡Gracias!', 1],
    ['Promoción válida', 1], // ó and á are not GSM-7: one UCS-2 segment up to 70
    ['á'.repeat(71), 2],
  ])('%j costs %i segment(s)', (text, segments) => {
    expect(smsSegments(text)).toBe(segments);
  });
});
