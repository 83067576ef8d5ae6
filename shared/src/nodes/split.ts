import { z } from 'zod';
import { PortName } from '../model/ids';
import { addRuleIssue } from '../model/rule-issue';
import { checkPorts, nodeBase } from './common';

export const SplitVariant = z.object({
  port: PortName,
  label: z.string().max(80).optional(),
  percent: z.number().min(0).max(100),
});
export type SplitVariant = z.infer<typeof SplitVariant>;

/** A random, recorded split (A/B); each contact lands in one variant. */
export const SplitNode = z
  .object({ type: z.literal('split'), ...nodeBase, variants: z.array(SplitVariant).min(2).max(10) })
  .superRefine((node, ctx) => {
    checkPorts(ctx, node.variants, 'variants');
    const total = node.variants.reduce((sum, variant) => sum + variant.percent, 0);
    if (Math.abs(total - 100) > 1e-9) {
      const shown = Math.round(total * 100) / 100;
      addRuleIssue(
        ctx,
        'split_not_100',
        {
          es: `Los porcentajes suman ${String(shown).replace('.', ',')} %; deben sumar 100 %.`,
          pt: `Os percentuais somam ${String(shown).replace('.', ',')}%; devem somar 100%.`,
          en: `The percentages add up to ${shown}%; they must add up to 100%.`,
        },
        ['variants'],
      );
    }
  });
export type SplitNode = z.infer<typeof SplitNode>;

export function outputPorts(node: SplitNode): string[] {
  return node.variants.map((variant) => variant.port);
}
