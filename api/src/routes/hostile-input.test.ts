import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { type ApiHarness, startApiHarness } from '../testing/api-harness';

/**
 * The audit's hostile inputs, replayed: each answered 500 (PostgreSQL refused what the API passed
 * on); each is now a 400 problem+json naming the field, with a stable code and a Spanish message.
 */
let api: ApiHarness;
let journeyId: string;
beforeAll(async () => {
  api = await startApiHarness();
  const created = await api.call<Json>('POST', '/api/journeys', {
    name: 'Carrito',
    templateId: 'abandoned_cart',
  });
  journeyId = created.body.id;
});
afterAll(() => api?.stop());

type Json = { id: string; runId: string; errors: Record<string, string>[] };

async function raw(method: string, path: string, body?: string, contentType = 'application/json') {
  const res = await api.app.request(path, {
    method,
    headers: {
      authorization: `Bearer ${api.apiKey}`,
      ...(body !== undefined ? { 'content-type': contentType } : {}),
    },
    ...(body !== undefined ? { body } : {}),
  });
  return {
    status: res.status,
    type: res.headers.get('content-type'),
    body: (await res.json()) as Json,
  };
}

const event = (properties: string, contact = '{"externalId":"c-1"}') =>
  `{"id":"e-${Math.random()}","name":"cart_abandoned","contact":${contact},"properties":${properties}}`;

describe('input PostgreSQL cannot store is refused with its field path', () => {
  test.each([
    [
      'event property',
      'POST',
      '/api/events',
      event('{"cart":{"note":"a\\u0000b"}}'),
      'properties.cart.note',
    ],
    [
      'contact attribute',
      'POST',
      '/api/contacts',
      '{"externalId":"c-2","attributes":{"plan":"\\u0000"}}',
      'attributes.plan',
    ],
    [
      'attribute name',
      'POST',
      '/api/contacts',
      '{"externalId":"c-3","attributes":{"pl\\u0000an":1}}',
      'attributes.pl\\u0000an',
    ],
    ['journey name', 'POST', '/api/journeys', '{"name":"Carrito\\u0000"}', 'name'],
    [
      'batch event',
      'POST',
      '/api/events',
      `{"events":[${event('{}')},${event('{"x":["ok","\\u0000"]}')}]}`,
      'events[1].properties.x[1]',
    ],
  ])('NUL in a %s', async (_what, method, path, body, field) => {
    const res = await raw(method, path, body);
    expect(res.status).toBe(400);
    expect(res.type).toBe('application/problem+json');
    expect(res.body.errors).toEqual([
      {
        path: field,
        code: 'nul_character',
        message: expect.stringContaining('NUL'),
        message_es: expect.stringContaining('NUL'),
        message_pt: expect.stringContaining('NUL'),
      },
    ]);
  });

  test('NUL in a query string or a webhook form', async () => {
    const query = await raw('GET', '/api/contacts?q=ana%00');
    expect(query.status).toBe(400);
    expect(query.body.errors[0]).toMatchObject({ path: 'query.q', code: 'nul_character' });
    const form = await raw(
      'POST',
      '/webhooks/twilio/00000000-0000-4000-8000-000000000000',
      'From=%2B5215511112222&Body=BAJA%00',
      'application/x-www-form-urlencoded',
    );
    expect(form.status).toBe(400);
    expect(form.body.errors[0]).toMatchObject({ path: 'Body', code: 'nul_character' });
  });

  test('half a surrogate pair in JSON (jsonb refuses it)', async () => {
    const res = await raw('POST', '/api/events', event('{"emoji":"\\ud83c"}'));
    expect(res.status).toBe(400);
    expect(res.body.errors[0]).toMatchObject({ path: 'properties.emoji', code: 'invalid_unicode' });
    expect(res.body.errors[0]?.message_es).toContain('Unicode');
    const whole = await raw('POST', '/api/events', event('{"emoji":"\\ud83c\\udf35"}'));
    expect(whole.status).toBe(202);
  });

  test('JSON nested 5,000 deep', async () => {
    const deep = `${'{"a":'.repeat(5_000)}1${'}'.repeat(5_000)}`;
    const res = await raw('POST', '/api/events', event(deep));
    expect(res.status).toBe(400);
    expect(res.body.errors[0]).toMatchObject({ code: 'too_deep' });
    expect(res.body.errors[0]?.path).toMatch(/^properties(\.a)+$/);
    expect(res.body.errors[0]?.message_es).toContain('64 niveles');
    const fine = await raw('POST', '/api/events', event(`${'{"a":'.repeat(20)}1${'}'.repeat(20)}`));
    expect(fine.status).toBe(202);
  });
});

describe('dates PostgreSQL cannot read are refused', () => {
  test.each([
    ['from=0000-01-01', 'query.from'],
    ['to=2025-02-30', 'query.to'],
    ['to=9999-12-31', 'query.to'],
    ['from=2025-13-01', 'query.from'],
  ])('analytics %s', async (query, field) => {
    const res = await raw('GET', `/api/journeys/${journeyId}/analytics?${query}`);
    expect(res.status).toBe(400);
    expect(res.body.errors).toEqual([
      expect.objectContaining({
        path: field,
        code: 'invalid_date',
        message_es: expect.any(String),
      }),
    ]);
    const ok = await raw(
      'GET',
      `/api/journeys/${journeyId}/analytics?from=2025-01-01&to=2025-02-28`,
    );
    expect(ok.status).toBe(200);
  });

  test('event timestamps and paging cursors', async () => {
    for (const timestamp of [
      '0000-01-01T00:00:00Z',
      '2025-02-30T10:00:00Z',
      '9999-12-31T23:00:00-14:00',
    ]) {
      const res = await raw(
        'POST',
        '/api/events',
        `{"id":"t-${timestamp}","name":"cart_abandoned","contact":{"externalId":"c-9"},"timestamp":"${timestamp}"}`,
      );
      expect(res.status, timestamp).toBe(400);
      expect(res.body.errors[0]).toMatchObject({ path: 'timestamp', code: 'invalid_date' });
    }
    for (const path of [
      '/api/contacts?before=0000-01-01T00:00:00Z',
      '/api/runs?before=2025-02-30T00:00:00Z',
    ]) {
      const res = await raw('GET', path);
      expect(res.status, path).toBe(400);
      expect(res.body.errors[0]).toMatchObject({ path: 'query.before', code: 'invalid_date' });
    }
  });
});

test('previews of the same journey at once all start (they raced for a version number: 500)', async () => {
  const started = await Promise.all(
    Array.from({ length: 4 }, () =>
      api.call<Json>('POST', `/api/journeys/${journeyId}/preview`, {}),
    ),
  );
  expect(started.map((r) => r.status)).toEqual([202, 202, 202, 202]);
  expect(new Set(started.map((r) => r.body.runId)).size).toBe(4);
});
