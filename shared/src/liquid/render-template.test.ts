import { describe, expect, test } from 'vitest';
import { renderTemplate } from './render-template';
import { buildTemplateContext } from './template-context';

const context = buildTemplateContext({
  contact: {
    id: 'c_1',
    firstName: 'José',
    lastName: 'Núñez',
    phone: '+5215512345678',
    locale: 'es-MX',
    attributes: { plan: 'Básico', points: 1200 },
  },
  event: {
    name: 'cart_abandoned',
    properties: {
      cart_url: 'https://tienda.mx/c/9',
      total: 1299.5,
      currency: 'MXN',
      items: [{ name: 'Café de Oaxaca' }, { name: 'Piñata' }],
    },
  },
  journey: { name: 'Carrito abandonado' },
});

describe('renderTemplate', () => {
  test('renders accents, loops and contact attributes as written', async () => {
    const result = await renderTemplate(
      '¡Hola {{ contact.first_name }}! Tu plan {{ contact.plan }}: {% for item in event.items %}{{ item.name }}{% unless forloop.last %}, {% endunless %}{% endfor %}',
      context,
    );
    expect(result).toEqual({
      ok: true,
      text: '¡Hola José! Tu plan Básico: Café de Oaxaca, Piñata',
      missing: [],
    });
  });

  test.each([
    ['{{ event.total | money: "MXN" }}', '$1,299.50'],
    ['{{ event.total | money: event.currency }}', '$1,299.50'],
    ['{{ 89.9 | money: "BRL" }}', 'R$\u00a089,90'],
    ['{{ 15990 | money: "CLP" }}', '$15.990'],
    ['{{ 20 | money: "USD", "es-MX" }}', 'USD\u00a020.00'],
    ['[{{ event.nothing | money: "MXN" }}]', '[]'],
  ])('money filter: %s → %s', async (source, expected) => {
    const result = await renderTemplate(source, context);
    expect(result.ok && result.text).toBe(expected);
  });

  test('unknown variables render empty and are listed as missing', async () => {
    const result = await renderTemplate(
      'Hola {{ contact.nickname }}, {{ contact.first_name }} {{ event.coupon }}{{ event.items.size }}',
      context,
    );
    expect(result).toEqual({
      ok: true,
      text: 'Hola , José 2',
      missing: ['contact.nickname', 'event.coupon'],
    });
  });

  test('a contact without a first name is reported as missing, not as an error', async () => {
    const bare = buildTemplateContext({ contact: { id: 'c_2' }, journey: { name: 'J' } });
    const result = await renderTemplate('Hola {{ contact.first_name | default: "amigo" }}', bare);
    expect(result).toEqual({ ok: true, text: 'Hola amigo', missing: ['contact.first_name'] });
  });

  test('prototype properties are not readable from a template', async () => {
    const result = await renderTemplate(
      '[{{ contact.constructor }}{{ contact.toString }}{{ contact.__proto__ }}]',
      context,
    );
    expect(result.ok && result.text).toBe('[]');
  });

  test('a template that loops practically forever stops at the render limit', async () => {
    const started = performance.now();
    const result = await renderTemplate(
      '{% for a in (1..100000) %}{% for b in (1..100000) %}{{ a }}{% endfor %}{% endfor %}',
      context,
      { renderLimitMs: 50 },
    );
    expect(performance.now() - started).toBeLessThan(2000);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.en).toMatch(/too long to render|too much content/);
  });

  test('a template that produces a huge output is refused instead of filling memory', async () => {
    const result = await renderTemplate(
      '{% assign s = "xxxxxxxxxx" %}{% for i in (1..40) %}{% assign s = s | append: s %}{% endfor %}{{ s | size }}',
      context,
    );
    expect(result.ok).toBe(false);
  });

  test.each([
    ['a range just under the old limit', '{% for i in (1..9999999) %}x{% endfor %}'],
    [
      'nested loops that each print a little',
      '{% for i in (1..999) %}{% for j in (1..999) %}xxxxxxxxxxxxxxxxxxxxxxxxxx{% endfor %}{% endfor %}',
    ],
    [
      'a capture of such loops',
      '{% capture c %}{% for i in (1..999) %}{% for j in (1..999) %}xxxxxxxxxxxxxxxxxxxxxxxxxx{% endfor %}{% endfor %}{% endcapture %}{{ c | size }}',
    ],
    [
      'loops over a long list from the event',
      '{% for a in event.items %}{% for b in event.items %}{% for c in event.items %}xxxxxxxxxxxxxxxx{% endfor %}{% endfor %}{% endfor %}',
    ],
  ])('%s: refused within the memory limit, quickly', async (_label, source) => {
    const items = Array.from({ length: 2_000 }, (_, i) => i);
    const started = performance.now();
    const result = await renderTemplate(source, { ...context, event: { items } });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.en).toMatch(/too much content/);
    // Before the output was charged, the first one took the whole second and ~300 MB.
    expect(performance.now() - started).toBeLessThan(800);
  });

  test('a long but reasonable message still renders', async () => {
    const row = '<tr><td>{{ item.name }}</td><td>{{ item.price | money: "MXN" }}</td></tr>';
    const items = Array.from({ length: 500 }, (_, i) => ({ name: `Producto ${i}`, price: i * 10 }));
    const result = await renderTemplate(
      `<table>{% for item in event.items %}${row}{% endfor %}</table>`,
      { ...context, event: { items } },
    );
    expect(result.ok && result.text.length).toBeGreaterThan(20_000);
  });

  test('many renders at once all finish, a few at a time', async () => {
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        renderTemplate(`{% for i in (1..50) %}{{ contact.first_name }}${i}{% endfor %}`, context),
      ),
    );
    expect(results.every((r) => r.ok)).toBe(true);
  });

  test('syntax errors come back with the line and column, in both languages', async () => {
    const result = await renderTemplate('Hola\n{{ contact.first_name | mayusculas }}', context);
    expect(result).toMatchObject({ ok: false, line: 2, column: 1 });
    if (!result.ok) {
      expect(result.error.es).toContain('línea 2');
      expect(result.error.es).toContain('mayusculas');
      expect(result.error.en).toContain('line 2');
    }
  });

  test('a failing filter at render time is an error, not an exception', async () => {
    const result = await renderTemplate('{{ event.total | money: "PESOS" }}', context);
    expect(result.ok).toBe(false);
  });
});
