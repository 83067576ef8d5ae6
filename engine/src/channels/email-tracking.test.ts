import { createSecretBox, generateSecretsKey } from '@ruta/platform';
import { describe, expect, test } from 'vitest';
import { createTrackingLinks, verifyTracking } from './email-tracking';

const box = createSecretBox(generateSecretsKey());
const links = createTrackingLinks('https://ruta.example.mx/', box);
const messageId = '3f0c1a52-8a57-4c7e-9d0e-0b5b1f6c2a10';
const otherMessageId = '9b2d7e11-1c3a-4f55-8e2f-6a7b8c9d0e1f';
const target = 'https://tienda.mx/c/A-1?utm_source=ruta&utm_medium=email';

function parseClick(url: string) {
  const parsed = new URL(url);
  const [, t, c, id] = parsed.pathname.split('/');
  expect([t, c]).toEqual(['t', 'c']);
  return {
    id: id ?? '',
    u: parsed.searchParams.get('u') ?? '',
    s: parsed.searchParams.get('s') ?? '',
  };
}

describe('click links', () => {
  test('carry the target and a signature that verifies for this message and target only', () => {
    const url = links.clickUrl(messageId, target);
    expect(url.startsWith(`https://ruta.example.mx/t/c/${messageId}?`)).toBe(true);
    const { id, u, s } = parseClick(url);
    expect(u).toBe(target);
    expect(verifyTracking.click(box, id, u, s)).toBe(true);
  });

  test('an altered target fails (no open redirect)', () => {
    const { id, s } = parseClick(links.clickUrl(messageId, target));
    expect(verifyTracking.click(box, id, 'https://evil.example/phish', s)).toBe(false);
    expect(verifyTracking.click(box, id, `${target}&x=1`, s)).toBe(false);
  });

  test("another message's signature and a forged signature fail", () => {
    const { u, s } = parseClick(links.clickUrl(messageId, target));
    expect(verifyTracking.click(box, otherMessageId, u, s)).toBe(false);
    // The first character carries six significant bits (the last carries padding bits too, so
    // rewriting the tail could decode to the same bytes now and then).
    const forged = `${s.startsWith('A') ? 'B' : 'A'}${s.slice(1)}`;
    expect(verifyTracking.click(box, messageId, u, forged)).toBe(false);
    expect(verifyTracking.click(box, messageId, u, '')).toBe(false);
  });

  test('links signed under another key fail', () => {
    const other = createSecretBox(generateSecretsKey());
    const { id, u, s } = parseClick(
      createTrackingLinks('https://ruta.example.mx', other).clickUrl(messageId, target),
    );
    expect(verifyTracking.click(box, id, u, s)).toBe(false);
  });
});

describe('open pixel and unsubscribe', () => {
  test('verify for their own message and purpose only', () => {
    const open = /\/t\/o\/([^/]+)\/([^/]+)\.gif$/.exec(links.openPixelUrl(messageId));
    const unsubscribe = /\/t\/u\/([^/]+)\/([^/]+)$/.exec(links.unsubscribeUrl(messageId));
    const [openId, openSig] = [open?.[1] ?? '', open?.[2] ?? ''];
    const [unsubId, unsubSig] = [unsubscribe?.[1] ?? '', unsubscribe?.[2] ?? ''];

    expect(openId).toBe(messageId);
    expect(verifyTracking.open(box, openId, openSig)).toBe(true);
    expect(verifyTracking.unsubscribe(box, unsubId, unsubSig)).toBe(true);

    expect(verifyTracking.open(box, otherMessageId, openSig)).toBe(false);
    expect(verifyTracking.unsubscribe(box, otherMessageId, unsubSig)).toBe(false);
    // A signature is bound to its purpose: an open pixel cannot be replayed as an unsubscribe.
    expect(verifyTracking.unsubscribe(box, messageId, openSig)).toBe(false);
  });
});
