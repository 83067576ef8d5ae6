import type { Localized } from '../model/localized';
import { abandonedCart } from './abandoned-cart';
import { type JourneyTemplate, withTexts } from './build';
import { reactivation } from './reactivation';
import { signalFallback } from './signal-fallback';
import { storeCheckout } from './store-checkout';

export type { JourneyTemplate, TemplateTexts } from './build';

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

/**
 * A fresh copy of a template, safe to edit, with its messages and step names in `lang`
 * (Portuguese has its own; Spanish and English get the Spanish ones); undefined for an unknown id.
 */
export function getJourneyTemplate(
  id: string,
  lang: keyof Localized = 'es',
): JourneyTemplate | undefined {
  const template = journeyTemplates.find((candidate) => candidate.id === id);
  if (!template) return undefined;
  const copy = JSON.parse(JSON.stringify(template)) as JourneyTemplate;
  return lang === 'pt' ? { ...copy, definition: withTexts(copy.definition, copy.pt) } : copy;
}
