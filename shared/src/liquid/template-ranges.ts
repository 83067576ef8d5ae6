import { Tokenizer, TypeGuards } from 'liquidjs';
import { liquid } from './engine';

/** The longest literal range a template may loop over, e.g. `(1..1000)`. */
export const MAX_RANGE_ITEMS = 1_000;

const RANGE = /\(\s*(-?\d+)\s*\.\.\s*(-?\d+)\s*\)/g;

/**
 * The number of items of the largest range with literal bounds (`(1..5)`, `(0..9999999)`) in the
 * template's tags and outputs; 0 when there is none. Ranges over variables are bounded at render
 * time by the engine's memory limit.
 */
export function largestRange(source: string): number {
  let largest = 0;
  const tokens = new Tokenizer(source, liquid.options.operators).readTopLevelTokens(liquid.options);
  for (const token of tokens) {
    const code = TypeGuards.isTagToken(token)
      ? token.args
      : TypeGuards.isOutputToken(token)
        ? token.content
        : '';
    for (const [, low, high] of code.matchAll(RANGE))
      largest = Math.max(largest, Number(high) - Number(low) + 1);
  }
  return largest;
}
