import type { JourneyDefinition } from '@ruta/shared';
import { newcombeInterval, wilsonInterval } from './lift';
import type { VariantCount } from './queries';

export interface VariantResult {
  port: string;
  label: string;
  entered: number;
  converted: number;
  rate: number | null;
  ci95: { low: number; high: number } | null;
}

export interface SplitResult {
  variants: VariantResult[];
  /**
   * The variant that converts best, named only when its 95 % interval against the next best
   * excludes zero; null while the difference may still be chance.
   */
  winner: string | null;
  /** The best against the next best, in rate points, with Newcombe's interval. */
  difference: { value: number; ci95: { low: number; high: number } } | null;
}

/** Per A/B split: each variant's conversion among the treatment runs that took it, and a winner. */
export function splitResults(
  definition: JourneyDefinition,
  counts: VariantCount[],
): Record<string, SplitResult> {
  const out: Record<string, SplitResult> = {};
  for (const [id, node] of Object.entries(definition.nodes)) {
    if (node.type !== 'split') continue;
    const variants = node.variants.map((variant) => {
      const row = counts.find((c) => c.node_id === id && c.port === variant.port);
      const entered = row?.entered ?? 0;
      const converted = row?.converted ?? 0;
      return {
        port: variant.port,
        label: variant.label ?? variant.port,
        entered,
        converted,
        rate: entered > 0 ? converted / entered : null,
        ci95: entered > 0 ? wilsonInterval(converted, entered) : null,
      };
    });
    const ranked = variants
      .filter((v) => v.entered > 0)
      .sort((a, b) => (b.rate ?? 0) - (a.rate ?? 0));
    const [best, next] = ranked;
    const difference =
      best && next
        ? {
            value: (best.rate ?? 0) - (next.rate ?? 0),
            ci95: newcombeInterval(best.converted, best.entered, next.converted, next.entered),
          }
        : null;
    out[id] = {
      variants,
      winner: best && difference && difference.ci95.low > 0 ? best.port : null,
      difference,
    };
  }
  return out;
}
