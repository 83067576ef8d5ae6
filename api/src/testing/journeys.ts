import type { ApiHarness } from './api-harness';

type Json = Record<string, any>;

/**
 * A journey from a template through the API — every `wait_for` timeout set to `waitFor`, no
 * quiet hours (a test must not depend on its hour) — published and active for everyone (no
 * holdout). Throws with the API's answer when a step is refused.
 */
export async function activeTemplateJourney(
  api: ApiHarness,
  options: {
    name: string;
    templateId: string;
    waitFor: { amount: number; unit: 'seconds' | 'minutes' | 'hours' };
    /** Changes the draft before it is published (e.g. a hand-off that waits for the agent). */
    edit?: (draft: Json) => void;
  },
): Promise<string> {
  const created = await api.call<Json>('POST', '/api/journeys', {
    name: options.name,
    templateId: options.templateId,
  });
  if (created.status !== 201)
    throw new Error(`journey not created: ${JSON.stringify(created.body)}`);
  const draft = created.body.draft;
  for (const node of Object.values<Json>(draft.nodes)) {
    if (node.type === 'wait_for') node.timeout = options.waitFor;
  }
  delete draft.settings.quietHours;
  options.edit?.(draft);
  const id = created.body.id as string;
  const steps: [string, string, unknown][] = [
    ['PUT', `/api/journeys/${id}/draft`, { definition: draft, layout: created.body.layout }],
    ['POST', `/api/journeys/${id}/publish`, undefined],
    [
      'POST',
      `/api/journeys/${id}/activate`,
      { pilot: { enrollmentPercent: 100, holdoutPercent: 0 } },
    ],
  ];
  for (const [method, path, body] of steps) {
    const res = await api.call<Json>(method, path, body);
    if (res.status >= 300)
      throw new Error(`${method} ${path}: ${res.status} ${JSON.stringify(res.body)}`);
  }
  return id;
}
