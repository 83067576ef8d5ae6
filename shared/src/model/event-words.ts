import type { Localized } from './localized';

type EventWords = { noun: Localized; happened: Localized };

/**
 * The marketer's words for the events Ruta's templates and store sources produce. Any other
 * event reads as its name with spaces, in quotes: the name a developer sent is the user's word.
 */
const KNOWN: Record<string, EventWords> = {
  cart_abandoned: {
    noun: { es: 'carrito abandonado', pt: 'carrinho abandonado', en: 'abandoned cart' },
    happened: { es: 'abandonó el carrito', pt: 'abandonou o carrinho', en: 'abandoned the cart' },
  },
  checkout_started: {
    noun: { es: 'pago iniciado', pt: 'checkout iniciado', en: 'checkout started' },
    happened: { es: 'inició el pago', pt: 'iniciou o checkout', en: 'started checkout' },
  },
  order_placed: {
    noun: { es: 'compra', pt: 'compra', en: 'order' },
    happened: { es: 'compró', pt: 'comprou', en: 'ordered' },
  },
  lead_created: {
    noun: { es: 'nuevo prospecto', pt: 'novo lead', en: 'new lead' },
    happened: { es: 'se registró', pt: 'se cadastrou', en: 'signed up' },
  },
};

/** Property names an entry key is usually one of, said as what one run stands for. */
const KEY_WORDS: Record<string, Localized> = {
  cart_id: { es: 'carrito', pt: 'carrinho', en: 'cart' },
  checkout_id: { es: 'carrito', pt: 'carrinho', en: 'cart' },
  order_id: { es: 'pedido', pt: 'pedido', en: 'order' },
};

const quoted = (name: string): Localized => {
  const spaced = name.replace(/[_.]+/g, ' ').trim() || name;
  return { es: `«${spaced}»`, pt: `«${spaced}»`, en: `"${spaced}"` };
};

/** «carrito abandonado», «compra»; an unknown `store_visit` is «store visit». */
export function eventNoun(name: string): Localized {
  return Object.hasOwn(KNOWN, name) ? (KNOWN[name] as EventWords).noun : quoted(name);
}

/** «compró», «abandonó el carrito»; an unknown `store_visit` is «store visit» ocurrió. */
export function eventHappened(name: string): Localized {
  if (Object.hasOwn(KNOWN, name)) return (KNOWN[name] as EventWords).happened;
  const q = quoted(name);
  return { es: `${q.es} ocurrió`, pt: `${q.pt} aconteceu`, en: `${q.en} happened` };
}

/** What one run stands for under an entry key: «carrito» for cart_id, else «cart_ref». */
export function entryKeyWords(key: string): Localized {
  return Object.hasOwn(KEY_WORDS, key) ? (KEY_WORDS[key] as Localized) : quoted(key);
}
