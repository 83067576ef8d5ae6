import { createSecretBox, generateSecretsKey } from '@ruta/platform';
import { describe, expect, test } from 'vitest';
import { decodeEntities, instrumentEmailHtml } from './email-html';
import { createTrackingLinks, verifyTracking } from './email-tracking';

const box = createSecretBox(generateSecretsKey());
const tracking = createTrackingLinks('https://ruta.example.mx', box);
const messageId = '3f0c1a52-8a57-4c7e-9d0e-0b5b1f6c2a10';

const instrument = (html: string) => instrumentEmailHtml(html, messageId, tracking);
const hrefs = (html: string) =>
  Array.from(html.matchAll(/href="([^"]*)"/g), (m) => decodeEntities(m[1] ?? ''));

describe('click tracking', () => {
  test('every http(s) link goes through a signed redirect to the original target', () => {
    const html = instrument(
      '<p><a href="https://tienda.mx/c/A-1?utm_source=ruta&amp;utm_medium=email">Ver carrito</a> · <A class="btn" HREF=\'http://tienda.mx/ofertas\'>Ofertas</A></p>',
    );
    const [first, second] = hrefs(html.replace(/HREF=/g, 'href='));
    for (const [url, target] of [
      [first, 'https://tienda.mx/c/A-1?utm_source=ruta&utm_medium=email'],
      [second, 'http://tienda.mx/ofertas'],
    ] as const) {
      const parsed = new URL(url ?? '');
      expect(parsed.origin + parsed.pathname).toBe(`https://ruta.example.mx/t/c/${messageId}`);
      // The entity-decoded href is what gets signed and what the redirect goes to.
      expect(parsed.searchParams.get('u')).toBe(target);
      expect(verifyTracking.click(box, messageId, target, parsed.searchParams.get('s') ?? '')).toBe(
        true,
      );
    }
    expect(html).toContain('>Ver carrito</a>');
    expect(html).toContain('class="btn"');
  });

  test('the rewritten href is a valid attribute value (& escaped)', () => {
    const html = instrument('<a href="https://tienda.mx/?a=1&amp;b=2">x</a>');
    const raw = /href="([^"]*)"/.exec(html)?.[1] ?? '';
    expect(raw).not.toMatch(/&(?!amp;)/);
    expect(raw).toContain('&amp;s=');
  });

  test('a link whose target was altered after signing fails verification', () => {
    const html = instrument('<a href="https://tienda.mx/c/A-1">Ver carrito</a>');
    const url = new URL(hrefs(html)[0] ?? '');
    const signature = url.searchParams.get('s') ?? '';
    expect(verifyTracking.click(box, messageId, 'https://evil.example/', signature)).toBe(false);
    expect(verifyTracking.click(box, 'another-message', 'https://tienda.mx/c/A-1', signature)).toBe(
      false,
    );
  });

  test('mailto:, tel:, #anchors, relative links and unrendered {{…}} stay as they are', () => {
    const source = [
      '<a href="mailto:hola@tienda.mx">Escríbenos</a>',
      '<a href="tel:+5215512345678">Llámanos</a>',
      '<a href="#pie">Abajo</a>',
      '<a href="/local">Relativo</a>',
      '<a href="{{ cart_url }}">Carrito</a>',
      '<a href="https://tienda.mx/{{ cart_id }}">Carrito</a>',
      '<a name="pie">sin href</a>',
    ].join('');
    const html = instrument(source);
    expect(html.slice(0, source.length)).toBe(source);
  });

  test("the message's own unsubscribe link is not wrapped", () => {
    const unsubscribe = tracking.unsubscribeUrl(messageId);
    const html = instrument(`<a href="${unsubscribe}">Darme de baja</a>`);
    expect(hrefs(html)).toEqual([unsubscribe]);
  });
});

describe('open pixel', () => {
  const pixel = `<img src="${tracking.openPixelUrl(messageId)}" alt="" width="1" height="1" style="display:none">`;

  test('goes right before </body>', () => {
    expect(instrument('<html><body><p>Hola</p></BODY></html>')).toBe(
      `<html><body><p>Hola</p>${pixel}</BODY></html>`,
    );
  });

  test('is appended to a fragment without <body>', () => {
    expect(instrument('<p>Hola</p>')).toBe(`<p>Hola</p>${pixel}`);
  });

  test('its URL verifies for this message', () => {
    const match = /\/t\/o\/([^/]+)\/([^/]+)\.gif/.exec(instrument('<p>Hola</p>'));
    expect(match?.[1]).toBe(messageId);
    expect(verifyTracking.open(box, messageId, match?.[2] ?? '')).toBe(true);
  });
});

describe('decodeEntities', () => {
  test.each([
    ['a&amp;b', 'a&b'],
    ['&quot;x&quot;', '"x"'],
    ['&#39;&#x27;', "''"],
    ['&lt;&gt;', '<>'],
    ['&unknown;', '&unknown;'],
  ])('%s → %s', (input, output) => {
    expect(decodeEntities(input)).toBe(output);
  });
});
