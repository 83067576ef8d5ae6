import { afterAll, beforeAll, expect, test } from 'vitest';
import { type ApiHarness, startApiHarness } from '../testing/api-harness';

let api: ApiHarness;
beforeAll(async () => {
  api = await startApiHarness();
});
afterAll(() => api?.stop());

type Json = Record<string, any>;

test('a journey created in Portuguese from a template has Brazilian messages; without a language, Spanish', async () => {
  const pt = await api.call<Json>('POST', '/api/journeys', {
    name: 'Carrinho',
    templateId: 'abandoned_cart',
    language: 'pt',
  });
  expect(pt.status).toBe(201);
  expect(pt.body.draft.nodes.send_cart.name).toBe('Lembrar do carrinho');
  expect(pt.body.draft.nodes.send_cart.content.whatsapp.template).toMatchObject({
    name: 'carrinho_abandonado',
    language: 'pt_BR',
  });
  expect(pt.body.problems).toEqual([]);

  const es = await api.call<Json>('POST', '/api/journeys', {
    name: 'Carrito',
    templateId: 'abandoned_cart',
  });
  expect(es.body.draft.nodes.send_cart.name).toBe('Recordar el carrito');
});

test('journey problems carry their own Portuguese text, not the Spanish one', async () => {
  const created = await api.call<Json>('POST', '/api/journeys', { name: 'Em branco' });
  const draft = created.body.draft;
  draft.nodes.wait_1 = {
    type: 'wait',
    until: { kind: 'duration', duration: { amount: 0, unit: 'hours' } },
  };
  const saved = await api.call<Json>('PUT', `/api/journeys/${created.body.id}/draft`, {
    definition: draft,
  });
  const problem = saved.body.problems.find((p: Json) => p.nodeId === 'wait_1');
  expect(problem.message.pt).not.toBe(problem.message.es);
  expect(problem.message.pt).toMatch(/ç|ã|õ|é|deve|etapa/);

  const published = await api.call<Json>('POST', `/api/journeys/${created.body.id}/publish`);
  expect(published.status).toBe(422);
  expect(published.body.errors.length).toBeGreaterThan(0);
  for (const error of published.body.errors) expect(error.message_pt).not.toBe(error.message_es);
});
