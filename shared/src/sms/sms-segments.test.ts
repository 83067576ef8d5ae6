import { describe, expect, test } from 'vitest';
import { smsCount, smsSegments, withoutAccents } from './sms-segments';

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

describe('replacing accents', () => {
  test('Spanish and Portuguese accents outside GSM-7 become plain letters; GSM-7 ones stay', () => {
    expect(withoutAccents('¿Qué tal, Ramón? Tu carrito está aquí: ñandú, pingüino')).toBe(
      '¿Qué tal, Ramon? Tu carrito esta aqui: ñandu, pingüino',
    );
    expect(withoutAccents('Olá, João! Sua promoção começa amanhã')).toBe(
      'Ola, Joao! Sua promocao comeca amanha',
    );
  });

  test('what it saves: 2 UCS-2 segments become 1 GSM-7 segment', () => {
    const text = `Hola, tu carrito está aquí. ${'a'.repeat(60)}`;
    expect(smsCount(text)).toMatchObject({ encoding: 'UCS-2', segments: 2 });
    expect(smsCount(withoutAccents(text))).toMatchObject({ encoding: 'GSM-7', segments: 1 });
  });

  test('an emoji keeps the text in UCS-2', () => {
    expect(smsCount(withoutAccents('Hola 👋 está')).encoding).toBe('UCS-2');
  });
});
