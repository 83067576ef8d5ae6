import { z } from 'zod';
import { addRuleIssue } from '../model/rule-issue';
import { nodeBase } from './common';

export const WebhookNode = z
  .object({
    type: z.literal('webhook'),
    ...nodeBase,
    method: z.enum(['GET', 'POST', 'PUT', 'PATCH', 'DELETE']),
    /** Liquid template. */
    url: z.string().min(1).max(2048),
    /** Values are Liquid templates. */
    headers: z.record(z.string().min(1), z.string()).default({}),
    /** Liquid template. */
    body: z.string().optional(),
    timeoutMs: z.int().min(100).max(30_000).default(5_000),
    /** Name under which the JSON response is kept on the run. */
    saveResponseAs: z.string().min(1).optional(),
  })
  .superRefine((node, ctx) => {
    // The URL may be built by Liquid, but only its scheme tells where the call can go.
    if (!/^(https?:\/\/|\{\{)/i.test(node.url.trim())) {
      addRuleIssue(
        ctx,
        'invalid_url',
        {
          es: 'La dirección debe empezar con https:// (o http://).',
          pt: 'O endereço deve começar com https:// (ou http://).',
          en: 'The URL must start with https:// (or http://).',
        },
        ['url'],
      );
    }
  });
export type WebhookNode = z.infer<typeof WebhookNode>;

export function outputPorts(_node: WebhookNode): string[] {
  return ['success', 'failure'];
}
