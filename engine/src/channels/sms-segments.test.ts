import { describe, expect, test } from 'vitest';
import { smsSegments } from './sms-segments';

describe('smsSegments', () => {
  test.each([
    ['Hola Ana, tu carrito te espera', 1],
    ['a'.repeat(160), 1],
    ['a'.repeat(161), 2],
    ['a'.repeat(306), 2],
    ['a'.repeat(307), 3],
    ['¿Te ayudamos? ¡Gracias!', 1],
    ['Promoción válida', 1], // ó and á are not GSM-7: one UCS-2 segment up to 70
    ['á'.repeat(71), 2],
    ['€'.repeat(80), 1], // 160 septets
    ['€'.repeat(81), 2],
    ['👍'.repeat(35), 1],
    ['👍'.repeat(36), 2],
  ])('%j costs %i segment(s)', (text, segments) => {
    expect(smsSegments(text)).toBe(segments);
  });
});
