import type { z } from 'zod';
import type { Localized } from './localized';

/** What a rule puts in a zod custom issue's `params`, so validation keeps the code and every language. */
export type RuleParams = { code: string; message: Localized };

/**
 * Reports a rule that plain zod types cannot express (percentages that add up, unique ports…).
 * The zod `message` is the English text; validation reads the stable code and every language.
 */
export function addRuleIssue(
  ctx: z.RefinementCtx,
  code: string,
  message: Localized,
  path: PropertyKey[] = [],
): void {
  const params: RuleParams = { code, message };
  ctx.addIssue({ code: 'custom', message: message.en, params, path });
}

export function isRuleParams(value: unknown): value is RuleParams {
  if (typeof value !== 'object' || value === null) return false;
  const { code, message } = value as Partial<RuleParams>;
  return (
    typeof code === 'string' &&
    typeof message === 'object' &&
    message !== null &&
    typeof message.es === 'string' &&
    typeof message.pt === 'string' &&
    typeof message.en === 'string'
  );
}
