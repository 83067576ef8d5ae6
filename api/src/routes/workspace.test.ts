import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { type ApiHarness, startApiHarness } from '../testing/api-harness';

let api: ApiHarness;
beforeAll(async () => {
  api = await startApiHarness();
});
afterAll(() => api?.stop());

type Json = Record<string, any>;

const MXN = {
  currency: 'MXN',
  whatsapp: { marketing: 0.82, utility: 0.38, authentication: 0.45, service: 0 },
  sms: 0.95,
  email: 0.02,
  rcs: 0.2,
};

describe('workspace settings', () => {
  test('an admin renames the workspace; only an owner sets the prices', async () => {
    const admin = await api.member('admin');
    const owner = await api.member('owner');
    const before = await api.call<Json>('GET', '/api/workspace', undefined, {
      cookie: admin.cookie,
    });
    expect(before.body).toMatchObject({ name: 'Demo', prices: { currency: 'USD' } });

    const renamed = await api.call<Json>(
      'PATCH',
      '/api/workspace',
      { name: 'Tienda Sol' },
      { cookie: admin.cookie },
    );
    expect(renamed.body.name).toBe('Tienda Sol');
    const refused = await api.call<Json>('PUT', '/api/workspace/prices', MXN, {
      cookie: admin.cookie,
    });
    expect(refused.status).toBe(403);
    expect(refused.body).toMatchObject({ requiredRole: 'owner', currentRole: 'admin' });
    const bad = await api.call<Json>(
      'PUT',
      '/api/workspace/prices',
      { ...MXN, currency: 'pesos' },
      { cookie: owner.cookie },
    );
    expect(bad.status).toBe(400);
    expect(bad.body.errors[0].path).toBe('currency');

    const set = await api.call<Json>('PUT', '/api/workspace/prices', MXN, { cookie: owner.cookie });
    expect(set.status).toBe(200);
    expect((await api.call<Json>('GET', '/api/workspace')).body.prices).toEqual(MXN);
    const log = await api.call<Json>('GET', '/api/audit?limit=2');
    expect(log.body.items.map((e: Json) => e.action)).toEqual([
      'workspace.prices_changed',
      'workspace.updated',
    ]);
  });
});
