import { abandonedCart } from './abandoned-cart';
import type { JourneyTemplate } from './build';
import { reactivation } from './reactivation';
import { signalFallback } from './signal-fallback';
import { storeCheckout } from './store-checkout';

export type { JourneyTemplate } from './build';

/** The journeys a marketer can start from, in the order the editor offers them. */
export const journeyTemplates: readonly JourneyTemplate[] = [
  abandonedCart,
  reactivation,
  signalFallback,
  storeCheckout,
];

export type JourneyTemplateId =
  | 'abandoned_cart'
  | 'store_checkout'
  | 'reactivation'
  | 'signal_fallback';

/** A fresh copy of a template, safe to edit; undefined for an unknown id. */
export function getJourneyTemplate(id: string): JourneyTemplate | undefined {
  const template = journeyTemplates.find((candidate) => candidate.id === id);
  return template ? (JSON.parse(JSON.stringify(template)) as JourneyTemplate) : undefined;
}
